using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtxCodegen.Emulator.Json
{
    /// <summary>
    /// Writes a descriptor in the format of <c>GET /v1/models/{modelId}</c> (<c>{"model": {"id", "name", "inputs": [...]}}</c>),
    /// the format the generator reads: types <c>string</c>, <c>number</c>, <c>boolean</c>, <c>file</c>, ... with <c>min</c>,
    /// <c>max</c>, <c>step</c>, <c>allowedValues</c>, <c>kind</c>, <c>maxLength</c>, and <c>required</c> rules.
    /// </summary>
    internal static class ModelJsonWriter
    {
        public static JsonObject Write(ScenarioModelDescriptor model)
        {
            var inputs = new JsonArray();
            foreach (var p in model.Parameters)
            {
                inputs.Add(WriteInput(p));
            }

            var body = new JsonObject
            {
                ["id"] = model.Id,
                ["name"] = model.Name,
                ["type"] = "custom",
                ["privacy"] = "public",
                ["status"] = "trained",
            };
            if (model.Description is not null)
            {
                body["shortDescription"] = model.Description;
            }

            body["parameters"] = new JsonObject();
            body["inputs"] = inputs;
            return new JsonObject { ["model"] = body };
        }

        private static JsonObject WriteInput(ScenarioParameterDescriptor p)
        {
            var input = new JsonObject
            {
                ["name"] = p.WireName,
                ["type"] = TypeName(p.Type),
                ["label"] = p.PropertyName,
            };
            if (p.Description is not null)
            {
                input["description"] = p.Description;
            }

            if (p.DefaultJson is not null)
            {
                try
                {
                    input["default"] = JsonNode.Parse(p.DefaultJson);
                }
                catch (JsonException)
                {
                    input["default"] = p.DefaultJson;
                }
            }

            if (p.Minimum is double min)
            {
                input["min"] = min;
            }

            if (p.Maximum is double max)
            {
                input["max"] = max;
            }

            if (p.MultipleOf is double step)
            {
                input["step"] = step;
            }
            else if (p.Type == ScenarioParameterType.Integer)
            {
                input["step"] = 1;
            }

            if (p.OptionsAreClosed && p.Options.Count > 0)
            {
                var allowed = new JsonArray();
                var numeric = p.Type is ScenarioParameterType.Number or ScenarioParameterType.Integer or ScenarioParameterType.NumberArray;
                foreach (var option in p.Options)
                {
                    if (numeric && double.TryParse(option, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                    {
                        allowed.Add(n);
                    }
                    else
                    {
                        allowed.Add(option);
                    }
                }

                input["allowedValues"] = allowed;
            }

            if (p.AssetKind is not null)
            {
                input["kind"] = p.AssetKind;
            }

            if (p.MaxLength is int maxLength)
            {
                input["maxLength"] = maxLength;
            }

            var required = WriteRequired(p);
            if (required is not null)
            {
                input["required"] = required;
            }

            return input;
        }

        private static JsonObject? WriteRequired(ScenarioParameterDescriptor p)
        {
            if (p.IsRequired)
            {
                return new JsonObject { ["always"] = true };
            }

            JsonObject? ifDefined = null;
            JsonObject? ifNotDefined = null;
            foreach (var c in p.Conditions)
            {
                var target = c.WhenOtherIsSet ? (ifDefined ??= new JsonObject()) : (ifNotDefined ??= new JsonObject());
                target[c.OtherWireName] = new JsonObject
                {
                    ["message"] = c.Message ?? "'" + p.WireName + "' is required when '" + c.OtherWireName + "' is " + (c.WhenOtherIsSet ? "set." : "not set."),
                };
            }

            // A pair is the symmetric form of "required if the partner is defined".
            if (p.PairedWith is string partner && (ifDefined is null || !ifDefined.ContainsKey(partner)))
            {
                (ifDefined ??= new JsonObject())[partner] = new JsonObject
                {
                    ["message"] = "'" + p.WireName + "' must be used with '" + partner + "'.",
                };
            }

            if (ifDefined is null && ifNotDefined is null)
            {
                return null;
            }

            var required = new JsonObject();
            if (ifDefined is not null)
            {
                required["ifDefined"] = ifDefined;
            }

            if (ifNotDefined is not null)
            {
                required["ifNotDefined"] = ifNotDefined;
            }

            return required;
        }

        private static string TypeName(ScenarioParameterType type) => type switch
        {
            ScenarioParameterType.String => "string",
            ScenarioParameterType.Number => "number",
            ScenarioParameterType.Integer => "number",
            ScenarioParameterType.Boolean => "boolean",
            ScenarioParameterType.Asset => "file",
            ScenarioParameterType.AssetArray => "file_array",
            ScenarioParameterType.Model => "model",
            ScenarioParameterType.ModelArray => "model_array",
            ScenarioParameterType.StringArray => "string_array",
            ScenarioParameterType.NumberArray => "number_array",
            ScenarioParameterType.Json => "inputs_array",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }
}
