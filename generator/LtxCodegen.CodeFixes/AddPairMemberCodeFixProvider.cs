using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LtxCodegen.CodeFixes
{
    /// <summary>
    /// LTX1004: adds the missing member of a pair to the initializer, with its partner's value (<c>Height = 1024</c>
    /// after <c>Width = 1024</c>), or with <c>default /* TODO */</c> when the value cannot be copied: that keeps the
    /// pair broken, so the analyzer and Validate() still report it until someone sets a real value.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPairMemberCodeFixProvider)), Shared]
    public sealed class AddPairMemberCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PairBroken);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(PropertyKeys.MissingProperty, out var name) || name is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
                    || assignment.Parent is not InitializerExpressionSyntax)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(PropertyKeys.MissingValue, out var value);
                diagnostic.Properties.TryGetValue(PropertyKeys.MissingWireName, out var wireName);
                var title = value is null ? "Add " + name + " (TODO value)" : "Add " + name + " = " + value;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => AddAsync(context.Document, assignment, name, value, wireName ?? name, ct), equivalenceKey: DiagnosticIds.PairBroken),
                    diagnostic);
            }
        }

        private static async Task<Document> AddAsync(
            Document document, AssignmentExpressionSyntax partner, string name, string? value, string wireName, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || partner.Parent is not InitializerExpressionSyntax initializer)
            {
                return document;
            }

            var right = SyntaxFactory.ParseExpression(value ?? "default");
            var trailing = value is null
                ? SyntaxFactory.TriviaList(SyntaxFactory.Space, SyntaxFactory.Comment("/* TODO: set " + wireName.Replace("*/", "* /") + " */"))
                : SyntaxFactory.TriviaList();
            var added = SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.IdentifierName(name).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                    right)
                .WithLeadingTrivia(partner.GetLeadingTrivia())
                .WithTrailingTrivia(trailing.AddRange(partner.GetTrailingTrivia()));

            var expressions = initializer.Expressions;
            var index = expressions.IndexOf(partner);
            var separatorTrivia = SeparatorTrivia(initializer, partner);
            var items = new List<SyntaxNodeOrToken>();
            for (var i = 0; i < expressions.Count; i++)
            {
                if (i > 0)
                {
                    items.Add(expressions.GetSeparator(i - 1));
                }

                if (i == index)
                {
                    items.Add(partner.WithTrailingTrivia());
                    items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrivia));
                    items.Add(added);
                }
                else
                {
                    items.Add(expressions[i]);
                }
            }

            if (expressions.SeparatorCount == expressions.Count)
            {
                items.Add(expressions.GetSeparator(expressions.Count - 1));
            }

            var updated = initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
            return document.WithSyntaxRoot(root.ReplaceNode(initializer, updated));
        }

        /// <summary>The trivia after the new comma: as after the initializer's other commas, else a line break or a space.</summary>
        private static SyntaxTriviaList SeparatorTrivia(InitializerExpressionSyntax initializer, AssignmentExpressionSyntax partner)
        {
            var separators = initializer.Expressions.GetSeparators().ToList();
            if (separators.Count > 0)
            {
                return separators[0].TrailingTrivia;
            }

            var lineBreak = partner.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return lineBreak.IsKind(SyntaxKind.EndOfLineTrivia)
                ? SyntaxFactory.TriviaList(lineBreak)
                : SyntaxFactory.TriviaList(SyntaxFactory.Space);
        }
    }
}
