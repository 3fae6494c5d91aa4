using System.Globalization;
using System.Linq;
using System.Text;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Diagnostics
{
    /// <summary>A diagnostic as plain data (descriptor id, message arguments, place in the doc).</summary>
    public sealed record DiagnosticInfo(string Id, EquatableArray<string> Args, DocLocation? Location)
    {
        /// <summary>Longest message argument kept (doc text quoted in a message is cut after this).</summary>
        public const int MaxArgumentLength = 300;

        public static DiagnosticInfo Create(DiagnosticKind kind, DocLocation? location, params string[] args) =>
            Create(kind.Id, location, args);

        /// <summary>A diagnostic of an id this library does not define (the generator's own, LTXG005x and LTXG0013).</summary>
        public static DiagnosticInfo Create(string id, DocLocation? location, params string[] args) =>
            new DiagnosticInfo(id, args.Select(Sanitize).ToEquatableArray(), location);

        /// <summary>The kind of this diagnostic, or null for an id the generator defines itself.</summary>
        public DiagnosticKind? Kind => SchemaDiagnostics.Find(Id);

        /// <summary>Error or warning (an id this library does not know counts as an error).</summary>
        public DiagnosticSeverity Severity => Kind?.Severity ?? DiagnosticSeverity.Error;

        /// <summary>The message with its (already sanitized) arguments filled in.</summary>
        public string Message
        {
            get
            {
                var kind = Kind;
                return kind is null
                    ? Id + ": " + string.Join(", ", Args)
                    : string.Format(CultureInfo.InvariantCulture, kind.MessageFormat, Args.Cast<object>().ToArray());
            }
        }

        /// <summary>The doc's path, or empty when the diagnostic has no place.</summary>
        public string File => Location?.Path ?? string.Empty;

        /// <summary>One-based line (0 when the diagnostic has no place).</summary>
        public int Line => Location is null || Location.Path.Length == 0 ? 0 : Location.StartLine + 1;

        /// <summary>One-based column (0 when the diagnostic has no place).</summary>
        public int Column => Location is null || Location.Path.Length == 0 ? 0 : Location.StartColumn + 1;

        /// <summary><c>path(line,column): warning LTXG0004: message</c>, the compiler's own shape.</summary>
        public override string ToString()
        {
            var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
            var place = File.Length == 0 ? string.Empty : File + "(" + Line.ToString(CultureInfo.InvariantCulture) + "," + Column.ToString(CultureInfo.InvariantCulture) + "): ";
            return place + severity + " " + Id + ": " + Message;
        }

        /// <summary>
        /// Doc text quoted in a message reaches terminals and IDEs: control, bidi and other format characters are
        /// written as <c>\uXXXX</c>, and the text is cut to <see cref="MaxArgumentLength"/> characters.
        /// </summary>
        internal static string Sanitize(string? text)
        {
            text ??= string.Empty;
            var cut = text.Length > MaxArgumentLength;
            var length = cut ? MaxArgumentLength : text.Length;
            if (cut && char.IsHighSurrogate(text[length - 1]))
            {
                length--;
            }

            StringBuilder? sb = null;
            for (var i = 0; i < length; i++)
            {
                var c = text[i];
                var bad = char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format
                    || c == '\u2028' || c == '\u2029' || (char.IsSurrogate(c) && !IsPair(text, i));
                if (bad)
                {
                    sb ??= new StringBuilder(text, 0, i, length + 16);
                    sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb?.Append(c);
                }
            }

            var result = sb?.ToString() ?? (cut ? text.Substring(0, length) : text);
            return cut ? result + "…" : result;
        }

        private static bool IsPair(string text, int i) =>
            char.IsHighSurrogate(text[i])
                ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : i > 0 && char.IsHighSurrogate(text[i - 1]);
    }
}
