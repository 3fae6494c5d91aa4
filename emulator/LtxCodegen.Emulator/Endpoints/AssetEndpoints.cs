using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LtxCodegen.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LtxCodegen.Emulator.Endpoints
{
    /// <summary><c>GET /v1/assets/{assetId}</c> (with a fresh signed URL) and <c>POST /v1/assets</c> (data-URL image upload).</summary>
    internal static class AssetEndpoints
    {
        public static void Map(IEndpointRouteBuilder app, EmulatorState state)
        {
            app.MapGet("/v1/assets/{assetId}", context => GetAsync(state, context));
            app.MapPost("/v1/assets", context => CreateAsync(state, context));
        }

        private static Task GetAsync(EmulatorState state, HttpContext context)
        {
            var id = HttpResults.Route(context, "assetId");
            var asset = state.FindVisibleAsset(id, HttpResults.User(context));
            if (asset is null)
            {
                return HttpResults.NotFoundAsync(context, "Asset", id);
            }

            var (url, _) = state.IssueDownloadUrl(asset, state.Faults.ForNewUrl());
            return HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["asset"] = state.AssetJson(asset, url) });
        }

        private static async Task CreateAsync(EmulatorState state, HttpContext context)
        {
            var cap = state.Options.MaxAssetBodyBytes;
            if (context.Request.ContentLength > cap)
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                    "POST /v1/assets accepts bodies up to " + cap + " bytes; upload large files through POST /v1/uploads.").ConfigureAwait(false);
                return;
            }

            using var document = await HttpResults.ReadJsonAsync(context, cap).ConfigureAwait(false);
            if (document is null)
            {
                return;
            }

            var image = HttpResults.GetString(document.RootElement, "image");
            var name = HttpResults.GetString(document.RootElement, "name");
            if (image is null)
            {
                await BadAsync(context, "'image' is required: a data URL such as data:image/png;base64,....").ConfigureAwait(false);
                return;
            }

            const string base64Marker = ";base64,";
            var marker = image.IndexOf(base64Marker, StringComparison.Ordinal);
            if (!image.StartsWith("data:", StringComparison.Ordinal) || marker < 0)
            {
                await BadAsync(context, "'image' must be a base64 data URL (data:<mime>;base64,<data>).").ConfigureAwait(false);
                return;
            }

            var mimeType = image.Substring(5, marker - 5).ToLowerInvariant();
            if (!mimeType.StartsWith("image/", StringComparison.Ordinal))
            {
                await BadAsync(context, "POST /v1/assets takes images; '" + mimeType + "' files go through POST /v1/uploads.").ConfigureAwait(false);
                return;
            }

            byte[] data;
            try
            {
                data = Convert.FromBase64String(image.Substring(marker + base64Marker.Length));
            }
            catch (FormatException)
            {
                await BadAsync(context, "'image' holds invalid base64 data.").ConfigureAwait(false);
                return;
            }

            var problem = data.Length == 0 ? "'image' is empty." : MediaSniffer.Check(mimeType, data);
            if (problem is not null)
            {
                await BadAsync(context, problem).ConfigureAwait(false);
                return;
            }

            var size = mimeType == "image/png" ? MediaSniffer.PngSize(data) : null;
            var asset = new AssetState(EmulatorStore.NewId("asset"), HttpResults.User(context), mimeType, "image",
                string.IsNullOrWhiteSpace(name) ? "image" + AssetState.Extension(mimeType) : name!, data, state.Now)
            {
                Width = size?.Width,
                Height = size?.Height,
            };
            state.Store.Add(asset);
            var (url, _) = state.IssueDownloadUrl(asset, expired: false);
            await HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["asset"] = state.AssetJson(asset, url) }).ConfigureAwait(false);
        }

        private static Task BadAsync(HttpContext context, string message) =>
            HttpResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid asset", message);
    }
}
