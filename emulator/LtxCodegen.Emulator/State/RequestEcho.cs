using System;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtxCodegen.Emulator.State
{
    /// <summary>
    /// A job's <c>metadata.input</c>: the request as the service took it. Like the real one it starts with <c>modelId</c>,
    /// fills every omitted parameter that has a default, picks a random <c>seed</c> when the model has one and none was
    /// sent, and rounds numbers with a rounding step (<c>width</c>/<c>height</c> to a multiple of 64) to that step.
    /// </summary>
    internal static class RequestEcho
    {
        public static JsonObject Build(ScenarioModelDescriptor model, JsonElement body)
        {
            var echo = new JsonObject { ["modelId"] = model.Id };
            foreach (var property in body.EnumerateObject())
            {
                if (property.Name == "modelId")
                {
                    continue;
                }

                var parameter = model.Find(property.Name);
                if (parameter is { MultipleOf: double step, MultipleOfIsError: false } && step > 0 &&
                    property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var number))
                {
                    echo[property.Name] = Math.Round(number / step, MidpointRounding.AwayFromZero) * step;
                    continue;
                }

                echo[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }

            foreach (var parameter in model.Parameters)
            {
                if (echo.ContainsKey(parameter.WireName))
                {
                    continue;
                }

                if (parameter.DefaultJson is string json)
                {
                    echo[parameter.WireName] = ParseDefault(json);
                }
                else if (parameter.WireName == "seed")
                {
                    echo["seed"] = RandomNumberGenerator.GetInt32(0, int.MaxValue);
                }
            }

            return echo;
        }

        private static JsonNode? ParseDefault(string json)
        {
            try
            {
                return JsonNode.Parse(json);
            }
            catch (JsonException)
            {
                return JsonValue.Create(json);
            }
        }

    }
}
