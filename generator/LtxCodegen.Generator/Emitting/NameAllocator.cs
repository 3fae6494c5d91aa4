using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Merging;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// Gives every model of the compilation names no other model or the registry uses: a file (hint) name, unique
    /// ignoring case and never the registry's; and option struct type names that avoid every other generated type
    /// (a clash is a located LTXG0018 warning and the struct gets a free name). Models are visited in id order, so
    /// the result depends only on the set of models. Runs on the model library's merge result: the names are the
    /// generated code's, so they live with the emitters.
    /// </summary>
    internal static class NameAllocator
    {
        /// <summary>The merged models with their file and type names, and the merge's diagnostics followed by naming's.</summary>
        public static MergeResult Name(MergeResult merged)
        {
            var diagnostics = merged.Diagnostics.ToList();
            var models = Allocate(merged.Models.ToList(), diagnostics);
            return new MergeResult(models.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        public static List<ModelSpec> Allocate(List<ModelSpec> models, List<DiagnosticInfo> diagnostics)
        {
            // Request, model and extension classes end in a suffix only they use, so they cannot clash across models
            // whose stems differ (the merger reports equal stems); they are claimed first.
            var owners = new Dictionary<string, string>(StringComparer.Ordinal) { [RegistryEmitter.ClassName] = "the model registry" };
            foreach (var model in models)
            {
                var stem = Naming.Stem(model.Id);
                foreach (var suffix in new[] { "Request", "Model", "ClientExtensions" })
                {
                    owners[stem + suffix] = "model '" + model.Id + "'";
                }
            }

            var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { RegistryEmitter.HintName };
            var result = new List<ModelSpec>(models.Count);
            foreach (var model in models)
            {
                var named = model with { HintName = UniqueHint(ModelSourceEmitter.NaturalHintName(model), hints) };
                var own = new HashSet<string>(new ModelPlan(named).TypeNames.Take(3), StringComparer.Ordinal);
                var reserved = new SortedSet<string>(StringComparer.Ordinal);
                var reported = new HashSet<string>(StringComparer.Ordinal);
                ModelPlan plan;
                while (true)
                {
                    plan = new ModelPlan(named);
                    var taken = plan.Parameters
                        .Where(p => p.OptionStructName is not null && !own.Contains(p.OptionStructName) && owners.ContainsKey(p.OptionStructName))
                        .ToList();
                    if (taken.Count == 0)
                    {
                        break;
                    }

                    foreach (var p in taken)
                    {
                        reserved.Add(p.OptionStructName!);
                    }

                    named = named with { ReservedTypeNames = reserved.ToEquatableArray() };
                }

                // Report once per parameter whose natural name was taken, with the name it finally got.
                var natural = new ModelPlan(named with { ReservedTypeNames = EquatableArray<string>.Empty });
                for (var i = 0; i < plan.Parameters.Count; i++)
                {
                    var before = natural.Parameters[i].OptionStructName;
                    var after = plan.Parameters[i].OptionStructName;
                    if (before is not null && after is not null && before != after && owners.TryGetValue(before, out var owner) && reported.Add(before))
                    {
                        var spec = plan.Parameters[i].Spec;
                        diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.TypeNameTaken, spec.Location, before, spec.WireName, model.Id, owner, after));
                    }
                }

                foreach (var name in plan.TypeNames.Skip(3))
                {
                    owners[name] = "model '" + model.Id + "'";
                }

                result.Add(named);
            }

            return result;
        }

        private static string UniqueHint(string natural, HashSet<string> taken)
        {
            var candidate = natural + ".g.cs";
            for (var n = 2; !taken.Add(candidate); n++)
            {
                candidate = natural + "_" + n.ToString(CultureInfo.InvariantCulture) + ".g.cs";
            }

            return candidate;
        }
    }
}
