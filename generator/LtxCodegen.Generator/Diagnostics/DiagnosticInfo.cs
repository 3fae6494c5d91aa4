using System.Globalization;
using System.Linq;
using System.Text;
using LtxCodegen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace LtxCodegen.Generator.Diagnostics
{
    /// <summary>A diagnostic as plain data (descriptor id, message arguments, place in the doc).</summary>
    internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Args, DocLocation? Location)
    {
        /// <summary>Longest message argument kept (doc text quoted in a message is cut after this).</summary>
        public const int MaxArgumentLength = 300;

        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, DocLocation? location, params string[] args) =>
            new DiagnosticInfo(descriptor.Id, args.Select(Sanitize).ToEquatableArray(), location);

        public Diagnostic ToDiagnostic()
        {
            var descriptor = GeneratorDiagnostics.Find(Id);
            var location = Location is null || Location.Path.Length == 0 ? Microsoft.CodeAnalysis.Location.None : Location.ToLocation();
            return Diagnostic.Create(descriptor, location, Args.Cast<object>().ToArray());
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
