using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// Emits <c>WriteJson(Utf8JsonWriter)</c>: exact wire names, unset values omitted, multiples rounded. The wire names
    /// are encoded once (<c>JsonEncodedText</c> fields in a nested <c>JsonNames</c> class), not on every call.
    /// </summary>
    internal static class JsonWriterEmitter
    {
        /// <summary>The nested class holding the pre-encoded wire names (a reserved request member name).</summary>
        public const string NamesClass = "JsonNames";

        private const string EncodedText = "global::System.Text.Json.JsonEncodedText";

        public static void Emit(CodeWriter w, ModelPlan plan)
        {
            w.Doc("Writes the request body as a JSON object under the exact wire names, omitting unset values.");
            w.Open("public void WriteJson(global::System.Text.Json.Utf8JsonWriter writer)");
            w.Open("if (writer == null)");
            w.Line("throw new global::System.ArgumentNullException(nameof(writer));");
            w.Close();
            w.Line();
            w.Line("writer.WriteStartObject();");
            foreach (var p in plan.Parameters)
            {
                EmitParameter(w, p);
            }

            w.Line("writer.WriteEndObject();");
            w.Close();
            w.Line();
            w.Line("private static double RoundToMultiple(double value, double step) => global::System.Math.Round(value / step, global::System.MidpointRounding.AwayFromZero) * step;");
            EmitNames(w, plan);
        }

        private static void EmitNames(CodeWriter w, ModelPlan plan)
        {
            if (plan.Parameters.Count == 0)
            {
                return;
            }

            w.Line();
            w.Open("private static class " + NamesClass);
            foreach (var p in plan.Parameters)
            {
                w.Line("public static readonly " + EncodedText + " " + FieldName(p) + " = " + EncodedText + ".Encode(" + Escaping.Literal(p.Spec.WireName) + ");");
            }

            w.Close();
        }

        // The property names are unique and never a member of object (ModelPlan reserves those).
        private static string FieldName(ParameterPlan p) => p.Property;

        private static void EmitParameter(CodeWriter w, ParameterPlan p)
        {
            var wire = NamesClass + "." + FieldName(p);
            var v = p.Local;
            if (p.IsNonNullableValue || (!p.IsValueType && p.IsRequired))
            {
                w.Open("");
                w.Line("var " + v + " = " + p.Property + ";");
            }
            else
            {
                w.Open("if (" + p.Property + " is " + p.ClrType + " " + v + ")");
            }

            var round = p.Spec.MultipleOf is double step && !p.Spec.MultipleOfIsError ? Escaping.Double(step) : null;
            switch (p.Kind)
            {
                case ParameterKind.Number:
                    w.Line("writer.WriteNumber(" + wire + ", " + (round is null ? v : "RoundToMultiple(" + v + ", " + round + ")") + ");");
                    break;
                case ParameterKind.Integer:
                    var cast = p.IsLong ? "(long)" : "(int)";
                    w.Line("writer.WriteNumber(" + wire + ", " + (round is null ? v : cast + "RoundToMultiple(" + v + ", " + round + ")") + ");");
                    break;
                case ParameterKind.Boolean:
                    w.Line("writer.WriteBoolean(" + wire + ", " + v + ");");
                    break;
                case ParameterKind.String:
                    w.Line(p.OptionStructName is null
                        ? "writer.WriteString(" + wire + ", " + v + ");"
                        : "writer.WriteString(" + wire + ", " + v + ".Value);");
                    break;
                case ParameterKind.Asset:
                case ParameterKind.Model:
                    w.Line("writer.WriteString(" + wire + ", " + v + ");");
                    break;
                case ParameterKind.AssetArray:
                case ParameterKind.ModelArray:
                case ParameterKind.StringArray:
                    WriteArray(w, wire, v, "writer.WriteStringValue(item);");
                    break;
                case ParameterKind.NumberArray:
                    WriteArray(w, wire, v, "writer.WriteNumberValue(item);");
                    break;
                case ParameterKind.JsonArray:
                    WriteArray(w, wire, v, "item.WriteTo(writer);");
                    break;
                default:
                    w.Open("if (" + v + ".ValueKind != global::System.Text.Json.JsonValueKind.Undefined)");
                    w.Line("writer.WritePropertyName(" + wire + ");");
                    w.Line(v + ".WriteTo(writer);");
                    w.Close();
                    break;
            }

            w.Close();
        }

        private static void WriteArray(CodeWriter w, string wire, string v, string writeItem)
        {
            w.Open("if (" + v + " != null)");
            w.Line("writer.WriteStartArray(" + wire + ");");
            w.Open("foreach (var item in " + v + ")");
            w.Line(writeItem);
            w.Close();
            w.Line("writer.WriteEndArray();");
            w.Close();
        }
    }
}
