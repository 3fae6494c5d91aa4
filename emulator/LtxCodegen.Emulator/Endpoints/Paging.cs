using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LtxCodegen.Emulator.Endpoints
{
    /// <summary>
    /// List paging as the service does it: <c>pageSize</c> 1 to 100 (default 20) and an opaque <c>nextPaginationToken</c>
    /// (today base64 of <c>{"offset", "limit"}</c>); a malformed value answers 400.
    /// </summary>
    internal static class Paging
    {
        public const int MaxPageSize = 100;
        public const int DefaultPageSize = 20;

        /// <summary>Reads <c>pageSize</c> and <c>paginationToken</c>; null with an error text when either is malformed.</summary>
        public static (int Offset, int PageSize)? Read(IQueryCollection query, out string? error)
        {
            error = null;
            var pageSize = DefaultPageSize;
            var sizeText = query["pageSize"].ToString();
            if (sizeText.Length > 0 &&
                (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
            {
                error = "'pageSize' must be a whole number from 1 to " + MaxPageSize + ".";
                return null;
            }

            var offset = 0;
            var token = query["paginationToken"].ToString();
            if (token.Length > 0 && !TryDecode(token, out offset))
            {
                error = "'paginationToken' is not a token this service issued.";
                return null;
            }

            return (offset, pageSize);
        }

        public static string Encode(int offset, int limit) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"offset\":" + offset.ToString(CultureInfo.InvariantCulture) + ",\"limit\":" + limit.ToString(CultureInfo.InvariantCulture) + "}"));

        private static bool TryDecode(string token, out int offset)
        {
            offset = 0;
            if (token.Length > 256)
            {
                return false;
            }

            try
            {
                // A client that forgot to escape the token sends '+' as a space.
                using var doc = JsonDocument.Parse(Convert.FromBase64String(token.Replace(' ', '+')));
                return doc.RootElement.ValueKind == JsonValueKind.Object &&
                       doc.RootElement.TryGetProperty("offset", out var o) && o.TryGetInt32(out offset) && offset >= 0;
            }
            catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
            {
                return false;
            }
        }
    }
}
