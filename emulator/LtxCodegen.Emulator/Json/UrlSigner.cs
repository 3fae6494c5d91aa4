using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LtxCodegen.Emulator.Json
{
    /// <summary>
    /// Signs and checks the emulator's short-lived URLs (HMAC-SHA256 over method, unescaped path and expiry). Check a
    /// request with its path as sent (<see cref="RequestPath"/>), not as the server decoded it.
    /// </summary>
    internal sealed class UrlSigner
    {
        private readonly byte[] _key;

        public UrlSigner(string? key)
        {
            _key = key is null ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(key);
        }

        /// <summary>The query string (<c>?Expires=..&amp;Signature=..</c>) that authorizes <paramref name="method"/> on <paramref name="path"/> until <paramref name="expires"/>.</summary>
        public string Sign(string method, string path, DateTimeOffset expires)
        {
            var seconds = expires.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            return "?Expires=" + seconds + "&Signature=" + Compute(method, path, seconds);
        }

        /// <summary>Checks a signed request: null when valid, otherwise the reason (expired, or a bad signature).</summary>
        public string? Check(string method, string path, string? expires, string? signature, DateTimeOffset now)
        {
            if (string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature) ||
                !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresMs))
            {
                return "Missing or malformed signature: this URL must be used exactly as the API returned it.";
            }

            var expected = Encoding.ASCII.GetBytes(Compute(method, path, expires));
            var actual = Encoding.ASCII.GetBytes(signature);
            if (!CryptographicOperations.FixedTimeEquals(expected, actual))
            {
                return "Signature does not match: this URL must be used exactly as the API returned it.";
            }

            if (now.ToUnixTimeMilliseconds() >= expiresMs)
            {
                return "Request has expired: signed URLs are short-lived; fetch the asset again for a fresh URL.";
            }

            return null;
        }

        /// <summary>The request's path as the client sent it (still escaped), without the query.</summary>
        public static string RequestPath(Microsoft.AspNetCore.Http.HttpContext context)
        {
            var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
            if (string.IsNullOrEmpty(raw) || raw[0] != '/')
            {
                return context.Request.Path.ToUriComponent();
            }

            var query = raw.IndexOf('?');
            return query < 0 ? raw : raw.Substring(0, query);
        }

        private string Compute(string method, string path, string expires)
        {
            using var hmac = new HMACSHA256(_key);
            // The path is signed unescaped: "a%20b" as issued and "a b" as a server decodes it are the same file.
            var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(method.ToUpperInvariant() + "\n" + Uri.UnescapeDataString(path) + "\n" + expires));
            return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
    }
}
