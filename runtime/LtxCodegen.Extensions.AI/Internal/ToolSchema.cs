using System;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace LtxCodegen.Extensions.AI.Internal
{
    /// <summary>The JSON schema of a model's parameters, from its descriptor: types, ranges, options as enums, required, descriptions.</summary>
    internal static class ToolSchema
    {
        public static JsonElement For(ScenarioModelDescriptor model)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("type", "object");
                w.WriteStartObject("properties");
                foreach (var p in model.Parameters)
                {
                    w.WriteStartObject(p.WireName);
                    WriteParameter(w, p);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteStartArray("required");
                foreach (var p in model.Parameters)
                {
                    if (p.IsRequired)
                    {
                        w.WriteStringValue(p.WireName);
                    }
                }

                w.WriteEndArray();
                w.WriteBoolean("additionalProperties", false);
                w.WriteEndObject();
            }

            using var doc = JsonDocument.Parse(buffer.ToArray());
            return doc.RootElement.Clone();
        }

        private static void WriteParameter(Utf8JsonWriter w, ScenarioParameterDescriptor p)
        {
            var description = p.Description ?? "";
            switch (p.Type)
            {
                case ScenarioParameterType.String:
                case ScenarioParameterType.Model:
                    w.WriteString("type", "string");
                    WriteOptions(w, p, numeric: false, ref description);
                    if (p.MaxLength is int length)
                    {
                        w.WriteNumber("maxLength", length);
                    }

                    break;
                case ScenarioParameterType.Number:
                case ScenarioParameterType.Integer:
                    w.WriteString("type", p.Type == ScenarioParameterType.Integer ? "integer" : "number");
                    WriteRange(w, p);
                    WriteOptions(w, p, numeric: true, ref description);
                    break;
                case ScenarioParameterType.Boolean:
                    w.WriteString("type", "boolean");
                    break;
                case ScenarioParameterType.Asset:
                    w.WriteString("type", "string");
                    description = Join(description, "A Scenario asset id (asset_...) of " + (p.AssetKind is null ? "an uploaded file" : "an uploaded " + p.AssetKind) + ".");
                    break;
                case ScenarioParameterType.AssetArray:
                case ScenarioParameterType.ModelArray:
                case ScenarioParameterType.StringArray:
                case ScenarioParameterType.NumberArray:
                    w.WriteString("type", "array");
                    w.WriteStartObject("items");
                    w.WriteString("type", p.Type == ScenarioParameterType.NumberArray ? "number" : "string");
                    w.WriteEndObject();
                    if (p.MaxLength is int items)
                    {
                        w.WriteNumber("maxItems", items);
                    }

                    if (p.Type == ScenarioParameterType.AssetArray)
                    {
                        description = Join(description, "Scenario asset ids (asset_...) of uploaded files.");
                    }

                    break;
                case ScenarioParameterType.Json:
                    break; // any JSON value
            }

            if (description.Length > 0)
            {
                w.WriteString("description", description);
            }

            if (p.DefaultJson is string defaultJson && IsJson(defaultJson))
            {
                w.WritePropertyName("default");
                w.WriteRawValue(defaultJson, skipInputValidation: false);
            }
        }

        private static void WriteRange(Utf8JsonWriter w, ScenarioParameterDescriptor p)
        {
            if (p.Minimum is double min)
            {
                w.WriteNumber("minimum", min);
            }

            if (p.Maximum is double max)
            {
                w.WriteNumber("maximum", max);
            }

            if (p.MultipleOf is double step && p.MultipleOfIsError && step > 0)
            {
                w.WriteNumber("multipleOf", step);
            }
        }

        private static void WriteOptions(Utf8JsonWriter w, ScenarioParameterDescriptor p, bool numeric, ref string description)
        {
            if (p.Options.Count == 0)
            {
                return;
            }

            if (!p.OptionsAreClosed)
            {
                description = Join(description, "Known values: " + string.Join(", ", p.Options) + ".");
                return;
            }

            w.WriteStartArray("enum");
            foreach (var option in p.Options)
            {
                if (numeric && double.TryParse(option, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    w.WriteNumberValue(number);
                }
                else
                {
                    w.WriteStringValue(option);
                }
            }

            w.WriteEndArray();
        }

        private static string Join(string description, string more) => description.Length == 0 ? more : description.TrimEnd() + " " + more;

        private static bool IsJson(string text)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
