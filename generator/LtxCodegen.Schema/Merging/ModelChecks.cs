using System;
using System.Collections.Generic;
using System.Globalization;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Parsing;

namespace LtxCodegen.Schema.Merging
{
    /// <summary>
    /// Checks a merged model before code is generated from it: the limits of <see cref="DocLimits"/> (merging can add
    /// parameters and values several docs gave), defaults against the merged type (a number doc's 0.5 on what another
    /// doc makes an integer), and parameter names that display alike.
    /// </summary>
    internal static class ModelChecks
    {
        public static ModelSpec Apply(ModelSpec model, List<DiagnosticInfo> diagnostics)
        {
            var parameters = new List<ParameterSpec>(Math.Min(model.Parameters.Count, DocLimits.MaxParameters));
            var options = 0;
            var optionsCapped = false;
            var skeletons = new Dictionary<string, ParameterSpec>(StringComparer.Ordinal);
            foreach (var p in model.Parameters)
            {
                if (parameters.Count == DocLimits.MaxParameters)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        SchemaDiagnostics.LimitExceeded, p.Location, "Model '" + model.Id + "'",
                        DocLimits.MaxParameters.ToString(CultureInfo.InvariantCulture), "parameters",
                        "'" + p.WireName + "' and the parameters after it are not generated"));
                    break;
                }

                var spec = CheckDefault(p, diagnostics);
                options += spec.Options?.Value.Values.Count ?? 0;
                if (options > DocLimits.MaxOptionsPerModel)
                {
                    if (!optionsCapped)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            SchemaDiagnostics.LimitExceeded, spec.Location, "Model '" + model.Id + "'",
                            DocLimits.MaxOptionsPerModel.ToString(CultureInfo.InvariantCulture), "allowed values in all",
                            "'" + spec.WireName + "' and the parameters after it get no list of allowed values"));
                        optionsCapped = true;
                    }

                    spec = spec with { Options = null };
                }

                var skeleton = Confusables.Skeleton(spec.WireName);
                if (skeletons.TryGetValue(skeleton, out var lookalike))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        SchemaDiagnostics.ConfusableName, spec.Location,
                        "Parameter '" + spec.WireName + "' of model '" + model.Id + "' looks like '" + lookalike.WireName + "' (" + lookalike.Location.Describe()
                        + ") but is another name: both read '" + skeleton + "'"));
                }
                else
                {
                    skeletons[skeleton] = spec;
                }

                parameters.Add(spec);
            }

            return model with { Parameters = parameters.ToEquatableArray() };
        }

        // The generated constant must be a literal of the property's type: an integer in long's range, a finite number.
        private static ParameterSpec CheckDefault(ParameterSpec p, List<DiagnosticInfo> diagnostics)
        {
            if (p.Default is not DocValue value)
            {
                return p;
            }

            bool ok;
            switch (p.Kind)
            {
                case ParameterKind.Integer:
                    // DocValue.Integer is set for a whole number a long holds.
                    ok = value.Kind == DocValueKind.Number && value.Integer is not null;
                    break;
                case ParameterKind.Number:
                    ok = value.Kind == DocValueKind.Number;
                    break;
                case ParameterKind.Boolean:
                    ok = value.Kind == DocValueKind.Boolean;
                    break;
                case ParameterKind.String:
                case ParameterKind.Asset:
                case ParameterKind.Model:
                    ok = value.Kind == DocValueKind.String;
                    break;
                default:
                    ok = true;
                    break;
            }

            if (ok)
            {
                return p;
            }

            var type = p.Kind == ParameterKind.Integer ? "64-bit integer" : p.RawType;
            diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.InvalidDefault, p.Location, value.Json, p.WireName, type));
            return p with { Default = null };
        }
    }
}
