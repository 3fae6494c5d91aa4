using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LtxCodegen.Internal
{
    /// <summary>Masks the credentials in every string of a response body, so no reader of it can show them.</summary>
    internal static class JsonRedaction
    {
        private static readonly JsonWriterOptions s_writer = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static byte[] Redact(SecretRedactor redactor, byte[] body)
        {
            if (body.Length == 0 || !redactor.MayContain(body))
            {
                return body;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                // Not JSON: mask it as text (a reader that shows it shows the masked text).
                var text = Encoding.UTF8.GetString(body);
                var safe = redactor.Redact(text);
                return ReferenceEquals(safe, text) || safe == text ? body : Encoding.UTF8.GetBytes(safe);
            }

            using (doc)
            {
                if (!Holds(redactor, doc.RootElement))
                {
                    return body;
                }

                using var buffer = new MemoryStream(body.Length);
                using (var writer = new Utf8JsonWriter(buffer, s_writer))
                {
                    Write(redactor, doc.RootElement, writer);
                }

                return buffer.ToArray();
            }
        }

        private static bool Holds(SecretRedactor redactor, JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return Changes(redactor, element.GetString());
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (Holds(redactor, item))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (Changes(redactor, property.Name) || Holds(redactor, property.Value))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static bool Changes(SecretRedactor redactor, string? text) =>
            text is not null && !string.Equals(redactor.Redact(text), text, System.StringComparison.Ordinal);

        private static void Write(SecretRedactor redactor, JsonElement element, Utf8JsonWriter writer)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    writer.WriteStringValue(redactor.Redact(element.GetString()!));
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        Write(redactor, item, writer);
                    }

                    writer.WriteEndArray();
                    break;
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        writer.WritePropertyName(redactor.Redact(property.Name));
                        Write(redactor, property.Value, writer);
                    }

                    writer.WriteEndObject();
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }
    }
}
