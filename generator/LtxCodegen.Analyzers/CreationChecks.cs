using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LtxCodegen.Analyzers
{
    /// <summary>The checks of one <c>new Request(...) { ... }</c>: broken pairs and required parameters left unset.</summary>
    internal static class CreationChecks
    {
        public static void Analyze(OperationAnalysisContext context, RuleReader reader)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol type || reader.GetModelId(type) is not { } modelId)
            {
                return;
            }

            var set = new Dictionary<string, SetMember>(StringComparer.Ordinal);
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && ParameterMapper.Find(type, parameter.Name, reader) is { } rules)
                {
                    set[rules.WireName] = new SetMember(rules, null, argument.Value);
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                        && reader.Get(target.Property) is { } rules)
                    {
                        set[rules.WireName] = new SetMember(rules, assignment, assignment.Value);
                    }
                }
            }

            CheckPairs(context, type, set, reader);
            CheckRequired(context, creation, type, modelId, set, reader);
        }

        private static void CheckPairs(OperationAnalysisContext context, INamedTypeSymbol type, Dictionary<string, SetMember> set, RuleReader reader)
        {
            foreach (var member in set.Values)
            {
                if (member.Assignment is null || member.IsNull || member.Rules.PairWireName is not { } partnerWireName
                    || (set.TryGetValue(partnerWireName, out var partnerSet) && !partnerSet.IsNull)
                    || ParameterMapper.FindByWireName(type, partnerWireName, reader) is not { } partner)
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(PropertyKeys.MissingProperty, partner.Property.Name)
                    .Add(PropertyKeys.MissingWireName, partner.WireName);
                if (PartnerValue(member, partner) is { } value)
                {
                    properties = properties.Add(PropertyKeys.MissingValue, value);
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PairBroken,
                    member.Assignment.Syntax.GetLocation(),
                    properties,
                    member.Rules.ModelId,
                    ScenarioRuleMessages.Pair(member.Rules.WireName, partner.WireName)));
            }
        }

        /// <summary>The partner gets the same constant when the two properties have the same type (width/height).</summary>
        private static string? PartnerValue(SetMember member, ParameterRules partner)
        {
            if (!SymbolEqualityComparer.Default.Equals(member.Rules.Property.Type, partner.Property.Type))
            {
                return null;
            }

            var constant = ConstantReader.Read(member.Value);
            if (!constant.HasValue || constant.Value is null)
            {
                return null;
            }

            if (constant.Value is string text)
            {
                return ValueFormatter.Literal(text);
            }

            return ConstantReader.TryGetNumber(constant.Value, out var number) && !double.IsNaN(number)
                ? ValueFormatter.Literal(number, partner.Property.Type)
                : null;
        }

        private static void CheckRequired(
            OperationAnalysisContext context,
            IObjectCreationOperation creation,
            INamedTypeSymbol type,
            string modelId,
            Dictionary<string, SetMember> set,
            RuleReader reader)
        {
            if (creation.Constructor is { } constructor && reader.Types.SetsRequiredMembers is { } setsRequired)
            {
                foreach (var attribute in constructor.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, setsRequired))
                    {
                        return;
                    }
                }
            }

            string? reason = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var symbol in current.GetMembers())
                {
                    if (symbol is not IPropertySymbol property || property.IsRequired || reader.Get(property) is not { IsRequired: true } rules
                        || !seen.Add(rules.WireName) || (set.TryGetValue(rules.WireName, out var member) && !member.IsNull))
                    {
                        continue;
                    }

                    reason ??= Reason(context.Compilation, creation.Syntax.SyntaxTree);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RequiredMissing,
                        TypeLocation(creation.Syntax),
                        modelId,
                        ScenarioRuleMessages.Required(rules.WireName),
                        reason));
                }
            }
        }

        // LanguageVersion.CSharp11 (1100) is not in Roslyn 4.3's enum; the value is (the Roslyn 4.3 flavour builds this file too).
        private const LanguageVersion CSharp11 = (LanguageVersion)1100;

        private static string Reason(Compilation compilation, SyntaxTree tree)
        {
            if (tree.Options is CSharpParseOptions options && options.LanguageVersion < CSharp11)
            {
                return "C# " + options.LanguageVersion.ToDisplayString() + " cannot use 'required' members, so the compiler does not check it";
            }

            return TypeLookup.Find(compilation, "System.Runtime.CompilerServices.RequiredMemberAttribute") is null
                ? "RequiredMemberAttribute is not available to this compilation, so the compiler does not check it"
                : "the property is not marked 'required', so the compiler does not check it";
        }

        private static Location TypeLocation(SyntaxNode syntax) =>
            syntax is ObjectCreationExpressionSyntax explicitCreation
                ? explicitCreation.Type.GetLocation()
                : syntax is ImplicitObjectCreationExpressionSyntax implicitCreation
                    ? implicitCreation.NewKeyword.GetLocation()
                    : syntax.GetLocation();

        private sealed class SetMember
        {
            public SetMember(ParameterRules rules, ISimpleAssignmentOperation? assignment, IOperation value)
            {
                Rules = rules;
                Assignment = assignment;
                Value = value;
                var constant = ConstantReader.Read(value);
                IsNull = constant.HasValue && constant.Value is null;
            }

            public ParameterRules Rules { get; }
            public ISimpleAssignmentOperation? Assignment { get; }
            public IOperation Value { get; }
            public bool IsNull { get; }
        }
    }
}
