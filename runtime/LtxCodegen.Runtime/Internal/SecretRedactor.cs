using System;

namespace LtxCodegen.Internal
{
    /// <summary>Removes the API secret (and the Basic token made from it) from any text the client shows.</summary>
    internal sealed class SecretRedactor
    {
        private const string Mask = "***";
        private readonly string _secret;
        private readonly string _token;

        public SecretRedactor(string secret, string token)
        {
            _secret = secret;
            _token = token;
        }

        public string Redact(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            if (text.IndexOf(_token, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(_token, Mask);
            }

            if (_secret.Length > 0 && text.IndexOf(_secret, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(_secret, Mask);
            }

            return text;
        }

        public string? RedactOrNull(string? text) => text is null ? null : Redact(text);
    }
}
