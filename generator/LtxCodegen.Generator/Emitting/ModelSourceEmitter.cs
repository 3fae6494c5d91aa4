namespace LtxCodegen.Generator.Emitting
{
    /// <summary>Emits one model's file: request class, option structs, model descriptor, client extensions.</summary>
    internal static class ModelSourceEmitter
    {
        public static string Emit(Model.ModelSpec model, GenerationOptions options)
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

        public static string HintName(Model.ModelSpec model) => Naming.Stem(model.Id) + ".g.cs";
    }
}
