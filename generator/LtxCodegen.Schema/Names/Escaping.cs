using System.Globalization;
using System.Text;

namespace LtxCodegen.Schema.Names
{
    /// <summary>Makes doc text safe inside generated C#: string literals and XML doc comments.</summary>
    internal static class Escaping
    {
        /// <summary>A C# regular string literal, quotes included; everything outside printable ASCII is a \u escape.</summary>
        public static string Literal(string value)
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
                    case '\0': sb.Append("\\0"); break;
                    default:
                        if (c < ' ' || c > '~')
                        {
                            sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
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

        /// <summary>
        /// Text for an XML doc comment: &amp;, &lt;, &gt; escaped; line breaks (including U+2028/U+2029/U+0085, which
        /// would end a C# comment line) and control characters turned into spaces; bidi controls (U+061C, U+200E/F,
        /// U+202A-U+202E, U+2066-U+2069), which could make the comment display as other code, removed.
        /// </summary>
        public static string Xml(string value)
        {
            var sb = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '&': sb.Append("&amp;"); break;
                    case '<': sb.Append("&lt;"); break;
                    case '>': sb.Append("&gt;"); break;
                    case '\n':
                    case '\r':
                    case '\u2028':
                    case '\u2029':
                    case '\u0085':
                        sb.Append(' ');
                        break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            sb.Append(c).Append(value[i + 1]);
                            i++;
                        }
                        else if (char.IsControl(c) || char.IsSurrogate(c))
                        {
                            sb.Append(' ');
                        }
                        else if (IsBidiControl(c))
                        {
                            // Dropped: it only changes how the text is displayed.
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            return sb.ToString().Trim();
        }

        /// <summary>True for the characters that reorder displayed text (Trojan Source): marks, embeddings, overrides, isolates.</summary>
        public static bool IsBidiControl(char c) =>
            c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

        /// <summary>A double as a C# literal (always with a d suffix-free form that parses as double).</summary>
        public static string Double(double value)
        {
            if (double.IsNaN(value))
            {
                return "double.NaN";
            }

            var text = value.ToString("R", CultureInfo.InvariantCulture);
            if (text.IndexOf('.') < 0 && text.IndexOf('E') < 0)
            {
                text += ".0";
            }

            return text;
        }

        /// <summary>A number as written for people (docs and messages).</summary>
        public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
