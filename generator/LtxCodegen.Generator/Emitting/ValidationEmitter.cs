using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// Emits <c>Validate()</c> as one call per parameter into the runtime's rule engine
    /// (<c>LtxCodegen.ScenarioRuleCheck</c>), by descriptor position: the engine decides every rule from the descriptor,
    /// so the typed client, the CLI, the emulator and the analyzer share one verdict and one set of messages.
    /// No reflection, no delegates: plain calls a C# 9 consumer, the trimmer and NativeAOT all accept.
    /// </summary>
    internal static class ValidationEmitter
    {
        private const string Error = Qualifiers.Runtime + "ValidationError";

        public static void Emit(CodeWriter w, ModelPlan plan, GenerationOptions options)
        {
            w.Line(CodeWriter.InheritDoc);
            w.Open("public " + Qualifiers.System + "Collections.Generic.IReadOnlyList<" + Error + "> Validate()");
            w.Line("var check = new " + Qualifiers.Runtime + "ScenarioRuleCheck(Descriptor);");
            foreach (var p in plan.Parameters)
            {
                w.Line("check." + Call(p) + ";");
            }

            w.Line("var errors = check.Finish();");
            w.Line("OnValidate(errors);");
            w.Line("return errors;");
            w.Close();
            w.Line();
            w.Doc("Adds checks of your own to <see cref=\"Validate\"/> (implement in a partial class).");
            w.Line("partial void OnValidate(" + Qualifiers.System + "Collections.Generic.List<" + Error + "> errors);");
            w.Line();
        }

        private static string Call(ParameterPlan p)
        {
            var i = p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", ";
            var v = p.Property;
            switch (p.Kind)
            {
                case ParameterKind.Number:
                case ParameterKind.Integer:
                    return "Number(" + i + v + ")";
                case ParameterKind.String:
                    if (p.OptionStructName is not null)
                    {
                        return "Text(" + i + v + (p.IsNonNullableValue ? ".Value)" : "?.Value)");
                    }

                    return "Text(" + i + v + ")";
                case ParameterKind.Asset:
                case ParameterKind.Model:
                    return "Text(" + i + v + ")";
                case ParameterKind.AssetArray:
                case ParameterKind.ModelArray:
                case ParameterKind.StringArray:
                    return "Texts(" + i + v + ")";
                case ParameterKind.NumberArray:
                    return "Numbers(" + i + v + ")";
                case ParameterKind.JsonArray:
                    return p.Spec.MaxLength is null ? "Flag(" + i + v + " != null)" : "Values(" + i + v + "?.Count)";
                case ParameterKind.Boolean:
                    return "Flag(" + i + (p.IsNonNullableValue ? "true)" : v + " != null)");
                default:
                    return "Json(" + i + v + ")";
            }
        }
    }
}
