using System.Collections.Generic;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>Emits <c>ScenarioModels</c>: every model of the compilation, findable by id.</summary>
    internal static class RegistryEmitter
    {
        /// <summary>The registry's type name (reserved: no model type may use it).</summary>
        public const string ClassName = "ScenarioModels";

        /// <summary>The registry's file name (reserved: no model file may use it).</summary>
        public const string HintName = ClassName + ".g.cs";

        private const string Ns = Qualifiers.Runtime;

        public static string Emit(IReadOnlyList<ModelSummary> models, GenerationOptions options)
        {
            var w = SourceHeader.Start(options);
            w.Doc("Every Scenario model generated in this compilation.");
            w.Line(SourceHeader.GeneratedCode);
            w.Open("public static partial class " + ClassName);
            w.Doc("The descriptors, ordered by model id.");
            w.Line("public static " + Qualifiers.System + "Collections.Generic.IReadOnlyList<" + Ns + "ScenarioModelDescriptor> All { get; } = new " + Ns + "ScenarioModelDescriptor[]");
            w.Line("{");
            w.Indent();
            foreach (var m in models)
            {
                w.Line(options.Global(m.Stem + "Model") + ".Descriptor,");
            }

            w.Outdent();
            w.Line("};");
            w.Line();
            w.Doc("Finds a model by id (ordinal), or returns null.");
            w.Open("public static " + Ns + "ScenarioModelDescriptor" + options.Q + " Find(string modelId)");
            w.Open("foreach (var descriptor in All)");
            w.Open("if (string.Equals(descriptor.Id, modelId, " + Qualifiers.System + "StringComparison.Ordinal))");
            w.Line("return descriptor;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("return null;");
            w.Close();
            w.Close();
            return SourceHeader.Finish(w);
        }
    }

    /// <summary>What the registry needs of a model.</summary>
    internal sealed record ModelSummary(string Id, string Stem);
}
