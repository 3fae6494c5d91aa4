using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>Finishes a parameter read from any format: adds prose rules where no field states one, checks ranges.</summary>
    internal static class DocRules
    {
        public static ParameterSpec Complete(ParameterSpec spec, List<DiagnosticInfo> diagnostics)
        {
            spec = spec with { Description = DocParser.Cut(spec.Description, DocLimits.MaxDescriptionLength, "The description of '" + spec.WireName + "'", spec.Location, diagnostics) };

            if (spec.Minimum?.Value is double min && spec.Maximum?.Value is double max && min > max)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    SchemaDiagnostics.InvalidRange, spec.Location, spec.WireName, Literals.FormatNumber(min), Literals.FormatNumber(max)));
                spec = spec with { Minimum = null, Maximum = null };
            }

            if (ParameterTypes.IsNumeric(spec.Kind) && spec.Options is { } stated)
            {
                var numbers = new List<string>();
                foreach (var option in stated.Value.Values)
                {
                    if (!Literals.TryParseNumber(option, out var n))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            SchemaDiagnostics.InvalidField, spec.Location,
                            "Allowed value '" + option + "' of the numeric parameter '" + spec.WireName + "' is not a number; the list is ignored"));
                        numbers = null;
                        break;
                    }

                    numbers.Add(Literals.FormatNumber(n));
                }

                spec = spec with { Options = numbers is null ? null : OptionSet.Of(numbers, stated.Value.IsClosed, stated.Origin) };
            }

            var prose = ProseRules.Read(spec.Description, spec.Kind, spec.Default?.Json);
            if (prose.TimedOut)
            {
                diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.ProseTimeout, spec.Location, spec.WireName));
            }

            if (spec.Minimum is null && spec.Maximum is null && (prose.Minimum is not null || prose.Maximum is not null))
            {
                spec = spec with
                {
                    Minimum = Sourced.Of(prose.Minimum, RuleOrigin.Prose),
                    Maximum = Sourced.Of(prose.Maximum, RuleOrigin.Prose),
                };
            }

            if (spec.MaxLength is null && prose.MaxLength is not null)
            {
                spec = spec with { MaxLength = Sourced.Of(prose.MaxLength, RuleOrigin.Prose) };
            }

            if (spec.PairedWith is null && prose.PairedWith is not null && prose.PairedWith != spec.WireName)
            {
                spec = spec with { PairedWith = Sourced.Of(prose.PairedWith, RuleOrigin.Prose) };
            }

            if (spec.MultipleOf is null && prose.MultipleOf is not null)
            {
                spec = spec with { MultipleOf = Sourced.Of(prose.MultipleOf, RuleOrigin.Prose), MultipleOfIsError = prose.MultipleOfIsError };
            }

            if (spec.Options is null && prose.Options is not null)
            {
                spec = spec with { Options = OptionSet.Of(prose.Options, isClosed: false, RuleOrigin.Prose) };
            }

            return CapOptions(spec, diagnostics);
        }

        // At most MaxOptions values, none longer than MaxNameLength (each becomes a member name and literals).
        private static ParameterSpec CapOptions(ParameterSpec spec, List<DiagnosticInfo> diagnostics)
        {
            if (spec.Options is not { } stated
                || (stated.Value.Values.Count <= DocLimits.MaxOptions && stated.Value.Values.All(o => o.Length <= DocLimits.MaxNameLength)))
            {
                return spec;
            }

            var kept = new List<string>();
            var longReported = false;
            foreach (var option in stated.Value.Values)
            {
                if (option.Length > DocLimits.MaxNameLength)
                {
                    if (!longReported)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            SchemaDiagnostics.LimitExceeded, spec.Location, "An allowed value of '" + spec.WireName + "'",
                            DocLimits.MaxNameLength.ToString(CultureInfo.InvariantCulture), "characters", "such values are left out of the list"));
                        longReported = true;
                    }

                    continue;
                }

                if (kept.Count == DocLimits.MaxOptions)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        SchemaDiagnostics.LimitExceeded, spec.Location, "The allowed values of '" + spec.WireName + "'",
                        DocLimits.MaxOptions.ToString(CultureInfo.InvariantCulture), "values", "the list is not generated (a cut list would reject valid values)"));
                    return spec with { Options = null };
                }

                kept.Add(option);
            }

            return spec with { Options = OptionSet.Of(kept, stated.Value.IsClosed && !longReported, stated.Origin) };
        }
    }
}
