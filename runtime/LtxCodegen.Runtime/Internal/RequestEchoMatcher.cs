using System;
using System.Globalization;
using System.Text.Json;

namespace LtxCodegen.Internal
{
    /// <summary>
    /// Decides whether a job's request echo (<c>metadata.input</c>) is the echo of a given request body, as the service takes
    /// requests in: it adds <c>modelId</c>, fills omitted defaults (and values it chooses, such as a random <c>seed</c>),
    /// may round numbers (to a parameter's step, or through a 32-bit float) and may drop values equal to their default.
    /// </summary>
    internal static class RequestEchoMatcher
    {
        /// <summary>Relative tolerance for numbers: covers a float32 round trip (about 6e-8) and decimal re-printing.</summary>
        private const double RelativeTolerance = 1e-6;

        /// <summary>
        /// True when <paramref name="echo"/> can be the service's echo of <paramref name="body"/>:
        /// <list type="bullet">
        /// <item>every value the request sets is in the echo with an equal value (numbers within tolerance or after rounding to
        /// the parameter's step; a number and its numeric string are equal), or is absent from the echo while equal to its default;</item>
        /// <item>every value in the echo that the request does not set equals the parameter's default when the model states one;
        /// values without a stated default (a random <c>seed</c>, an <c>fps</c> taken from the input) and fields the model does
        /// not list (<c>numOutputs</c>) are the service's own and do not count against a match;</item>
        /// <item>a <c>modelId</c> in the echo names the request's model.</item>
        /// </list>
        /// </summary>
        public static bool Matches(ScenarioModelDescriptor descriptor, string modelId, JsonElement body, JsonElement echo)
        {
            if (body.ValueKind != JsonValueKind.Object || echo.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (echo.TryGetProperty("modelId", out var echoedModel) && echoedModel.ValueKind == JsonValueKind.String &&
                !string.Equals(echoedModel.GetString(), modelId, StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var sent in body.EnumerateObject())
            {
                if (sent.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var parameter = descriptor.Find(sent.Name);
                if (echo.TryGetProperty(sent.Name, out var echoed) && echoed.ValueKind != JsonValueKind.Null)
                {
                    if (!ValuesMatch(sent.Value, echoed, parameter?.MultipleOf))
                    {
                        return false;
                    }
                }
                else if (!IsDefault(parameter, sent.Value))
                {
                    return false;
                }
            }

            foreach (var echoed in echo.EnumerateObject())
            {
                if (echoed.Name == "modelId" || echoed.Value.ValueKind == JsonValueKind.Null ||
                    (body.TryGetProperty(echoed.Name, out var sent) && sent.ValueKind != JsonValueKind.Null))
                {
                    continue;
                }

                var parameter = descriptor.Find(echoed.Name);
                if (parameter?.DefaultJson is not null && !IsDefault(parameter, echoed.Value))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsDefault(ScenarioParameterDescriptor? parameter, JsonElement value)
        {
            if (parameter?.DefaultJson is not string json)
            {
                return false;
            }

            try
            {
                using var doc = JsonDocument.Parse(json);
                return ValuesMatch(doc.RootElement, value, parameter.MultipleOf);
            }
            catch (JsonException)
            {
                // A default written as bare text (e.g. auto) rather than a JSON literal.
                return value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), json, StringComparison.Ordinal);
            }
        }

        private static bool ValuesMatch(JsonElement a, JsonElement b, double? step)
        {
            if (AsNumber(a) is double x && AsNumber(b) is double y && (a.ValueKind == JsonValueKind.Number || b.ValueKind == JsonValueKind.Number))
            {
                return NumbersMatch(x, y, step);
            }

            if (a.ValueKind != b.ValueKind)
            {
                return (a.ValueKind is JsonValueKind.True or JsonValueKind.False && b.ValueKind == JsonValueKind.String && string.Equals(b.GetString(), a.ValueKind == JsonValueKind.True ? "true" : "false", StringComparison.OrdinalIgnoreCase)) ||
                       (b.ValueKind is JsonValueKind.True or JsonValueKind.False && a.ValueKind == JsonValueKind.String && string.Equals(a.GetString(), b.ValueKind == JsonValueKind.True ? "true" : "false", StringComparison.OrdinalIgnoreCase));
            }

            switch (a.ValueKind)
            {
                case JsonValueKind.String:
                    return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
                case JsonValueKind.True:
                case JsonValueKind.False:
                case JsonValueKind.Null:
                    return true;
                case JsonValueKind.Array:
                    if (a.GetArrayLength() != b.GetArrayLength())
                    {
                        return false;
                    }

                    using (var ea = a.EnumerateArray())
                    using (var eb = b.EnumerateArray())
                    {
                        while (ea.MoveNext() && eb.MoveNext())
                        {
                            if (!ValuesMatch(ea.Current, eb.Current, step))
                            {
                                return false;
                            }
                        }
                    }

                    return true;
                case JsonValueKind.Object:
                    var count = 0;
                    foreach (var p in a.EnumerateObject())
                    {
                        count++;
                        if (!b.TryGetProperty(p.Name, out var other) || !ValuesMatch(p.Value, other, null))
                        {
                            return false;
                        }
                    }

                    foreach (var _ in b.EnumerateObject())
                    {
                        count--;
                    }

                    return count == 0;
                default:
                    return false;
            }
        }

        private static bool NumbersMatch(double sent, double echoed, double? step)
        {
            if (Close(sent, echoed))
            {
                return true;
            }

            // The service rounds some values to their step (width/height to a multiple of 64).
            return step is double s && s > 0 && Close(Math.Round(sent / s, MidpointRounding.AwayFromZero) * s, echoed);
        }

        /// <summary>Whole numbers (seeds, sizes, steps) must be equal; fractions may differ by the tolerance.</summary>
        private static bool Close(double x, double y)
        {
            if (x == y)
            {
                return true;
            }

            if (Math.Floor(x) == x && Math.Floor(y) == y)
            {
                return false;
            }

            return Math.Abs(x - y) <= RelativeTolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));
        }

        private static double? AsNumber(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var d))
            {
                return d;
            }

            if (e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) &&
                !double.IsNaN(parsed) && !double.IsInfinity(parsed))
            {
                return parsed;
            }

            return null;
        }
    }
}
