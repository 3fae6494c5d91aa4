using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace LtxCodegen.Internal
{
    /// <summary>
    /// Removes the API secret (and the Basic token made from it) from any text the client shows. Every text a server
    /// sends passes through it (<see cref="RedactJson"/> on each response body) before it is logged, thrown or returned.
    /// </summary>
    /// <remarks>
    /// The Basic token, <c>key:secret</c>, and a secret of <see cref="MinAnywhereLength"/> characters or more are
    /// masked wherever they occur (also percent- and JSON-escaped). A shorter secret could be part of any word
    /// (a one-letter secret is in most words), so it is masked only where it stands alone: not touching a letter,
    /// a digit, <c>-</c>, <c>_</c> or an apostrophe on either side.
    /// </remarks>
    internal sealed class SecretRedactor
    {
        /// <summary>What a secret is replaced with.</summary>
        public const string Mask = "***";

        /// <summary>Secrets at least this long are masked wherever they occur; shorter ones only as a whole word.</summary>
        public const int MinAnywhereLength = 8;

        private readonly string[] _anywhere;
        private readonly string[] _wholeWord;
        private readonly byte[][] _probes;

        /// <summary>Creates a redactor for a secret and the Basic token (base64 of <c>key:secret</c>) made from it.</summary>
        public SecretRedactor(string secret, string token)
            : this(secret, token, null)
        {
        }

        /// <summary>Creates a redactor that also masks <c><paramref name="apiKey"/>:<paramref name="secret"/></c>.</summary>
        public SecretRedactor(string secret, string token, string? apiKey)
        {
            var anywhere = new List<string>();
            var wholeWord = new List<string>();
            Add(anywhere, token);
            if (!string.IsNullOrEmpty(apiKey) && !string.IsNullOrEmpty(secret))
            {
                Add(anywhere, apiKey + ":" + secret);
            }

            if (!string.IsNullOrEmpty(secret))
            {
                var forms = new[] { secret, Uri.EscapeDataString(secret), JsonEscaped(secret) };
                foreach (var form in forms)
                {
                    Add(form.Length >= MinAnywhereLength ? anywhere : wholeWord, form);
                }
            }

            // Longest first, so that "key:secret" is masked whole before "secret" alone.
            anywhere.Sort((a, b) => b.Length.CompareTo(a.Length));
            wholeWord.Sort((a, b) => b.Length.CompareTo(a.Length));
            _anywhere = anywhere.ToArray();
            _wholeWord = wholeWord.ToArray();
            var probes = new List<byte[]>();
            foreach (var s in _anywhere)
            {
                probes.Add(Encoding.UTF8.GetBytes(s));
            }

            foreach (var s in _wholeWord)
            {
                probes.Add(Encoding.UTF8.GetBytes(s));
            }

            _probes = probes.ToArray();
        }

        /// <summary>A redactor for these credentials (the Basic token is made from them as the client makes it).</summary>
        public static SecretRedactor For(string apiKey, string apiSecret) =>
            new SecretRedactor(apiSecret, Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":" + apiSecret)), apiKey);

        /// <summary>The text with every occurrence of the credentials masked (the same instance when there is none).</summary>
        public string Redact(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            foreach (var value in _anywhere)
            {
                if (text.IndexOf(value, StringComparison.Ordinal) >= 0)
                {
                    text = text.Replace(value, Mask);
                }
            }

            foreach (var value in _wholeWord)
            {
                text = ReplaceWholeWord(text, value);
            }

            return text;
        }

        public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

        /// <summary>
        /// A response body with the credentials masked in every string (values and names) it holds: the same array
        /// when it cannot hold them, else a rewritten copy (JSON stays JSON; other text is masked as text).
        /// </summary>
        public byte[] RedactJson(byte[] body) => JsonRedaction.Redact(this, body);

        /// <summary>
        /// True when the raw bytes may hold the credentials: in plain form anywhere, or behind JSON escapes in a string
        /// (only escaped strings are decoded to look; a body that is not JSON counts as may-hold, for the text path).
        /// </summary>
        internal bool MayContain(byte[] body)
        {
            foreach (var probe in _probes)
            {
                if (IndexOf(body, probe) >= 0)
                {
                    return true;
                }
            }

            return body.AsSpan().IndexOf((byte)'\\') >= 0 && EscapedStringMayContain(body);
        }

        /// <summary>Decodes each escaped string or name of a JSON body and looks for the credentials in it.</summary>
        private bool EscapedStringMayContain(byte[] body)
        {
            try
            {
                var reader = new Utf8JsonReader(body);
                while (reader.Read())
                {
                    if ((reader.TokenType == JsonTokenType.String || reader.TokenType == JsonTokenType.PropertyName) && reader.ValueIsEscaped &&
                        Holds(reader.GetString()))
                    {
                        return true;
                    }
                }

                return false;
            }
            catch (Exception e) when (e is JsonException || e is InvalidOperationException)
            {
                return true;
            }
        }

        private bool Holds(string? text)
        {
            if (text is null)
            {
                return false;
            }

            foreach (var value in _anywhere)
            {
                if (text.IndexOf(value, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            foreach (var value in _wholeWord)
            {
                if (text.IndexOf(value, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static void Add(List<string> list, string value)
        {
            if (!string.IsNullOrEmpty(value) && !list.Contains(value))
            {
                list.Add(value);
            }
        }

        private static string JsonEscaped(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    default:
                        if (c < 0x20)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }

        private static string ReplaceWholeWord(string text, string value)
        {
            StringBuilder? builder = null;
            var copied = 0;
            var at = text.IndexOf(value, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + value.Length;
                if ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])))
                {
                    builder ??= new StringBuilder(text.Length);
                    builder.Append(text, copied, at - copied).Append(Mask);
                    copied = end;
                    at = text.IndexOf(value, end, StringComparison.Ordinal);
                }
                else
                {
                    at = text.IndexOf(value, at + 1, StringComparison.Ordinal);
                }
            }

            if (builder is null)
            {
                return text;
            }

            builder.Append(text, copied, text.Length - copied);
            return builder.ToString();
        }

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '\'' || c == '\u2019' || char.IsSurrogate(c);

        // Span search: vectorised on net8.0 (System.Memory's on netstandard2.0).
        private static int IndexOf(byte[] haystack, byte[] needle) =>
            needle.Length == 0 ? -1 : haystack.AsSpan().IndexOf(needle.AsSpan());
    }
}
