using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LtxCodegen.Analyzers
{
    /// <summary>
    /// The checks of one constant value against one parameter's rules, in the runtime engine's order and words
    /// (ScenarioRuleCheck): a number is normalized first (rounded to its multiple), then range, closed options and an
    /// error multiple are checked, and the first failure is the verdict; a text is checked for length, then options.
    /// </summary>
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
            else if (ConstantReader.TryGetNumber(constant.Value, out var number) && !double.IsNaN(number) && !double.IsInfinity(number))
            {
                CheckNumber(context, rules, number, target, location);
            }
        }

        private static void CheckNumber(OperationAnalysisContext context, ParameterRules rules, double value, ITypeSymbol target, Location location)
        {
            // The runtime's own rule arithmetic and sentences (ScenarioRuleMath, ScenarioRuleMessages, linked in). The value
            // judged is the value sent: rounded to its multiple when the service rounds (ScenarioRules.Normalize).
            var name = rules.WireName;
            var rounds = !double.IsNaN(rules.MultipleOf) && !rules.MultipleOfIsError;
            var sent = rounds ? ScenarioRuleMath.RoundToMultiple(value, rules.MultipleOf, rules.Minimum, rules.Maximum) : value;
            if (ScenarioRuleMath.IsOutOfRange(sent, rules.Minimum, rules.Maximum))
            {
                var bound = !double.IsNaN(rules.Minimum) && sent < rules.Minimum ? rules.Minimum : rules.Maximum;
                Report(context, Descriptors.OutOfRange, location, ValueFormatter.Literal(bound, target), rules.ModelId,
                    ScenarioRuleMessages.Range(name, rules.Minimum, rules.Maximum, sent));
                return;
            }

            if (OptionMatcher.AreNumbers(rules.Options) && OptionMatcher.ClosestNumber(rules.Options, sent) is { } closest)
            {
                var closed = rules.OptionsAreClosed;
                Report(context, closed ? Descriptors.UnknownOption : Descriptors.UndocumentedOption, location, ValueFormatter.Literal(closest, target),
                    rules.ModelId,
                    closed
                        ? ScenarioRuleMessages.NumberOption(name, rules.Options, sent)
                        : ScenarioRuleMessages.UndocumentedOption(name, rules.Options, ScenarioRuleMath.Format(sent)),
                    ScenarioRuleMath.Format(closest));
                if (closed)
                {
                    return;
                }
            }

            if (double.IsNaN(rules.MultipleOf))
            {
                return;
            }

            var nearest = ScenarioRuleMath.RoundToMultiple(value, rules.MultipleOf, rules.Minimum, rules.Maximum);
            if (rules.MultipleOfIsError && !ScenarioRuleMath.IsMultiple(value, rules.MultipleOf))
            {
                Report(context, Descriptors.NotAMultiple, location, ValueFormatter.Literal(nearest, target), rules.ModelId,
                    ScenarioRuleMessages.Multiple(name, rules.MultipleOf, value), ScenarioRuleMath.Format(nearest));
            }
            else if (rounds && sent != value)
            {
                Report(context, Descriptors.RoundedToMultiple, location, ValueFormatter.Literal(sent, target), rules.ModelId,
                    ScenarioRuleMessages.Rounded(name, rules.MultipleOf, value, sent));
            }
        }

        private static void CheckString(OperationAnalysisContext context, ParameterRules rules, string value, Location location)
        {
            var name = rules.WireName;
            if (rules.MaxLength >= 0 && value.Length > rules.MaxLength)
            {
                // The runtime stops at the first problem of a value: a text too long is not also checked against options.
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TooLong, location, rules.ModelId,
                    ScenarioRuleMessages.TooManyCharacters(name, rules.MaxLength, value.Length)));
                return;
            }

            if (!rules.Options.IsDefaultOrEmpty && !OptionMatcher.Contains(rules.Options, value))
            {
                var closest = OptionMatcher.Closest(rules.Options, value);
                var closed = rules.OptionsAreClosed;
                Report(context, closed ? Descriptors.UnknownOption : Descriptors.UndocumentedOption, location, ValueFormatter.Literal(closest),
                    rules.ModelId,
                    closed
                        ? ScenarioRuleMessages.TextOption(name, rules.Options, value)
                        : ScenarioRuleMessages.UndocumentedOption(name, rules.Options, ScenarioRuleMessages.Shown(value)),
                    ValueFormatter.Literal(closest));
            }
        }

        private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, Location location, string replacement, params object[] arguments) =>
            context.ReportDiagnostic(Diagnostic.Create(
                descriptor,
                location,
                ImmutableDictionary<string, string?>.Empty.Add(PropertyKeys.Replacement, replacement),
                arguments));
    }
}
