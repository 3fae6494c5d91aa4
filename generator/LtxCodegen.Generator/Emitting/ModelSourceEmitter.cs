using LtxCodegen.Schema.Names;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>Emits one model's file: request class, option structs, model descriptor, client extensions.</summary>
    internal static class ModelSourceEmitter
    {
        public static string Emit(Schema.Model.ModelSpec model, GenerationOptions options)
        {
            var plan = new ModelPlan(model);
            var w = SourceHeader.Start(options);
            RequestEmitter.Emit(w, plan, options);
            w.Line();
            foreach (var p in plan.Parameters)
            {
                if (p.OptionStructName is not null)
                {
                    OptionStructEmitter.Emit(w, plan, p, options);
                }
            }

            DescriptorEmitter.Emit(w, plan);
            ClientExtensionsEmitter.Emit(w, plan, options);
            return SourceHeader.Finish(w);
        }

        /// <summary>The file name merging chose (unique in the compilation), else the natural one.</summary>
        public static string HintName(Schema.Model.ModelSpec model) => model.HintName.Length > 0 ? model.HintName : NaturalHintName(model) + ".g.cs";

        /// <summary>The stem, kept to ASCII letters, digits and '_' (plus a stable hash when that changed it), without extension.</summary>
        public static string NaturalHintName(Schema.Model.ModelSpec model)
        {
            var stem = Naming.Stem(model.Id);
            var sb = new System.Text.StringBuilder(stem.Length);
            foreach (var c in stem)
            {
                sb.Append((c < 128 && char.IsLetterOrDigit(c)) || c == '_' ? c : '_');
            }

            var safe = sb.ToString();
            if (safe != stem)
            {
                unchecked
                {
                    var hash = 5381;
                    foreach (var c in stem)
                    {
                        hash = (hash * 33) ^ c;
                    }

                    safe += "_" + ((uint)hash).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return safe;
        }
    }
}
