using LtxCodegen.Schema.Names;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// Emits <c>WriteJson(Utf8JsonWriter)</c>: exact wire names, unset values omitted, numbers normalized by the runtime (<c>ScenarioRules.Normalize</c>). The wire names
    /// are encoded once (a static <c>JsonEncodedText</c> array, by descriptor position, built by the runtime from the
    /// descriptor), not on every call.
    /// </summary>
    internal static class JsonWriterEmitter
    {
        /// <summary>The static field holding the pre-encoded wire names (a reserved request member name).</summary>
        public const string NamesClass = "JsonNames";

        private const string EncodedText = Qualifiers.System + "Text.Json.JsonEncodedText";

        public static void Emit(CodeWriter w, ModelPlan plan, GenerationOptions options)
        {
            w.Line(CodeWriter.InheritDoc);
            w.Open("public void WriteJson(" + Qualifiers.System + "Text.Json.Utf8JsonWriter writer)");
            w.Line("if (writer == null) throw new " + Qualifiers.System + "ArgumentNullException(nameof(writer));");
            w.Line("writer.WriteStartObject();");
            foreach (var p in plan.Parameters)
            {
                EmitParameter(w, p);
            }

            w.Line("writer.WriteEndObject();");
            w.Close();
            EmitNames(w, plan, options);
        }

        private static void EmitNames(CodeWriter w, ModelPlan plan, GenerationOptions options)
        {
            if (plan.Parameters.Count == 0)
            {
                return;
            }

            w.Line("private static readonly " + EncodedText + "[] " + NamesClass + " = " + Qualifiers.Runtime + "ScenarioRules.EncodeWireNames(" + options.Global(plan.ModelClassName) + ".Descriptor);");
        }

        private static void EmitParameter(CodeWriter w, ParameterPlan p)
        {
            var wire = NamesClass + "[" + p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            var always = p.IsNonNullableValue || (!p.IsValueType && p.IsRequired);
            var v = always && IsScalar(p.Kind) ? p.Property : p.Local;
            // Normalization on send lives in the runtime (ScenarioRules.Normalize), the one place the CLI uses too.
            var round = p.Spec.MultipleOf is not null && !p.Spec.MultipleOfIsError
                ? Qualifiers.Runtime + "ScenarioRules.Normalize(Descriptor.Parameters[" + p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "], "
                : null;
            string? write = null;
            switch (p.Kind)
            {
                case ParameterKind.Number:
                    write = "writer.WriteNumber(" + wire + ", " + (round is null ? v : round + v + ")") + ");";
                    break;
                case ParameterKind.Integer:
                    var cast = p.IsLong ? "(long)" : "(int)";
                    write = "writer.WriteNumber(" + wire + ", " + (round is null ? v : cast + round + v + ")") + ");";
                    break;
                case ParameterKind.Boolean:
                    write = "writer.WriteBoolean(" + wire + ", " + v + ");";
                    break;
                case ParameterKind.String:
                    write = p.OptionStructName is null
                        ? "writer.WriteString(" + wire + ", " + v + ");"
                        : "writer.WriteString(" + wire + ", " + v + ".Value);";
                    break;
                case ParameterKind.Asset:
                case ParameterKind.Model:
                    write = "writer.WriteString(" + wire + ", " + v + ");";
                    break;
            }

            if (write is not null)
            {
                // Scalars: one line each (a set value is written, an unset one omitted).
                if (always)
                {
                    w.Line(write);
                }
                else
                {
                    w.Line("if (" + p.Property + " is " + p.ClrType + " " + v + ") " + write);
                }

                return;
            }

            if (always)
            {
                w.Open("");
                w.Line("var " + v + " = " + p.Property + ";");
            }
            else
            {
                w.Open("if (" + p.Property + " is " + p.ClrType + " " + v + ")");
            }

            switch (p.Kind)
            {
                case ParameterKind.AssetArray:
                case ParameterKind.ModelArray:
                case ParameterKind.StringArray:
                    WriteArray(w, wire, v, "writer.WriteStringValue(item);");
                    break;
                case ParameterKind.NumberArray:
                    WriteArray(w, wire, v, "writer.WriteNumberValue(" + (round is null ? "item" : round + "item)") + ");");
                    break;
                case ParameterKind.JsonArray:
                    WriteArray(w, wire, v, "item.WriteTo(writer);");
                    break;
                default:
                    w.Open("if (" + v + ".ValueKind != " + Qualifiers.System + "Text.Json.JsonValueKind.Undefined)");
                    w.Line("writer.WritePropertyName(" + wire + ");");
                    w.Line(v + ".WriteTo(writer);");
                    w.Close();
                    break;
            }

            w.Close();
        }

        private static bool IsScalar(ParameterKind kind) =>
            kind == ParameterKind.Number || kind == ParameterKind.Integer || kind == ParameterKind.Boolean
            || kind == ParameterKind.String || kind == ParameterKind.Asset || kind == ParameterKind.Model;

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
