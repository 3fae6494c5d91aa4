using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>Emits <c>{Stem}Model</c>: the model id and a runtime descriptor read from a compact parameter table.</summary>
    internal static class DescriptorEmitter
    {
        private const string Ns = Qualifiers.Runtime;

        public static void Emit(CodeWriter w, ModelPlan plan)
        {
            var model = plan.Model;
            w.Doc("The Scenario model <c>" + Escaping.Xml(model.Id) + "</c> (" + Escaping.Xml(plan.DisplayName) + "): its id and descriptor.");
            w.Line(SourceHeader.GeneratedCode);
            w.Open("public static partial class " + plan.ModelClassName);
            w.Doc("The model id.");
            w.Line("public const string Id = " + Escaping.Literal(model.Id) + ";");
            w.Line();
            w.Doc("Parameters, types, defaults and rules, as the model docs state them.");
            w.Line("public static " + Ns + "ScenarioModelDescriptor Descriptor { get; } = " + Ns + "ScenarioModelDescriptor.FromTable(");
            w.Indent();
            w.Line("Id, " + Escaping.Literal(plan.DisplayName) + ", " + Escaping.Literal(plan.Stem) + ", " + (model.Description is null ? "null" : Escaping.Literal(model.Description)) + ",");
            if (plan.Parameters.Count == 0)
            {
                w.Line("\"\");");
            }

            // The parameter table: one line per parameter (fields ended by '|'), read once by the runtime.
            for (var i = 0; i < plan.Parameters.Count; i++)
            {
                w.Line(Escaping.Literal(DescriptorTable.Encode(plan.Parameters[i])) + (i == plan.Parameters.Count - 1 ? ");" : " +"));
            }

            w.Outdent();
            w.Close();
            w.Line();
        }

        internal static string TypeName(ParameterKind kind)
        {
            switch (kind)
            {
                case ParameterKind.JsonArray:
                    return "Json";
                default:
                    return kind.ToString();
            }
        }
    }
}
