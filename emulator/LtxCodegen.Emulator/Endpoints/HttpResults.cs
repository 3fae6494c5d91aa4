using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LtxCodegen.Emulator.Endpoints
{
    /// <summary>Writes JSON answers and the service's error shape (<c>reason</c>, <c>message</c>, <c>traceId</c>).</summary>
    internal static class HttpResults
    {
        public const string TraceIdItem = "ltx.traceId";

        private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string TraceId(HttpContext context) =>
            context.Items.TryGetValue(TraceIdItem, out var id) && id is string s ? s : context.TraceIdentifier;

        public static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
        {
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(JsonOptions));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }

        public static Task WriteErrorAsync(HttpContext context, int status, string reason, string message, Action<JsonObject>? extra = null)
        {
            var body = new JsonObject
            {
                ["reason"] = reason,
                ["message"] = message,
                ["traceId"] = TraceId(context),
            };
            extra?.Invoke(body);
            return WriteJsonAsync(context, status, body);
        }

        public static Task NotFoundAsync(HttpContext context, string what, string id) =>
            WriteErrorAsync(context, StatusCodes.Status404NotFound, what + " not found", "No " + what.ToLowerInvariant() + " with id '" + id + "' exists for these credentials.");

        /// <summary>Reads the body as a JSON document; writes a 400 and returns null when it is not JSON.</summary>
        public static async Task<JsonDocument?> ReadJsonAsync(HttpContext context, long maxBytes = 1024 * 1024)
        {
            if (context.Request.ContentLength > maxBytes)
            {
                // Refused before reading a byte of it.
                await BodyTooLargeAsync(context, "Request body too large", "The request body announces " + context.Request.ContentLength + " bytes, more than " + maxBytes + ".").ConfigureAwait(false);
                return null;
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    await BodyTooLargeAsync(context, "Request body too large", "The request body is larger than " + maxBytes + " bytes.").ConfigureAwait(false);
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            if (buffer.Length == 0)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid JSON body", "The request body is empty; a JSON object is expected.").ConfigureAwait(false);
                return null;
            }

            try
            {
                return JsonDocument.Parse(buffer.ToArray());
            }
            catch (JsonException e)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid JSON body",
                    "The request body is not valid JSON (line " + (e.LineNumber + 1) + ", byte " + (e.BytePositionInLine + 1) + ").").ConfigureAwait(false);
                return null;
            }
        }

        /// <summary>A 413 that closes the connection, so the rest of the body (with or without Content-Length) is never read.</summary>
        public static async Task BodyTooLargeAsync(HttpContext context, string reason, string message)
        {
            Pipeline.RefuseUnreadBody(context);
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, reason, message).ConfigureAwait(false);
            await Pipeline.EndRefusalAsync(context).ConfigureAwait(false);
        }

        public static string? GetString(JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public static string User(HttpContext context) => (string)context.Items[Pipeline.UserItem]!;

        public static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;
    }
}
