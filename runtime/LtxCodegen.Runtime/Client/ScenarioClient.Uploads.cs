using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Http;
using LtxCodegen.Internal;
using LtxCodegen.Json;

namespace LtxCodegen
{
    public sealed partial class ScenarioClient
    {
        /// <summary>Images up to this size go through <c>POST /assets</c> as a data URL; anything else is a multipart upload.</summary>
        public const long MaxDataUrlImageBytes = 3_500_000;

        private static readonly JsonWriterOptions s_uploadJson = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>
        /// Uploads a local file and returns the new asset id. The content type comes from the extension; images up to
        /// 3.5 MB are sent as a data URL, videos and larger files as a multipart upload (parts of
        /// <see cref="ScenarioClientOptions.UploadPartSize"/>), then the import is polled until the asset exists.
        /// </summary>
        public async Task<string> UploadAssetAsync(string path, string? name = null, CancellationToken cancellationToken = default)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            ThrowIfDisposed();
            RefuseIfNoSpend("upload", name ?? Path.GetFileName(path));
            var contentType = MediaTypes.FromFileName(path) ?? throw new ArgumentException(
                "Cannot tell the content type of '" + Path.GetFileName(path) + "' from its extension (expected e.g. .mp4, .webm, .png, .jpg).", nameof(path));
            name ??= Path.GetFileName(path);
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, useAsync: true);
            return await UploadCoreAsync(file, file.Length, name, contentType, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Uploads a stream (read from its current position to its end) and returns the new asset id. The content type
        /// defaults to the one of <paramref name="name"/>'s extension.
        /// </summary>
        public async Task<string> UploadAssetAsync(Stream content, string name, string? contentType = null, CancellationToken cancellationToken = default)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("The asset needs a name (a file name such as clip.mp4).", nameof(name));
            }

            ThrowIfDisposed();
            RefuseIfNoSpend("upload", name);
            contentType ??= MediaTypes.FromFileName(name) ?? throw new ArgumentException(
                "Cannot tell the content type of '" + name + "' from its extension: pass contentType.", nameof(contentType));
            if (content.CanSeek)
            {
                return await UploadCoreAsync(content, content.Length - content.Position, name, contentType, cancellationToken).ConfigureAwait(false);
            }

            // The multipart upload announces the size first: spool a stream of unknown length to a temporary file.
            var temp = Path.Combine(Path.GetTempPath(), "ltxcodegen-" + Guid.NewGuid().ToString("N") + ".upload");
            try
            {
                using var spool = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, CopyBufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await content.CopyToAsync(spool, CopyBufferSize, cancellationToken).ConfigureAwait(false);
                spool.Position = 0;
                return await UploadCoreAsync(spool, spool.Length, name, contentType, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                TryDelete(temp);
            }
        }

        private async Task<string> UploadCoreAsync(Stream content, long length, string name, string contentType, CancellationToken cancellationToken)
        {
            if (length <= 0)
            {
                throw new ArgumentException("The content to upload is empty.", nameof(content));
            }

            string assetId;
            if (contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && length <= MaxDataUrlImageBytes)
            {
                Log.Uploading(Logger, name, length, "data URL");
                assetId = await UploadDataUrlAsync(content, (int)length, name, contentType, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Log.Uploading(Logger, name, length, "multipart upload");
                assetId = await UploadMultipartAsync(content, length, name, contentType, cancellationToken).ConfigureAwait(false);
            }

            Log.Uploaded(Logger, name, assetId);
            return assetId;
        }

        private async Task<string> UploadDataUrlAsync(Stream content, int length, string name, string contentType, CancellationToken cancellationToken)
        {
            var bytes = new byte[length];
            var read = 0;
            while (read < length)
            {
                var n = await content.ReadAsync(bytes, read, length - read, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new EndOfStreamException("The content ended after " + read + " of " + length + " bytes.");
                }

                read += n;
            }

            var body = WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("image", "data:" + contentType + ";base64," + Convert.ToBase64String(bytes));
                w.WriteString("name", name);
                w.WriteEndObject();
            });
            using var doc = await _transport.PostJsonAsync("assets", body, createsJob: false, jobId: null, cancellationToken).ConfigureAwait(false);
            var asset = ScenarioJson.ReadAsset(doc.RootElement);
            return asset?.Id ?? throw NoIdError("assets", "the response carries no asset id");
        }

        private async Task<string> UploadMultipartAsync(Stream content, long length, string name, string contentType, CancellationToken cancellationToken)
        {
            var partSize = Settings.UploadPartSize;
            var partCount = (int)((length + partSize - 1) / partSize);
            var body = WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("fileName", name);
                w.WriteNumber("fileSize", length);
                w.WriteString("contentType", contentType);
                if (MediaTypes.KindOf(contentType) is string kind)
                {
                    w.WriteString("kind", kind);
                }

                w.WriteNumber("parts", partCount);
                w.WriteEndObject();
            });

            UploadInfo upload;
            using (var doc = await _transport.PostJsonAsync("uploads", body, createsJob: false, jobId: null, cancellationToken).ConfigureAwait(false))
            {
                upload = ScenarioJson.ReadUpload(doc.RootElement) ?? throw NoIdError("uploads", "the response carries no upload id");
            }

            if ((PathSegment.Problem(upload.Id) ?? (upload.JobId is null ? null : PathSegment.Problem(upload.JobId))) is string badId)
            {
                throw NoIdError("uploads", "the response carries an upload or job id that cannot be used in a URL (" + badId + ")");
            }

            if (upload.Parts.Count != partCount)
            {
                throw NoIdError("uploads", "the service returned " + upload.Parts.Count + " part URL(s) for " + partCount + " part(s)");
            }

            var buffer = new byte[(int)Math.Min(partSize, length)];
            for (var i = 0; i < partCount; i++)
            {
                var size = (int)Math.Min(partSize, length - ((long)i * partSize));
                var read = 0;
                while (read < size)
                {
                    var n = await content.ReadAsync(buffer, read, size - read, cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw new EndOfStreamException("The content ended after " + (((long)i * partSize) + read) + " of " + length + " bytes.");
                    }

                    read += n;
                }

                await PutPartAsync(upload.Parts[i].Url, buffer, size, upload.JobId, cancellationToken).ConfigureAwait(false);
            }

            var complete = WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("action", "complete");
                w.WriteEndObject();
            });
            var actionPath = "uploads/" + Uri.EscapeDataString(upload.Id) + "/action";
            using (var doc = await _transport.PostJsonAsync(actionPath, complete, createsJob: false, jobId: upload.JobId, cancellationToken).ConfigureAwait(false))
            {
                if (ScenarioJson.ReadUpload(doc.RootElement) is UploadInfo done)
                {
                    upload = Merge(upload, done);
                }
            }

            return await WaitForUploadAsync(upload, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>PUTs one part to its signed URL (no credentials), retrying network errors and 5xx: a PUT is idempotent.</summary>
        private async Task PutPartAsync(Uri url, byte[] buffer, int count, string? jobId, CancellationToken cancellationToken)
        {
            var path = ScenarioTransport.Describe(HttpMethod.Put, url);
            for (var attempt = 0; ; attempt++)
            {
                ScenarioApiException failure;
                TimeSpan? retryAfter = null;
                try
                {
                    using var response = await _transport.SendAsync(
                        () => ScenarioTransport.NewUnauthenticatedRequest(HttpMethod.Put, url, new ByteArrayContent(buffer, 0, count)),
                        cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }

                    var info = await ReadErrorQuietlyAsync(response, cancellationToken).ConfigureAwait(false);
                    retryAfter = ScenarioTransport.RetryAfterOf(response, info);
                    failure = _transport.Error(path, response.StatusCode, info, jobId, retryAfter, false, null);
                    if (!ScenarioTransport.IsRetryable(response.StatusCode))
                    {
                        Log.RequestFailed(Logger, path, ScenarioTransport.Describe(response.StatusCode));
                        throw failure;
                    }
                }
                catch (Exception ex) when (ScenarioTransport.IsTransient(ex, cancellationToken))
                {
                    failure = _transport.NetworkError(path, ex, jobId, false);
                }

                await _transport.PauseBeforeRetryAsync(path, failure, attempt, retryAfter, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Polls <c>GET /uploads/{id}</c> until the upload names its asset (<c>entityId</c>); when the service has no such
        /// route, follows the upload's job until <c>metadata.output.entityId</c>.
        /// </summary>
        private async Task<string> WaitForUploadAsync(UploadInfo upload, CancellationToken cancellationToken)
        {
            var stopwatch = Stopwatch.StartNew();
            var interval = Settings.PollInterval;
            var relative = "uploads/" + Uri.EscapeDataString(upload.Id);
            while (true)
            {
                if (upload.EntityId is string entityId)
                {
                    return entityId;
                }

                if (upload.IsFailed)
                {
                    throw new ScenarioJobFailedException(new ScenarioJob(upload.JobId ?? upload.Id, upload.Status ?? "failed", error: upload.ErrorMessage ?? "the upload failed", jobType: "upload"));
                }

                if (Settings.JobTimeout != Timeout.InfiniteTimeSpan && stopwatch.Elapsed >= Settings.JobTimeout)
                {
                    throw new ScenarioJobTimeoutException(new ScenarioJob(upload.JobId ?? upload.Id, upload.Status ?? "pending", jobType: "upload"), Settings.JobTimeout);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(ScenarioTransport.Jitter(interval.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
                interval = TimeSpan.FromTicks(Math.Min(Settings.MaxPollInterval.Ticks, (long)(interval.Ticks * 1.5)));
                try
                {
                    using var doc = await _transport.GetJsonAsync(relative, upload.JobId, cancellationToken).ConfigureAwait(false);
                    upload = ScenarioJson.ReadUpload(doc.RootElement) is UploadInfo seen ? Merge(upload, seen) : upload;
                }
                catch (ScenarioApiException ex) when (upload.JobId is not null && (ex.StatusCode == HttpStatusCode.NotFound || ex.StatusCode == HttpStatusCode.MethodNotAllowed))
                {
                    var job = await WaitCoreAsync(upload.JobId, null, null, cancellationToken).ConfigureAwait(false);
                    return job.OutputEntityId ?? (job.AssetIds.Count > 0 ? job.AssetIds[0] : null) ?? throw NoIdError(
                        "jobs/" + upload.JobId, "upload job " + upload.JobId + " succeeded without naming its asset (metadata.output.entityId)");
                }
            }
        }

        private static UploadInfo Merge(UploadInfo before, UploadInfo now) =>
            new UploadInfo(now.Id, now.Status ?? before.Status, now.Parts.Count > 0 ? now.Parts : before.Parts, now.JobId ?? before.JobId, now.EntityId ?? before.EntityId, now.ErrorMessage);

        private ScenarioApiException NoIdError(string relative, string reason) => _transport.Error(
            ScenarioTransport.Describe(HttpMethod.Post, _transport.ApiUri(relative)), HttpStatusCode.OK, new ErrorInfo(reason, null, null), null, null, false, null);

        private static byte[] WriteJson(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, s_uploadJson))
            {
                write(writer);
                writer.Flush();
            }

            return buffer.ToArray();
        }
    }
}
