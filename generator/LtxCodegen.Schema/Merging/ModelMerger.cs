using System;
using System.Collections.Generic;
using System.Linq;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Parsing;

namespace LtxCodegen.Schema.Merging
{
    /// <summary>
    /// Merges what several docs say about the same model id into one model. A doc may add parameters or refine one
    /// (a structured min/max/list refines a prose one; an integer refines a number). Two structured sources that
    /// disagree are a located conflict (LTXG0008) and the first doc (ordinal path order) wins.
    /// </summary>
    internal static class ModelMerger
    {
        public static MergeResult Merge(IEnumerable<ParsedDoc> docs)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var byId = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var doc in docs.OrderBy(d => d.Path, StringComparer.Ordinal))
            {
                foreach (var model in doc.Models)
                {
                    if (byId.TryGetValue(model.Id, out var existing))
                    {
                        byId[model.Id] = MergeModel(existing, model, diagnostics);
                    }
                    else
                    {
                        byId[model.Id] = model;
                        order.Add(model.Id);
                    }
                }
            }

            var result = new List<ModelSpec>();
            var stems = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var skeletons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in order.OrderBy(i => i, StringComparer.Ordinal))
            {
                var model = ModelChecks.Apply(CheckReferences(byId[id], diagnostics), diagnostics);
                if (model.Parameters.IsEmpty)
                {
                    diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.EmptyModel, model.Location, model.Id));
                    continue;
                }

                var stem = Naming.Stem(model.Id);
                if (stems.TryGetValue(stem, out var other))
                {
                    diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.DuplicateTypeName, model.Location, other, model.Id, stem));
                    continue;
                }

                var skeleton = Confusables.Skeleton(stem);
                if (skeletons.TryGetValue(skeleton, out var lookalike))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        SchemaDiagnostics.ConfusableName, model.Location,
                        "Model '" + model.Id + "' gets type names that look like those of model '" + lookalike + "' (both read '" + skeleton + "')"));
                }
                else
                {
                    skeletons[skeleton] = model.Id;
                }

                stems[stem] = model.Id;
                result.Add(model);
            }

            return new MergeResult(result.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static ModelSpec MergeModel(ModelSpec first, ModelSpec second, List<DiagnosticInfo> diagnostics)
        {
            var parameters = first.Parameters.ToList();
            var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < parameters.Count; i++)
            {
                if (!indexOf.ContainsKey(parameters[i].WireName))
                {
                    indexOf[parameters[i].WireName] = i;
                }
            }

            foreach (var p in second.Parameters)
            {
                if (indexOf.TryGetValue(p.WireName, out var index))
                {
                    parameters[index] = MergeParameter(first.Id, parameters[index], p, diagnostics);
                }
                else
                {
                    indexOf[p.WireName] = parameters.Count;
                    parameters.Add(p);
                }
            }

            return first with
            {
                Name = first.Name ?? second.Name,
                Description = first.Description ?? second.Description,
                Parameters = parameters.ToEquatableArray(),
            };
        }

        private static ParameterSpec MergeParameter(string modelId, ParameterSpec a, ParameterSpec b, List<DiagnosticInfo> diagnostics)
        {
            void Conflict(string field, string ours, string theirs) =>
                diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.Conflict, b.Location, modelId, a.WireName, field, theirs, ours, a.Location.Describe()));

            var merged = a;
            var kind = MergeKind(a.Kind, b.Kind);
            if (kind is null)
            {
                Conflict("the type", a.RawType, b.RawType);
            }
            else
            {
                merged = merged with { Kind = kind.Value };
            }

            merged = merged with { Description = a.Description ?? b.Description };

            if (a.Required is bool ra && b.Required is bool rb && ra != rb)
            {
                Conflict("'required'", ra ? "required" : "optional", rb ? "required" : "optional");
            }
            else
            {
                merged = merged with { Required = a.Required ?? b.Required };
            }

            if (a.DefaultJson is not null && b.DefaultJson is not null && !SameJson(a.DefaultJson, b.DefaultJson))
            {
                Conflict("the default", a.DefaultJson, b.DefaultJson);
            }
            else
            {
                merged = merged with { DefaultJson = a.DefaultJson ?? b.DefaultJson };
            }

            var (min, minOrigin) = MergeNumber(a.Minimum, a.MinimumOrigin, b.Minimum, b.MinimumOrigin, "the minimum", Conflict);
            var (max, maxOrigin) = MergeNumber(a.Maximum, a.MaximumOrigin, b.Maximum, b.MaximumOrigin, "the maximum", Conflict);
            merged = merged with { Minimum = min, MinimumOrigin = minOrigin, Maximum = max, MaximumOrigin = maxOrigin };

            var (step, stepOrigin) = MergeNumber(a.MultipleOf, a.MultipleOfOrigin, b.MultipleOf, b.MultipleOfOrigin, "the step (multiple of)", Conflict);
            var stepIsError = step is null ? false : (stepOrigin == a.MultipleOfOrigin && a.MultipleOf == step ? a.MultipleOfIsError : b.MultipleOfIsError);
            merged = merged with { MultipleOf = step, MultipleOfOrigin = stepOrigin, MultipleOfIsError = stepIsError };

            var (maxLength, maxLengthOrigin) = MergeNumber(a.MaxLength, a.MaxLengthOrigin, b.MaxLength, b.MaxLengthOrigin, "the maximum length", Conflict);
            merged = merged with { MaxLength = maxLength is double ml ? (int)ml : null, MaxLengthOrigin = maxLengthOrigin };

            merged = MergeOptions(merged, a, b, Conflict);

            if (a.PairedWith is null || (a.PairOrigin == RuleOrigin.Prose && b.PairedWith is not null && b.PairOrigin == RuleOrigin.Structured))
            {
                merged = merged with { PairedWith = b.PairedWith ?? a.PairedWith, PairOrigin = b.PairedWith is not null ? b.PairOrigin : a.PairOrigin };
            }

            if (a.AssetKind is not null && b.AssetKind is not null && !string.Equals(a.AssetKind, b.AssetKind, StringComparison.OrdinalIgnoreCase))
            {
                Conflict("the asset kind", a.AssetKind, b.AssetKind);
            }
            else
            {
                merged = merged with { AssetKind = a.AssetKind ?? b.AssetKind };
            }

            var conditions = a.Conditions.ToList();
            var known = new HashSet<(string, bool)>(a.Conditions.Select(x => (x.OtherWireName, x.WhenOtherIsSet)));
            foreach (var c in b.Conditions)
            {
                if (known.Add((c.OtherWireName, c.WhenOtherIsSet)))
                {
                    conditions.Add(c);
                }
            }

            return merged with { Conditions = conditions.ToEquatableArray() };
        }

        private static ParameterKind? MergeKind(ParameterKind a, ParameterKind b)
        {
            if (a == b)
            {
                return a;
            }

            if (ParameterTypes.IsNumeric(a) && ParameterTypes.IsNumeric(b))
            {
                return ParameterKind.Integer;
            }

            // A raw JSON value is refined by anything more precise.
            if (a == ParameterKind.Json)
            {
                return b;
            }

            if (b == ParameterKind.Json)
            {
                return a;
            }

            return null;
        }

        private static (double? Value, RuleOrigin Origin) MergeNumber(
            double? a, RuleOrigin aOrigin, double? b, RuleOrigin bOrigin, string field, Action<string, string, string> conflict)
        {
            if (a is null)
            {
                return (b, bOrigin);
            }

            if (b is null)
            {
                return (a, aOrigin);
            }

            if (aOrigin == RuleOrigin.Structured && bOrigin == RuleOrigin.Structured)
            {
                if (a.Value != b.Value)
                {
                    conflict(field, Escaping.Number(a.Value), Escaping.Number(b.Value));
                }

                return (a, aOrigin);
            }

            // A structured value refines a prose one.
            return aOrigin == RuleOrigin.Structured ? (a, aOrigin) : bOrigin == RuleOrigin.Structured ? (b, bOrigin) : (a, aOrigin);
        }

        private static (double? Value, RuleOrigin Origin) MergeNumber(
            int? a, RuleOrigin aOrigin, int? b, RuleOrigin bOrigin, string field, Action<string, string, string> conflict) =>
            MergeNumber(a is int x ? x : (double?)null, aOrigin, b is int y ? y : (double?)null, bOrigin, field, conflict);

        private static ParameterSpec MergeOptions(ParameterSpec merged, ParameterSpec a, ParameterSpec b, Action<string, string, string> conflict)
        {
            if (b.Options.IsEmpty)
            {
                return merged;
            }

            if (a.Options.IsEmpty)
            {
                return merged with { Options = b.Options, OptionsAreClosed = b.OptionsAreClosed, OptionsOrigin = b.OptionsOrigin };
            }

            var aStructured = a.OptionsOrigin == RuleOrigin.Structured;
            var bStructured = b.OptionsOrigin == RuleOrigin.Structured;
            if (aStructured && bStructured)
            {
                if (a.OptionsAreClosed && b.OptionsAreClosed && !new HashSet<string>(a.Options).SetEquals(b.Options))
                {
                    conflict("the allowed values", string.Join(", ", a.Options), string.Join(", ", b.Options));
                }

                return merged;
            }

            return bStructured
                ? merged with { Options = b.Options, OptionsAreClosed = b.OptionsAreClosed, OptionsOrigin = b.OptionsOrigin }
                : merged;
        }

        private static bool SameJson(string a, string b)
        {
            if (a == b)
            {
                return true;
            }

            return Literals.TryParseNumber(a, out var x) && Literals.TryParseNumber(b, out var y) && x == y;
        }

        // Pairs and conditions must name parameters of the same model; a wrong case is forgiven, a missing one reported.
        private static ModelSpec CheckReferences(ModelSpec model, List<DiagnosticInfo> diagnostics)
        {
            var names = new HashSet<string>(model.Parameters.Select(p => p.WireName), StringComparer.Ordinal);
            var ignoringCase = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in model.Parameters)
            {
                if (!ignoringCase.ContainsKey(p.WireName))
                {
                    ignoringCase[p.WireName] = p.WireName;
                }
            }

            string? Resolve(string name) =>
                names.Contains(name) ? name : ignoringCase.TryGetValue(name, out var n) ? n : null;

            var parameters = new List<ParameterSpec>();
            foreach (var p in model.Parameters)
            {
                var spec = p;
                if (spec.PairedWith is not null)
                {
                    var partner = Resolve(spec.PairedWith);
                    if (partner is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.UnknownPartner, spec.Location, spec.WireName, spec.PairedWith, model.Id));
                    }

                    spec = spec with { PairedWith = partner };
                }

                if (!spec.Conditions.IsEmpty)
                {
                    var conditions = new List<ConditionSpec>();
                    foreach (var c in spec.Conditions)
                    {
                        var other = Resolve(c.OtherWireName);
                        if (other is null)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.UnknownPartner, spec.Location, spec.WireName, c.OtherWireName, model.Id));
                        }
                        else
                        {
                            conditions.Add(c with { OtherWireName = other });
                        }
                    }

                    spec = spec with { Conditions = conditions.ToEquatableArray() };
                }

                parameters.Add(spec);
            }

            return model with { Parameters = parameters.ToEquatableArray() };
        }
    }
}
