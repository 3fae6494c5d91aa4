using System.Collections.Immutable;
using System.Composition;
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
    /// Replaces a value with the one the analyzer computed: the nearest bound (LTX1001), the closest known option
    /// (LTX1002, LTX1003) or the nearest multiple (LTX1005, LTX1006).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceValueCodeFixProvider)), Shared]
    public sealed class ReplaceValueCodeFixProvider : CodeFixProvider
    {
        /// <summary>One key for all of them, so fix-all repairs every documented-value problem of its scope in one pass.</summary>
        internal const string EquivalenceKey = "LtxCodegen.UseDocumentedValue";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.OutOfRange,
            DiagnosticIds.UnknownOption,
            DiagnosticIds.UndocumentedOption,
            DiagnosticIds.RoundedToMultiple,
            DiagnosticIds.NotAMultiple);

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
                if (!diagnostic.Properties.TryGetValue(PropertyKeys.Replacement, out var replacement) || replacement is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
                {
                    continue;
                }

                var title = Title(diagnostic.Id, replacement);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        ct => ReplaceAsync(context.Document, expression, replacement, ct),
                        equivalenceKey: EquivalenceKey),
                    diagnostic);
            }
        }

        private static string Title(string id, string replacement) => id switch
        {
            DiagnosticIds.OutOfRange => "Clamp to " + replacement,
            DiagnosticIds.UnknownOption or DiagnosticIds.UndocumentedOption => "Use " + replacement,
            _ => "Round to " + replacement,
        };

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, string replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var value = SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(expression);
            return document.WithSyntaxRoot(root.ReplaceNode(expression, value));
        }
    }
}
