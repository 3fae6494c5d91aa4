using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Http;
using LtxCodegen.Internal;
using LtxCodegen.Json;

namespace LtxCodegen
{
    public sealed partial class ScenarioClient
    {
        private const int CopyBufferSize = 81920;

        /// <summary>Reads an asset (its signed, short-lived download URL among others).</summary>
        public Task<ScenarioAsset> GetAssetAsync(string assetId, CancellationToken cancellationToken = default)
        {
            RequireId(assetId, nameof(assetId));
            ThrowIfDisposed();
            return GetAssetCoreAsync(assetId, null, cancellationToken);
        }

        // jobId: the job the asset came out of, when known, so that failures name it.
        private async Task<ScenarioAsset> GetAssetCoreAsync(string assetId, string? jobId, CancellationToken cancellationToken)
        {
            var relative = "assets/" + PathSegment.Escape(assetId, nameof(assetId));
            using var doc = await _transport.GetJsonAsync(relative, jobId, cancellationToken).ConfigureAwait(false);
            return ScenarioJson.ReadAsset(doc.RootElement) ?? throw _transport.Error(
                ScenarioTransport.Describe(HttpMethod.Get, _transport.ApiUri(relative)),
                HttpStatusCode.OK,
                new ErrorInfo("the response carries no asset", null, null),
                jobId,
                null,
                false,
                null);
        }

        /// <summary>
        /// Downloads output <paramref name="index"/> of a finished job to a file, as
        /// <see cref="DownloadAssetAsync(string, string, CancellationToken)"/> does, with every failure carrying the
        /// job's id (<see cref="ScenarioException.JobId"/>) so that the caller can tell which job's output was lost.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The job has no output at <paramref name="index"/>.</exception>
        public Task<ScenarioAsset> DownloadOutputAsync(ScenarioJob job, string path, int index = 0, CancellationToken cancellationToken = default)
        {
            if (job is null)
            {
                throw new ArgumentNullException(nameof(job));
            }

            if (index < 0 || index >= job.AssetIds.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "Job " + job.JobId + " (" + job.Status + ") has " + job.AssetIds.Count + " output(s).");
            }

            return DownloadToFileAsync(job.AssetIds[index], path, job.JobId, cancellationToken);
        }

        /// <summary>
        /// Downloads an asset to a file, atomically: the bytes go to <c>&lt;path&gt;.&lt;random&gt;.part</c>, which is renamed to
        /// <paramref name="path"/> (replacing it) only when complete and of the announced length. A download that passes
        /// the announced length (the asset's size plus 1%, at least 1 MiB, when the response gives none) is stopped. Network errors and 5xx
        /// are retried; an expired URL (403/410) is fetched again once. When the download fails or is canceled, the
        /// <c>.part</c> file is removed and <paramref name="path"/> is left as it was. A <c>.part</c> of the same path that a
        /// killed process left behind (one no running download holds open) is removed when the next download starts.
        /// </summary>
        public Task<ScenarioAsset> DownloadAssetAsync(string assetId, string path, CancellationToken cancellationToken = default) =>
            DownloadToFileAsync(assetId, path, null, cancellationToken);

        private async Task<ScenarioAsset> DownloadToFileAsync(string assetId, string path, string? jobId, CancellationToken cancellationToken)
        {
            RequireId(assetId, nameof(assetId));
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            if (path.Length == 0)
            {
                throw new ArgumentException("The destination path is empty.", nameof(path));
            }

            ThrowIfDisposed();
            var destination = Path.GetFullPath(path);
            var directory = Path.GetDirectoryName(destination);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // A name of its own: two downloads to one path must not write, or delete, each other's partial file.
            RemoveAbandonedParts(destination);
            var part = destination + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".part";
            Log.Downloading(Logger, assetId, destination);
            var asset = await GetAssetCoreAsync(assetId, jobId, cancellationToken).ConfigureAwait(false);
            long length;
            try
            {
                long onDisk;
                using (var file = PartFile.Create(part))
                {
                    (asset, length) = await DownloadCoreAsync(asset, file, jobId, cancellationToken).ConfigureAwait(false);
                    await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                    onDisk = PartFile.LengthOnDisk(file);
                }

                if (onDisk != length)
                {
                    throw new IOException("The downloaded file has " + onDisk + " bytes on disk, " + length + " expected.");
                }

                MoveIntoPlace(part, destination);
            }
            catch
            {
                TryDelete(part);
                throw;
            }

            Log.Downloaded(Logger, assetId, length);
            return asset;
        }

        /// <summary>
        /// Downloads an asset into a stream (left open). Retries resume where the stream stopped; if the download fails,
        /// the stream may hold part of the asset.
        /// </summary>
        public async Task<ScenarioAsset> DownloadAssetAsync(string assetId, Stream destination, CancellationToken cancellationToken = default)
        {
            RequireId(assetId, nameof(assetId));
            if (destination is null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (!destination.CanWrite)
            {
                throw new ArgumentException("The destination stream is not writable.", nameof(destination));
            }

            ThrowIfDisposed();
            Log.Downloading(Logger, assetId, "a stream");
            var asset = await GetAssetAsync(assetId, cancellationToken).ConfigureAwait(false);
            var (result, length) = await DownloadCoreAsync(asset, destination, null, cancellationToken).ConfigureAwait(false);
            Log.Downloaded(Logger, assetId, length);
            return result;
        }

        /// <summary>
        /// Streams the asset's signed URL (as given, no credentials) into <paramref name="destination"/>. Returns the asset
        /// (fresh when its URL had to be fetched again) and the byte count.
        /// </summary>
        private async Task<(ScenarioAsset Asset, long Length)> DownloadCoreAsync(ScenarioAsset asset, Stream destination, string? jobId, CancellationToken cancellationToken)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
            try
            {
                return await DownloadWithBufferAsync(asset, destination, buffer, jobId, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private async Task<(ScenarioAsset Asset, long Length)> DownloadWithBufferAsync(ScenarioAsset asset, Stream destination, byte[] buffer, string? jobId, CancellationToken cancellationToken)
        {
            var counter = new ByteCounter();
            var refreshed = false;
            var failures = 0;
            while (true)
            {
                var url = asset.Url ?? throw new ScenarioApiException(
                    "Asset " + asset.Id + " has no download URL (it may not be ready yet).", null, "no download URL", null, "GET /assets/" + asset.Id, jobId);
                var path = ScenarioTransport.Describe(HttpMethod.Get, url);
                ScenarioApiException failure;
                TimeSpan? retryAfter = null;
                try
                {
                    var from = counter.Written;
                    using var response = await _transport.SendAsync(
                        () =>
                        {
                            var request = ScenarioTransport.NewUnauthenticatedRequest(HttpMethod.Get, url, null);
                            if (from > 0)
                            {
                                request.Headers.Range = new RangeHeaderValue(from, null);
                            }

                            return request;
                        },
                        cancellationToken).ConfigureAwait(false);

                    var code = (int)response.StatusCode;
                    if (code == 403 || code == 410)
                    {
                        var info = await ReadErrorQuietlyAsync(response, cancellationToken).ConfigureAwait(false);
                        if (!refreshed)
                        {
                            refreshed = true;
                            Log.DownloadUrlExpired(Logger, asset.Id, code);
                            asset = await GetAssetCoreAsync(asset.Id, jobId, cancellationToken).ConfigureAwait(false);
                            continue;
                        }

                        failure = _transport.Error(path, response.StatusCode, info.Reason is null ? new ErrorInfo("the download URL was refused (expired?) even after fetching a fresh one", info.TraceId, null) : info, jobId, null, false, null);
                        Log.RequestFailed(Logger, path, failure.Reason ?? "refused");
                        throw failure;
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        var info = await ReadErrorQuietlyAsync(response, cancellationToken).ConfigureAwait(false);
                        retryAfter = ScenarioTransport.RetryAfterOf(response, info);
                        failure = _transport.Error(path, response.StatusCode, info, jobId, retryAfter, false, null);
                        if (!ScenarioTransport.IsRetryable(response.StatusCode))
                        {
                            Log.RequestFailed(Logger, path, ScenarioTransport.Describe(response.StatusCode));
                            throw failure;
                        }
                    }
                    else
                    {
                        long skip = 0;
                        long? total;
                        if (response.StatusCode == HttpStatusCode.PartialContent)
                        {
                            var range = response.Content.Headers.ContentRange;
                            if (range?.From != from)
                            {
                                throw new IOException("The server resumed at byte " + (range?.From?.ToString(CultureInfo.InvariantCulture) ?? "?") + ", not " + from + ".");
                            }

                            total = range.Length;
                        }
                        else
                        {
                            skip = from;
                            total = response.Content.Headers.ContentLength;
                        }

                        var limit = DownloadLimit(asset, total, path, response.StatusCode, jobId);
                        await CopyAsync(response, destination, skip, counter, buffer, limit, path, jobId, cancellationToken).ConfigureAwait(false);
                        if (total is long expected && counter.Written != expected)
                        {
                            throw new IOException("The download ended after " + counter.Written + " of " + expected + " bytes.");
                        }

                        return (asset, counter.Written);
                    }
                }
                catch (Exception ex) when (ScenarioTransport.IsTransient(ex, cancellationToken))
                {
                    failure = _transport.NetworkError(path, ex, jobId, false);
                }

                await _transport.PauseBeforeRetryAsync(path, failure, failures, retryAfter, cancellationToken).ConfigureAwait(false);
                failures++;
            }
        }

        /// <summary>
        /// The most bytes a download may write: the length the response announces, else the asset's announced size plus
        /// <see cref="DownloadSizeMargin"/>; null when neither is known. Fails at once when the response announces more
        /// than the asset's size allows.
        /// </summary>
        private long? DownloadLimit(ScenarioAsset asset, long? total, string path, HttpStatusCode status, string? jobId)
        {
            long? allowed = asset.Size is long size ? (size > long.MaxValue - DownloadSizeMargin(size) ? long.MaxValue : size + DownloadSizeMargin(size)) : null;
            if (total is long announced && allowed is long max && announced > max)
            {
                throw DownloadTooLarge(path, status, jobId, "the server announces " + announced.ToString(CultureInfo.InvariantCulture) +
                    " bytes for asset " + asset.Id + ", whose announced size is " + asset.Size!.Value.ToString(CultureInfo.InvariantCulture) + " bytes");
            }

            return total ?? allowed;
        }

        /// <summary>How far a download may go past the asset's announced size: 1%, at least 1 MiB.</summary>
        internal static long DownloadSizeMargin(long size) => Math.Max(1024 * 1024, size / 100);

        private ScenarioApiException DownloadTooLarge(string path, HttpStatusCode status, string? jobId, string reason)
        {
            var error = _transport.Error(path, status, new ErrorInfo(reason + "; the download was stopped", null, null), jobId, null, false, null);
            Log.RequestFailed(Logger, path, error.Reason!);
            return error;
        }

        /// <summary>
        /// Copies the body, dropping its first <paramref name="skip"/> bytes; each read must progress within the request
        /// timeout, and the copy stops with an error as soon as it would pass <paramref name="limit"/> bytes in all.
        /// </summary>
        private async Task CopyAsync(HttpResponseMessage response, Stream destination, long skip, ByteCounter counter, byte[] buffer, long? limit, string path, string? jobId, CancellationToken cancellationToken)
        {
#if NET5_0_OR_GREATER
            using var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            while (true)
            {
                if (Settings.RequestTimeout != Timeout.InfiniteTimeSpan)
                {
                    idle.CancelAfter(Settings.RequestTimeout);
                }

                int read;
                try
                {
                    read = await source.ReadAsync(buffer, 0, buffer.Length, idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException("The download stalled for " + Settings.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.", ex);
                }

                if (read == 0)
                {
                    return;
                }

                var offset = 0;
                if (skip > 0)
                {
                    var drop = (int)Math.Min(skip, read);
                    skip -= drop;
                    offset = drop;
                }

                if (limit is long max && counter.Written + (read - offset) > max)
                {
                    throw DownloadTooLarge(path, response.StatusCode, jobId, "the download is larger than the " + max.ToString(CultureInfo.InvariantCulture) +
                        " bytes allowed (" + (response.Content.Headers.ContentLength is null ? "the asset's announced size plus margin" : "the response's announced length") + ")");
                }

                if (read > offset)
                {
                    await destination.WriteAsync(buffer, offset, read - offset, cancellationToken).ConfigureAwait(false);
                    counter.Written += read - offset;
                }
            }
        }

        /// <summary>How many bytes reached the destination so far, kept across retries (a failed copy still wrote some).</summary>
        private sealed class ByteCounter
        {
            public long Written;
        }

        private async Task<ErrorInfo> ReadErrorQuietlyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            try
            {
                return ScenarioJson.ReadError(await _transport.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ScenarioTransport.IsTransient(ex, cancellationToken))
            {
                return default;
            }
        }

        private static void MoveIntoPlace(string part, string destination)
        {
#if NETCOREAPP3_0_OR_GREATER
            File.Move(part, destination, overwrite: true);
#else
            if (File.Exists(destination))
            {
                File.Replace(part, destination, null);
            }
            else
            {
                File.Move(part, destination);
            }
#endif
        }

        /// <summary>
        /// Removes the partial files that earlier downloads to <paramref name="destination"/> left behind when their process
        /// was killed. A download holds its <c>.part</c> open with <see cref="FileShare.None"/> (an exclusive lock, which
        /// the operating system releases when the process dies), so a <c>.part</c> that can be opened exclusively belongs
        /// to no running download; one that cannot is in use and is left alone.
        /// </summary>
        private static void RemoveAbandonedParts(string destination)
        {
            var directory = Path.GetDirectoryName(destination);
            if (string.IsNullOrEmpty(directory))
            {
                return;
            }

            string[] candidates;
            try
            {
                // A missing folder throws DirectoryNotFoundException (an IOException): nothing to remove.
                candidates = Directory.GetFiles(directory, Path.GetFileName(destination) + ".*.part");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }

            var prefix = Path.GetFileName(destination) + ".";
            foreach (var candidate in candidates)
            {
                // Only our own names: "<file>.<12 hex digits>.part".
                var middle = Path.GetFileName(candidate).Substring(prefix.Length);
                if (middle.Length != 12 + ".part".Length || !IsHex(middle.Substring(0, 12)))
                {
                    continue;
                }

                try
                {
                    using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                    {
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue; // in use by a running download (or not ours to touch)
                }

                TryDelete(candidate);
            }
        }

        private static bool IsHex(string text)
        {
            foreach (var c in text)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
