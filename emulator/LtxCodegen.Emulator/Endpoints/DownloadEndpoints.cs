using System;
using System.Globalization;
using System.Threading.Tasks;
using LtxCodegen.Emulator.Faults;
using LtxCodegen.Emulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace LtxCodegen.Emulator.Endpoints
{
    /// <summary>
    /// The emulator's "CDN": <c>GET /cdn/assets/{assetId}/{fileName}?Expires=..&amp;Signature=..</c>. No Basic auth: the
    /// signature authorizes. Expired or altered URLs answer 403. Streams with <c>Content-Length</c>; single byte ranges give 206.
    /// </summary>
    internal static class DownloadEndpoints
    {
        public static void Map(IEndpointRouteBuilder app, EmulatorState state)
        {
            app.MapMethods("/cdn/assets/{assetId}/{fileName}", new[] { "GET", "HEAD" }, context => DownloadAsync(state, context))
                .WithMetadata(SignedUrlEndpoint.Instance);
        }

        private static async Task DownloadAsync(EmulatorState state, HttpContext context)
        {
            var request = context.Request;
            var problem = state.Signer.Check("GET", UrlSigner.RequestPath(context), request.Query["Expires"], request.Query["Signature"], state.Now);
            if (problem is not null)
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Access denied", problem).ConfigureAwait(false);
                return;
            }

            var asset = state.Store.FindAsset(HttpResults.Route(context, "assetId"));
            if (asset is null)
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not found", "The file no longer exists.").ConfigureAwait(false);
                return;
            }

            var data = asset.Data;
            long start = 0;
            long end = data.LongLength - 1;
            var response = context.Response;
            response.Headers.AcceptRanges = "bytes";
            response.Headers.ETag = "\"" + asset.Id + "\"";
            response.Headers.CacheControl = "private, max-age=60";
            var range = request.Headers.Range.ToString();
            if (range.Length > 0)
            {
                if (!TryParseRange(range, data.LongLength, out start, out end))
                {
                    response.Headers.ContentRange = "bytes */" + data.LongLength.ToString(CultureInfo.InvariantCulture);
                    await HttpResults.WriteErrorAsync(context, StatusCodes.Status416RangeNotSatisfiable, "Range not satisfiable",
                        "The range '" + range + "' does not fit a file of " + data.LongLength + " bytes.").ConfigureAwait(false);
                    return;
                }

                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = "bytes " + start.ToString(CultureInfo.InvariantCulture) + "-" + end.ToString(CultureInfo.InvariantCulture) + "/" + data.LongLength.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                response.StatusCode = StatusCodes.Status200OK;
            }

            var length = end - start + 1;
            response.ContentType = asset.MimeType;
            response.ContentLength = length;
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = asset.FileName }.ToString();
            if (HttpMethods.IsHead(request.Method))
            {
                return;
            }

            if (context.Items.TryGetValue(Pipeline.FaultItem, out var f) && f is FaultDecision { Kind: EmulatorFaultKind.ConnectionReset } fault)
            {
                var sent = Math.Clamp(fault.AfterBytes ?? length / 2, 0, Math.Max(0, length - 1));
                await response.Body.WriteAsync(data.AsMemory((int)start, (int)sent), context.RequestAborted).ConfigureAwait(false);
                await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);

                // Let the sent bytes leave the socket before the reset, so the client sees exactly them.
                await Task.Delay(100, context.RequestAborted).ConfigureAwait(false);
                Pipeline.AbortNow(context);
                return;
            }

            // Stream in chunks, as a CDN would.
            const int chunk = 16 * 1024;
            for (long offset = start; offset <= end; offset += chunk)
            {
                var count = (int)Math.Min(chunk, end - offset + 1);
                await response.Body.WriteAsync(data.AsMemory((int)offset, count), context.RequestAborted).ConfigureAwait(false);
            }
        }

        private static bool TryParseRange(string header, long size, out long start, out long end)
        {
            start = 0;
            end = size - 1;
            if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.IndexOf(',') >= 0)
            {
                return false;
            }

            var spec = header.Substring(6).Trim();
            var dash = spec.IndexOf('-');
            if (dash < 0)
            {
                return false;
            }

            var first = spec.Substring(0, dash);
            var last = spec.Substring(dash + 1);
            if (first.Length == 0)
            {
                // Suffix: the last N bytes.
                if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) || suffix == 0)
                {
                    return false;
                }

                start = Math.Max(0, size - suffix);
                return size > 0;
            }

            if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start >= size)
            {
                return false;
            }

            if (last.Length > 0)
            {
                if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out end) || end < start)
                {
                    return false;
                }

                end = Math.Min(end, size - 1);
            }

            return true;
        }
    }
}
