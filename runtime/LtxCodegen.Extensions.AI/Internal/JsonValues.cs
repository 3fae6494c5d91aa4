using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtxCodegen.Extensions.AI.Internal
{
    /// <summary>Writes argument values (JSON from a chat client, or plain .NET values) as JSON, without reflection.</summary>
    internal static class JsonValues
    {
        private const int MaxDepth = 32;

        /// <summary>Writes a JSON object of the given values, in order; null values are left out.</summary>
        public static byte[] WriteObject(IEnumerable<KeyValuePair<string, object?>> values)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var pair in values)
                {
                    if (pair.Value is null || pair.Value is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined })
                    {
                        continue;
                    }

                    writer.WritePropertyName(pair.Key);
                    Write(writer, pair.Value, pair.Key, 0);
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        /// <summary>True for the value types <see cref="Write"/> accepts.</summary>
        public static string? Unsupported(object? value, int depth = 0)
        {
            switch (value)
            {
                case null:
                case string:
                case bool:
                case JsonElement:
                case JsonNode:
                case sbyte or byte or short or ushort or int or uint or long or ulong:
                case float or double or decimal:
                    return null;
                case IEnumerable items when depth < MaxDepth:
                    foreach (var item in items)
                    {
                        if (Unsupported(item, depth + 1) is string bad)
                        {
                            return bad;
                        }
                    }

                    return null;
                default:
                    return value.GetType().Name;
            }
        }

        private static void Write(Utf8JsonWriter writer, object? value, string name, int depth)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case JsonElement e:
                    e.WriteTo(writer);
                    break;
                case JsonNode n:
                    n.WriteTo(writer);
                    break;
                case sbyte or byte or short or ushort or int or uint or long:
                    writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    break;
                case ulong u:
                    writer.WriteNumberValue(u);
                    break;
                case decimal m:
                    writer.WriteNumberValue(m);
                    break;
                case float or double:
                    var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (double.IsNaN(d) || double.IsInfinity(d))
                    {
                        throw new ArgumentException("'" + name + "' is " + d.ToString(CultureInfo.InvariantCulture) + ", which JSON cannot carry.", name);
                    }

                    writer.WriteNumberValue(d);
                    break;
                case IEnumerable items when depth < MaxDepth:
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        Write(writer, item, name, depth + 1);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    throw new ArgumentException("'" + name + "' is a " + value.GetType().Name + ": pass a string, number, boolean, list or JsonElement.", name);
            }
        }
    }
}
