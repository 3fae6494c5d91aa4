using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LtxCodegen.Analyzers
{
    /// <summary>The checks of one constant value against one parameter's rules (range, options, multiple, length).</summary>
    internal static class ValueChecks
    {
        public static void Check(OperationAnalysisContext context, ParameterRules rules, IOperation value, ITypeSymbol target)
        {
            var constant = ConstantReader.Read(value);
            if (!constant.HasValue || constant.Value is null)
            {
                return;
            }

            var location = value.Syntax.GetLocation();
            if (constant.Value is string text)
            {
                CheckString(context, rules, text, location);
            }
            else if (ConstantReader.TryGetNumber(constant.Value, out var number) && !double.IsNaN(number))
            {
                CheckNumber(context, rules, number, target, location);
            }
        }

        private static void CheckNumber(OperationAnalysisContext context, ParameterRules rules, double value, ITypeSymbol target, Location location)
        {
            var shown = ValueFormatter.Number(value);
            // The verdicts come from the runtime's own rule arithmetic (ScenarioRuleMath, linked in): same range test,
            // multiples counted from 0, same rounding (kept inside the range) as ScenarioRules.Normalize.
            var outOfRange = ScenarioRuleMath.IsOutOfRange(value, rules.Minimum, rules.Maximum);
            if (outOfRange)
            {
                var bound = !double.IsNaN(rules.Minimum) && value < rules.Minimum ? rules.Minimum : rules.Maximum;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.OutOfRange,
                    location,
                    Replacement(ValueFormatter.Literal(bound, target)),
                    rules.WireName,
                    shown,
                    ValueFormatter.Range(rules.Minimum, rules.Maximum),
                    rules.ModelId));
            }

            // Out of range comes first: its fix (the bound) is what the value becomes, rounding it would be noise.
            if (!outOfRange && !double.IsNaN(rules.MultipleOf))
            {
                var rounded = ScenarioRuleMath.RoundToMultiple(value, rules.MultipleOf, rules.Minimum, rules.Maximum);
                if (rules.MultipleOfIsError ? !ScenarioRuleMath.IsMultiple(value, rules.MultipleOf) : rounded != value)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        rules.MultipleOfIsError ? Descriptors.NotAMultiple : Descriptors.RoundedToMultiple,
                        location,
                        Replacement(ValueFormatter.Literal(rounded, target)),
                        rules.WireName,
                        shown,
                        ValueFormatter.Number(rules.MultipleOf),
                        rules.ModelId,
                        ValueFormatter.Number(rounded)));
                }
            }

            if (OptionMatcher.AreNumbers(rules.Options) && OptionMatcher.ClosestNumber(rules.Options, value) is { } closest)
            {
                ReportOption(context, rules, shown, ValueFormatter.Number(closest), ValueFormatter.Literal(closest, target), location);
            }
        }

        private static void CheckString(OperationAnalysisContext context, ParameterRules rules, string value, Location location)
        {
            if (!rules.Options.IsDefaultOrEmpty && !OptionMatcher.Contains(rules.Options, value))
            {
                var closest = OptionMatcher.Closest(rules.Options, value);
                ReportOption(context, rules, ValueFormatter.Literal(value), ValueFormatter.Literal(closest), ValueFormatter.Literal(closest), location);
            }

            if (rules.MaxLength >= 0 && value.Length > rules.MaxLength)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TooLong,
                    location,
                    rules.WireName,
                    value.Length,
                    rules.ModelId,
                    rules.MaxLength));
            }
        }

        private static void ReportOption(OperationAnalysisContext context, ParameterRules rules, string shown, string suggestion, string literal, Location location) =>
            context.ReportDiagnostic(Diagnostic.Create(
                rules.OptionsAreClosed ? Descriptors.UnknownOption : Descriptors.UndocumentedOption,
                location,
                Replacement(literal),
                rules.WireName,
                shown,
                rules.ModelId,
                ValueFormatter.Options(rules.Options),
                suggestion));

        private static ImmutableDictionary<string, string?> Replacement(string literal) =>
            ImmutableDictionary<string, string?>.Empty.Add(PropertyKeys.Replacement, literal);
    }
}
