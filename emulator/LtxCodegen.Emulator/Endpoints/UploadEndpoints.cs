using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LtxCodegen.Emulator.Json;
using LtxCodegen.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LtxCodegen.Emulator.Endpoints
{
    /// <summary>
    /// Multipart upload: <c>POST /v1/uploads</c> → <c>PUT</c> each signed part URL → <c>POST /v1/uploads/{id}/action</c>
    /// <c>{"action": "complete"}</c> → <c>GET /v1/uploads/{id}</c> (or the upload job) until the asset is imported.
    /// </summary>
    internal static class UploadEndpoints
    {
        private static readonly string[] AcceptedTypes =
        {
            "video/mp4", "video/webm", "video/quicktime", "image/png", "image/jpeg", "image/webp", "audio/mpeg", "audio/wav",
        };

        public static void Map(IEndpointRouteBuilder app, EmulatorState state)
        {
            app.MapPost("/v1/uploads", context => CreateAsync(state, context));
            app.MapGet("/v1/uploads/{uploadId}", context => GetAsync(state, context));
            app.MapPost("/v1/uploads/{uploadId}/action", context => ActionAsync(state, context));
            app.MapPut("/s3/uploads/{uploadId}/parts/{number}", context => PutPartAsync(state, context))
                .WithMetadata(SignedUrlEndpoint.Instance);
        }

        private static async Task CreateAsync(EmulatorState state, HttpContext context)
        {
            using var document = await HttpResults.ReadJsonAsync(context).ConfigureAwait(false);
            if (document is null)
            {
                return;
            }

            var body = document.RootElement;
            var fileName = HttpResults.GetString(body, "fileName");
            var contentType = HttpResults.GetString(body, "contentType")?.ToLowerInvariant();
            var kind = HttpResults.GetString(body, "kind");
            var problems = new System.Collections.Generic.List<string>();
            if (string.IsNullOrWhiteSpace(fileName))
            {
                problems.Add("'fileName' is required.");
            }

            if (contentType is null || Array.IndexOf(AcceptedTypes, contentType) < 0)
            {
                problems.Add("'contentType' must be one of " + string.Join(", ", AcceptedTypes) + ".");
            }

            var fileSize = Long(body, "fileSize");
            if (fileSize is null || fileSize <= 0)
            {
                problems.Add("'fileSize' must be a positive number of bytes.");
            }
            else if (fileSize > state.Options.MaxUploadBytes)
            {
                problems.Add("'fileSize' exceeds the emulator's limit of " + state.Options.MaxUploadBytes + " bytes.");
            }

            var parts = Long(body, "parts");
            if (parts is null || parts < 1 || parts > 10000)
            {
                problems.Add("'parts' must be a whole number from 1 to 10000.");
            }
            else if (fileSize is long fs && fs > 0 && (parts > fs || (parts - 1) * state.Options.MinimumPartSize > fs))
            {
                problems.Add("'parts' (" + parts + ") does not fit 'fileSize' (" + fs + "): every part but the last must have at least " + state.Options.MinimumPartSize + " bytes.");
            }

            var derivedKind = contentType is null ? null : MediaSniffer.KindOf(contentType);
            if (kind is not null && derivedKind is not null && kind != derivedKind)
            {
                problems.Add("'kind' is \"" + kind + "\" but 'contentType' " + contentType + " is a " + derivedKind + ".");
            }

            if (problems.Count > 0)
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid upload", string.Join(" ", problems)).ConfigureAwait(false);
                return;
            }

            var user = HttpResults.User(context);
            var now = state.Now;
            var job = new JobState(EmulatorStore.NewId("job"), user, "upload", now) { Cost = 0 };
            var upload = new UploadState(EmulatorStore.NewId("upload"), user, fileName!, contentType!, derivedKind!, fileSize!.Value, (int)parts!.Value, job.Id, now);
            state.Store.Add(job);
            state.Store.Add(upload);
            await HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["upload"] = state.UploadJson(upload, withPartUrls: true) }).ConfigureAwait(false);
        }

        private static Task GetAsync(EmulatorState state, HttpContext context)
        {
            var id = HttpResults.Route(context, "uploadId");
            var upload = state.Store.FindUpload(id, HttpResults.User(context));
            return upload is null
                ? HttpResults.NotFoundAsync(context, "Upload", id)
                : HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["upload"] = state.UploadJson(upload, withPartUrls: !upload.IsCompleted) });
        }

        private static async Task ActionAsync(EmulatorState state, HttpContext context)
        {
            var id = HttpResults.Route(context, "uploadId");
            var upload = state.Store.FindUpload(id, HttpResults.User(context));
            if (upload is null)
            {
                await HttpResults.NotFoundAsync(context, "Upload", id).ConfigureAwait(false);
                return;
            }

            using var document = await HttpResults.ReadJsonAsync(context).ConfigureAwait(false);
            if (document is null)
            {
                return;
            }

            var action = HttpResults.GetString(document.RootElement, "action");
            if (action != "complete")
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid action",
                    "'action' must be \"complete\", not " + (action is null ? "missing" : "\"" + action + "\"") + ".").ConfigureAwait(false);
                return;
            }

            var problem = upload.TryComplete(state.Options.MinimumPartSize, out var file);
            if (problem is not null)
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Upload incomplete", problem).ConfigureAwait(false);
                return;
            }

            var now = state.Now;
            var job = state.Store.FindJob(upload.JobId)!;
            var failure = MediaSniffer.Check(upload.ContentType, file!);
            string? assetId = null;
            if (failure is null)
            {
                var size = upload.ContentType == "image/png" ? MediaSniffer.PngSize(file!) : null;
                var asset = new AssetState(EmulatorStore.NewId("asset"), upload.Owner, upload.ContentType, upload.Kind, upload.FileName, file!, now)
                {
                    SourceJobId = job.Id,
                    Width = size?.Width,
                    Height = size?.Height,
                };
                state.Store.Add(asset);
                upload.SetAsset(asset.Id);
                assetId = asset.Id;
            }

            job.Start(now, assetId, failure);
            await HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject
            {
                ["upload"] = state.UploadJson(upload, withPartUrls: false),
                ["job"] = state.JobJson(job),
            }).ConfigureAwait(false);
        }

        private static async Task PutPartAsync(EmulatorState state, HttpContext context)
        {
            var request = context.Request;
            var problem = state.Signer.Check("PUT", UrlSigner.RequestPath(context), request.Query["Expires"], request.Query["Signature"], state.Now);
            if (problem is not null)
            {
                Pipeline.RefuseUnreadBody(context);
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Access denied", problem).ConfigureAwait(false);
                await Pipeline.EndRefusalAsync(context).ConfigureAwait(false);
                return;
            }

            var upload = state.Store.FindUpload(HttpResults.Route(context, "uploadId"));
            if (upload is null || !int.TryParse(HttpResults.Route(context, "number"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ||
                number < 1 || number > upload.PartCount)
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not found", "No such upload part.").ConfigureAwait(false);
                return;
            }

            if (upload.IsCompleted)
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status409Conflict, "Upload completed", "The upload is already completed.").ConfigureAwait(false);
                return;
            }

            if (request.ContentLength > upload.FileSize)
            {
                await HttpResults.BodyTooLargeAsync(context, "Part too large",
                    "Part " + number + " announces " + request.ContentLength + " bytes, more than the whole declared file (" + upload.FileSize + " bytes).").ConfigureAwait(false);
                return;
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > upload.FileSize)
                {
                    await HttpResults.BodyTooLargeAsync(context, "Part too large",
                        "Part " + number + " is larger than the whole declared file (" + upload.FileSize + " bytes).").ConfigureAwait(false);
                    return;
                }

                buffer.Write(chunk, 0, read);
            }

            var data = buffer.ToArray();
            upload.SetPart(number, data);
            context.Response.Headers.ETag = "\"" + Convert.ToHexString(System.Security.Cryptography.MD5.HashData(data)).ToLowerInvariant() + "\"";
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
        }

        private static long? Long(JsonElement body, string name) =>
            body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
    }
}
