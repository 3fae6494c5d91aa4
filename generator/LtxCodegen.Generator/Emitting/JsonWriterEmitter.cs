using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// Emits <c>WriteJson(Utf8JsonWriter)</c>: exact wire names, unset values omitted, numbers normalized by the runtime
    /// (<c>ScenarioRules.Normalize</c>). One runtime call per parameter (<c>ScenarioJsonWriter</c>, which writes the
    /// same bytes as the writer's own calls, faster); the wire names are encoded once per model (a static
    /// <c>ScenarioJsonNames</c>, by descriptor position, built by the runtime from the descriptor).
    /// </summary>
    internal static class JsonWriterEmitter
    {
        /// <summary>The static field holding the pre-encoded wire names (a reserved request member name).</summary>
        public const string NamesClass = "JsonNames";

        public static void Emit(CodeWriter w, ModelPlan plan, GenerationOptions options)
        {
            w.Line(CodeWriter.InheritDoc);
            w.Open("public void WriteJson(" + Qualifiers.System + "Text.Json.Utf8JsonWriter writer)");
            if (plan.Parameters.Count == 0)
            {
                w.Line("if (writer == null) throw new " + Qualifiers.System + "ArgumentNullException(nameof(writer));");
                w.Line("writer.WriteStartObject();");
                w.Line("writer.WriteEndObject();");
                w.Close();
                return;
            }

            w.Line("var json = " + Qualifiers.Runtime + "ScenarioJsonWriter.Start(writer, " + NamesClass + ");");
            foreach (var p in plan.Parameters)
            {
                EmitParameter(w, p);
            }

            w.Line("json.End();");
            w.Close();
            w.Line("private static readonly " + Qualifiers.Runtime + "ScenarioJsonNames " + NamesClass + " = " + Qualifiers.Runtime + "ScenarioJsonNames.For(" + options.Global(plan.ModelClassName) + ".Descriptor);");
        }

        private static void EmitParameter(CodeWriter w, ParameterPlan p)
        {
            var index = p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var round = p.Spec.MultipleOf is not null && !p.Spec.MultipleOfIsError;

            // Lists are passed as they are (the runtime omits a null one); other values are written when set.
            if (p.IsList)
            {
                var call = p.Kind switch
                {
                    ParameterKind.NumberArray => "Numbers(" + index + ", " + p.Property + ", " + (round ? "true" : "false") + ")",
                    ParameterKind.JsonArray => "Elements(" + index + ", " + p.Property + ")",
                    _ => "Strings(" + index + ", " + p.Property + ")",
                };
                w.Line("json." + call + ";");
                return;
            }

            var always = p.IsNonNullableValue || (!p.IsValueType && p.IsRequired);
            var args = "(" + index + ", ";
            if (!always && !round)
            {
                // An unset (null) value is omitted by the runtime's nullable overloads: one call, no local.
                w.Line("json." + p.Kind switch
                {
                    ParameterKind.Number => "Number" + args + p.Property,
                    ParameterKind.Integer => "Integer" + args + p.Property,
                    ParameterKind.Boolean => "Boolean" + args + p.Property,
                    ParameterKind.String when p.OptionStructName is not null => "OptionalString" + args + p.Property + "?.Value",
                    ParameterKind.String or ParameterKind.Asset or ParameterKind.Model => "OptionalString" + args + p.Property,
                    _ => "Element" + args + p.Property,
                } + ");");
                return;
            }

            var v = always ? p.Property : p.Local;

            // Normalization on send lives in the runtime (ScenarioRules.Normalize), the one place the CLI uses too.
            var normalized = round
                ? Qualifiers.Runtime + "ScenarioRules.Normalize(Descriptor.Parameters[" + index + "], " + v + ")"
                : v;
            string write;
            switch (p.Kind)
            {
                case ParameterKind.Number:
                    write = "Number(" + index + ", " + normalized + ")";
                    break;
                case ParameterKind.Integer:
                    write = "Integer(" + index + ", " + (round ? (p.IsLong ? "(long)" : "(int)") + normalized : v) + ")";
                    break;
                case ParameterKind.Boolean:
                    write = "Boolean(" + index + ", " + v + ")";
                    break;
                case ParameterKind.String:
                    write = "String(" + index + ", " + v + (p.OptionStructName is null ? ")" : ".Value)");
                    break;
                case ParameterKind.Asset:
                case ParameterKind.Model:
                    write = "String(" + index + ", " + v + ")";
                    break;
                default:
                    write = "Element(" + index + ", " + v + ")";
                    break;
            }

            w.Line(always ? "json." + write + ";" : "if (" + p.Property + " is " + p.ClrType + " " + v + ") json." + write + ";");
        }
    }
}
