using System;
using System.Globalization;
using System.Text;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>Reads doc values (defaults, numbers) and writes them as normalized JSON literals.</summary>
    internal static class Literals
    {
        public static bool TryParseNumber(string text, out double value)
        {
            var t = text.Trim().Replace('\u2212', '-').Replace('\u2013', '-');
            return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                && !double.IsNaN(value) && !double.IsInfinity(value);
        }

        /// <summary>The texts that are numbers, as numbers (in order).</summary>
        public static EquatableArray<double> Numbers(EquatableArray<string> texts)
        {
            if (texts.IsEmpty)
            {
                return EquatableArray<double>.Empty;
            }

            var numbers = new System.Collections.Generic.List<double>();
            foreach (var text in texts)
            {
                if (TryParseNumber(text, out var n))
                {
                    numbers.Add(n);
                }
            }

            return numbers.ToEquatableArray();
        }

        public static string FormatNumber(double value)
        {
            if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
            {
                return ((long)value).ToString(CultureInfo.InvariantCulture);
            }

            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        public static string JsonString(string value)
        {
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < ' ' || c == '\u2028' || c == '\u2029')
                        {
                            sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
            return sb.ToString();
        }

        /// <summary>Writes a parsed JSON value back as compact JSON.</summary>
        public static string ToJson(JsonNode node)
        {
            var sb = new StringBuilder();
            Write(node, sb);
            return sb.ToString();
        }

        /// <summary>Turns a markdown default cell (already stripped of backticks) into a JSON literal for the kind.</summary>
        public static bool TryDefaultFromText(string text, ParameterKind kind, out string? json)
        {
            json = null;
            switch (kind)
            {
                case ParameterKind.Number:
                case ParameterKind.Integer:
                    if (TryParseNumber(text, out var n) && (kind == ParameterKind.Number || n == Math.Floor(n)))
                    {
                        json = FormatNumber(n);
                        return true;
                    }

                    return false;
                case ParameterKind.Boolean:
                    var t = text.Trim().ToLowerInvariant();
                    if (t == "true" || t == "false")
                    {
                        json = t;
                        return true;
                    }

                    return false;
                case ParameterKind.String:
                case ParameterKind.Asset:
                case ParameterKind.Model:
                    json = JsonString(text);
                    return true;
                default:
                    try
                    {
                        var node = JsonReader.Parse(text);
                        if (ParameterTypes.IsArray(kind) && node.Kind != JsonKind.Array)
                        {
                            return false;
                        }

                        json = ToJson(node);
                        return true;
                    }
                    catch (JsonSyntaxException)
                    {
                        return false;
                    }
            }
        }

        /// <summary>Checks a JSON default against the kind, normalizing numbers.</summary>
        public static bool TryDefaultFromJson(JsonNode node, ParameterKind kind, out string? json)
        {
            json = null;
            switch (kind)
            {
                case ParameterKind.Number:
                    if (node.Kind == JsonKind.Number)
                    {
                        json = FormatNumber(node.Number);
                        return true;
                    }

                    return false;
                case ParameterKind.Integer:
                    if (node.Kind == JsonKind.Number && node.Number == Math.Floor(node.Number))
                    {
                        json = FormatNumber(node.Number);
                        return true;
                    }

                    return false;
                case ParameterKind.Boolean:
                    if (node.IsBool)
                    {
                        json = node.Kind == JsonKind.True ? "true" : "false";
                        return true;
                    }

                    return false;
                case ParameterKind.String:
                case ParameterKind.Asset:
                case ParameterKind.Model:
                    if (node.Kind == JsonKind.String)
                    {
                        json = JsonString(node.Text ?? string.Empty);
                        return true;
                    }

                    return false;
                default:
                    if (ParameterTypes.IsArray(kind) && node.Kind != JsonKind.Array)
                    {
                        return false;
                    }

                    json = ToJson(node);
                    return true;
            }
        }

        private static void Write(JsonNode node, StringBuilder sb)
        {
            switch (node.Kind)
            {
                case JsonKind.Object:
                    sb.Append('{');
                    for (var i = 0; i < node.Members.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(',');
                        }

                        sb.Append(JsonString(node.Members[i].Key)).Append(':');
                        Write(node.Members[i].Value, sb);
                    }

                    sb.Append('}');
                    break;
                case JsonKind.Array:
                    sb.Append('[');
                    for (var i = 0; i < node.Items.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(',');
                        }

                        Write(node.Items[i], sb);
                    }

                    sb.Append(']');
                    break;
                case JsonKind.String:
                    sb.Append(JsonString(node.Text ?? string.Empty));
                    break;
                case JsonKind.Number:
                    sb.Append(FormatNumber(node.Number));
                    break;
                case JsonKind.True:
                    sb.Append("true");
                    break;
                case JsonKind.False:
                    sb.Append("false");
                    break;
                default:
                    sb.Append("null");
                    break;
            }
        }
    }
}
