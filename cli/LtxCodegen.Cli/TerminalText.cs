using System;
using System.Text;
using System.Text.RegularExpressions;
using LtxCodegen.Internal;

namespace LtxCodegen.Cli
{
    /// <summary>
    /// Makes text that came from a server (or any other outside source) safe to print: the credentials are redacted
    /// with the runtime's own redactor, an <c>Authorization</c> header echoed back is masked, terminal escape sequences,
    /// control and bidi characters are removed, and the length is capped.
    /// </summary>
    internal sealed class TerminalText
    {
        /// <summary>Longest server text printed (the rest is cut with a note).</summary>
        public const int MaxLength = 2000;

        private const string Mask = "***";

        // CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and any other two-character escape.
        private static readonly Regex s_escapes = new(
            @"\u001B\[[0-?]{0,64}[ -/]{0,16}[@-~]|\u001B\][^\u0007\u001B]{0,4096}(?:\u0007|\u001B\\)?|\u001B[@-_]?|\u009B[0-?]{0,64}[ -/]{0,16}[@-~]",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        // An echoed header value: "Authorization: Basic <token>" (or Bearer), in any casing, quoted or not.
        private static readonly Regex s_authorization = new(
            @"(authorization[""']?\s{0,8}[:=]\s{0,8}[""']?\s{0,8})(?:basic|bearer)?\s{0,8}[A-Za-z0-9+/=._~-]{1,4096}",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

        private readonly SecretRedactor? _redactor;

        public TerminalText(string? apiKey, string? apiSecret)
        {
            if (!string.IsNullOrEmpty(apiKey) && !string.IsNullOrEmpty(apiSecret))
            {
                _redactor = SecretRedactor.For(apiKey!, apiSecret!);
            }
        }

        /// <summary>Text for the terminal: credentials redacted, one line, no control/escape/bidi characters, capped.</summary>
        public string Clean(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return "";
            }

            var capped = text!.Length > MaxLength * 4 ? text.Substring(0, MaxLength * 4) : text;
            if (_redactor is not null)
            {
                capped = _redactor.Redact(capped);
            }

            capped = s_authorization.Replace(capped, m => m.Groups[1].Value + Mask);
            return StripControls(capped);
        }

        /// <summary>Removes escape sequences, control, bidi and other invisible formatting characters; caps the length.</summary>
        public static string StripControls(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return "";
            }

            var noEscapes = s_escapes.Replace(text!, "");
            var sb = new StringBuilder(Math.Min(noEscapes.Length, MaxLength + 16));
            var lastWasSpace = false;
            foreach (var c in noEscapes)
            {
                if (sb.Length >= MaxLength)
                {
                    sb.Append(" [cut]");
                    break;
                }

                if (c is '\r' or '\n' or '\t')
                {
                    if (!lastWasSpace)
                    {
                        sb.Append(' ');
                        lastWasSpace = true;
                    }

                    continue;
                }

                if (char.IsControl(c) || IsInvisibleFormat(c))
                {
                    continue;
                }

                sb.Append(c);
                lastWasSpace = c == ' ';
            }

            return sb.ToString().Trim();
        }

        // Bidi embeddings/overrides/isolates and marks, zero-width characters, the BOM: they reorder or hide text.
        private static bool IsInvisibleFormat(char c) =>
            c is '\u061C' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\uFEFF'
            || (c >= '\u202A' && c <= '\u202E')
            || (c >= '\u2066' && c <= '\u2069');
    }
}
