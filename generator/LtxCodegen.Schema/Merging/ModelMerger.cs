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
    /// Merges what several docs say about the same model id into one model, docs in ordinal path order. A doc may
    /// add parameters or refine one (<see cref="ParameterMerger"/>): two stated values that disagree are settled by
    /// <see cref="ConflictRules"/> (a warning, LTXG0022, at both places) or, when no rule settles them, are a
    /// located conflict (LTXG0008) and the first doc's value stays.
    /// </summary>
    internal static class ModelMerger
    {
        public static MergeResult Merge(IEnumerable<ParsedDoc> docs)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var byId = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
            var sourcesById = new Dictionary<string, ValueSources>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var doc in docs.OrderBy(d => d.Path, StringComparer.Ordinal))
            {
                var standing = DocStanding.Of(doc);
                foreach (var model in doc.Models)
                {
                    if (byId.TryGetValue(model.Id, out var existing))
                    {
                        byId[model.Id] = MergeModel(existing, model, standing, sourcesById[model.Id], diagnostics);
                    }
                    else
                    {
                        var sources = new ValueSources();
                        foreach (var p in model.Parameters)
                        {
                            sources.Introduce(p.WireName, standing);
                        }

                        byId[model.Id] = model;
                        sourcesById[model.Id] = sources;
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

        private static ModelSpec MergeModel(ModelSpec first, ModelSpec second, DocStanding secondDoc, ValueSources sources, List<DiagnosticInfo> diagnostics)
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
                    parameters[index] = ParameterMerger.Merge(first.Id, parameters[index], p, secondDoc, sources, diagnostics);
                }
                else
                {
                    sources.Introduce(p.WireName, secondDoc);
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
                if (spec.PairedWith is { } pair)
                {
                    var partner = Resolve(pair.Value);
                    if (partner is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.UnknownPartner, spec.Location, spec.WireName, pair.Value, model.Id));
                    }

                    spec = spec with { PairedWith = Sourced.Of(partner, pair.Origin) };
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
