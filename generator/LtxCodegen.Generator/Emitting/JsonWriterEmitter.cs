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

            // A value that may be unset goes to the runtime's nullable overloads (OptionalString for strings), which
            // omit null: one call, no local.
            var always = p.IsNonNullableValue || (!p.IsValueType && p.IsRequired);
            if (round && p.Kind is ParameterKind.Number or ParameterKind.Integer)
            {
                // Normalization on send lives in the runtime (ScenarioRules.Normalize), the one place the CLI uses too.
                var v = always ? p.Property : p.Local;
                var normalized = Qualifiers.Runtime + "ScenarioRules.Normalize(Descriptor.Parameters[" + index + "], " + v + ")";
                var write = p.Kind == ParameterKind.Integer
                    ? "Integer(" + index + ", " + (p.IsLong ? "(long)" : "(int)") + normalized + ")"
                    : "Number(" + index + ", " + normalized + ")";
                w.Line(always ? "json." + write + ";" : "if (" + p.Property + " is " + p.ClrType + " " + v + ") json." + write + ";");
                return;
            }

            var method = p.Kind switch
            {
                ParameterKind.Number => "Number",
                ParameterKind.Integer => "Integer",
                ParameterKind.Boolean => "Boolean",
                ParameterKind.String or ParameterKind.Asset or ParameterKind.Model => always ? "String" : "OptionalString",
                _ => "Element",
            };
            var value = p.OptionStructName is null ? p.Property : p.Property + (always ? ".Value" : "?.Value");
            w.Line("json." + method + "(" + index + ", " + value + ");");
        }
    }
}
