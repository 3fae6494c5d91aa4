using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Internal;
using LtxCodegen.Json;
using Microsoft.Extensions.Logging;

namespace LtxCodegen.Http
{
    /// <summary>
    /// Sends the client's HTTP calls: auth and the project id on API calls (never on CDN URLs), per-call timeouts,
    /// bounded retries with backoff for safe calls, and typed errors.
    /// </summary>
    internal sealed class ScenarioTransport
    {
        private static readonly ProductInfoHeaderValue s_userAgent = new ProductInfoHeaderValue("LtxCodegen", "0.1");
        private static readonly MediaTypeWithQualityHeaderValue s_acceptJson = new MediaTypeWithQualityHeaderValue("application/json");
        private static readonly object s_randomLock = new object();
        private static readonly Random s_random = new Random();

        private readonly HttpClient _http;

        public ScenarioTransport(HttpClient http, ClientSettings settings, ILogger logger)
        {
            _http = http;
            Settings = settings;
            Logger = logger;
        }

        public ClientSettings Settings { get; }

        public ILogger Logger { get; }

        public HttpClient Http => _http;

        /// <summary>The absolute URI of an API path (relative to the base address), with the project id when set.</summary>
        public Uri ApiUri(string relativePath)
        {
            var text = relativePath;
            if (Settings.ProjectId is string projectId)
            {
                text += (text.IndexOf('?') >= 0 ? "&" : "?") + "projectId=" + Uri.EscapeDataString(projectId);
            }

            return new Uri(Settings.BaseAddress, text);
        }

        /// <summary>"GET /v1/jobs/x": the method and the path, never the query string.</summary>
        public static string Describe(HttpMethod method, Uri uri) => method.Method + " " + uri.AbsolutePath;

        /// <summary>GETs an API path and parses its JSON, retrying network errors, malformed bodies, 408, 429 and 5xx.</summary>
        public async Task<JsonDocument> GetJsonAsync(string relativePath, string? jobId, CancellationToken cancellationToken)
        {
            var uri = ApiUri(relativePath);
            var path = Describe(HttpMethod.Get, uri);
            for (var attempt = 0; ; attempt++)
            {
                ScenarioApiException failure;
                TimeSpan? retryAfter = null;
                try
                {
                    using var response = await SendAsync(() => NewApiRequest(HttpMethod.Get, uri, null), cancellationToken).ConfigureAwait(false);
                    var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        try
                        {
                            return JsonDocument.Parse(body);
                        }
                        catch (JsonException ex)
                        {
                            failure = Error(path, response.StatusCode, new ErrorInfo("the response is not valid JSON", null, null), jobId, null, false, ex);
                        }
                    }
                    else
                    {
                        var info = ScenarioJson.ReadError(body);
                        retryAfter = RetryAfterOf(response, info);
                        failure = Error(path, response.StatusCode, info, jobId, retryAfter, false, null);
                        if (!IsRetryable(response.StatusCode))
                        {
                            Log.RequestFailed(Logger, path, Describe(response.StatusCode));
                            throw failure;
                        }
                    }
                }
                catch (ResponseTooLargeException ex)
                {
                    // Not transient: the same answer would come again.
                    var tooLarge = Error(path, HttpStatusCode.OK, new ErrorInfo(ex.Message, null, null), jobId, null, false, ex);
                    Log.RequestFailed(Logger, path, tooLarge.Reason!);
                    throw tooLarge;
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken))
                {
                    failure = NetworkError(path, ex, jobId, false);
                }

                await PauseBeforeRetryAsync(path, failure, attempt, retryAfter, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// After a retryable failure of try number <paramref name="attempt"/> (0-based): throws <paramref name="failure"/>
        /// when the retries are spent, else logs the retry and waits its delay (the server's, or the growing back-off).
        /// </summary>
        public async Task PauseBeforeRetryAsync(string path, ScenarioApiException failure, int attempt, TimeSpan? retryAfter, CancellationToken cancellationToken)
        {
            if (attempt >= Settings.MaxRetries)
            {
                Log.RequestFailed(Logger, path, failure.Reason ?? failure.Message);
                throw failure;
            }

            var delay = RetryDelay(attempt, retryAfter);
            Log.Retrying(Logger, path, failure.StatusCode is HttpStatusCode s ? Describe(s) : failure.Reason ?? "network error", attempt + 1, Settings.MaxRetries, delay);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// POSTs JSON to an API path. Never retried once it may have reached the server: only a connection that was
        /// refused (nothing sent) is tried again. <paramref name="createsJob"/> marks calls whose failure may leave a job.
        /// </summary>
        public async Task<JsonDocument> PostJsonAsync(string relativePath, byte[] json, bool createsJob, string? jobId, CancellationToken cancellationToken)
        {
            var uri = ApiUri(relativePath);
            var path = Describe(HttpMethod.Post, uri);
            for (var attempt = 0; ; attempt++)
            {
                HttpResponseMessage response;
                byte[] body;
                try
                {
                    response = await SendAsync(() => NewApiRequest(HttpMethod.Post, uri, JsonContent(json)), cancellationToken).ConfigureAwait(false);
                    try
                    {
                        body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                    }
                    catch (ResponseTooLargeException ex)
                    {
                        // A 2xx arrived: the call reached the service, so a job may exist.
                        var status = response.StatusCode;
                        response.Dispose();
                        var tooLarge = Error(path, status, new ErrorInfo(ex.Message, null, null), jobId, null, createsJob, ex);
                        Log.RequestFailed(Logger, path, tooLarge.Reason!);
                        throw tooLarge;
                    }
                    catch
                    {
                        response.Dispose();
                        throw;
                    }
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken))
                {
                    var neverSent = IsNeverSent(ex);
                    if (neverSent && attempt < Settings.MaxRetries)
                    {
                        var delay = RetryDelay(attempt, null);
                        Log.Retrying(Logger, path, "connection refused, nothing was sent", attempt + 1, Settings.MaxRetries, delay);
                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    var error = NetworkError(path, ex, jobId, createsJob && !neverSent);
                    Log.RequestFailed(Logger, path, error.Reason ?? "network error");
                    throw error;
                }
                catch (OperationCanceledException) when (createsJob && cancellationToken.IsCancellationRequested)
                {
                    Log.SubmitOutcomeUnknown(Logger, relativePath, "canceled while the request was under way");
                    throw;
                }

                using (response)
                {
                    if (response.IsSuccessStatusCode)
                    {
                        try
                        {
                            return JsonDocument.Parse(body);
                        }
                        catch (JsonException ex)
                        {
                            var error = Error(path, response.StatusCode, new ErrorInfo("the response is not valid JSON", null, null), jobId, null, createsJob, ex);
                            Log.RequestFailed(Logger, path, error.Reason!);
                            throw error;
                        }
                    }

                    var info = ScenarioJson.ReadError(body);
                    // A 4xx (but 408) is the service refusing the call: nothing was created.
                    var code = (int)response.StatusCode;
                    var mayExist = createsJob && (code >= 500 || code == 408);
                    var failure = Error(path, response.StatusCode, info, jobId, RetryAfterOf(response, info), mayExist, null);
                    Log.RequestFailed(Logger, path, Describe(response.StatusCode));
                    throw failure;
                }
            }
        }

        /// <summary>Sends one request built fresh by <paramref name="build"/>, with the per-call timeout (headers only).</summary>
        public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (Settings.RequestTimeout != Timeout.InfiniteTimeSpan)
            {
                timeout.CancelAfter(Settings.RequestTimeout);
            }

            using var request = build();
            try
            {
                return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("No response within " + Settings.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.", ex);
            }
        }

        /// <summary>The most of an error body (non-2xx) that is read: its texts are for people, not data.</summary>
        public const int MaxErrorBodyBytes = 64 * 1024;

        /// <summary>
        /// Reads a whole (small, JSON) body with the per-call timeout, at most <see cref="ClientSettings.MaxResponseBodyBytes"/>
        /// (a larger successful body throws <see cref="ResponseTooLargeException"/>; a larger error body reads as empty),
        /// with the credentials masked in every text it holds.
        /// </summary>
        public async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (Settings.RequestTimeout != Timeout.InfiniteTimeSpan)
            {
                timeout.CancelAfter(Settings.RequestTimeout);
            }

            byte[] body;
            try
            {
                body = response.IsSuccessStatusCode
                    ? await BoundedBody.ReadAsync(response.Content, Settings.MaxResponseBodyBytes, timeout.Token).ConfigureAwait(false)
                    : await BoundedBody.ReadAsync(response.Content, Math.Min(Settings.MaxResponseBodyBytes, MaxErrorBodyBytes), timeout.Token).ConfigureAwait(false);
            }
            catch (ResponseTooLargeException) when (!response.IsSuccessStatusCode)
            {
                body = Array.Empty<byte>();
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("The response body did not arrive within " + Settings.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.", ex);
            }

            return Settings.Redactor.RedactJson(body);
        }

        public HttpRequestMessage NewApiRequest(HttpMethod method, Uri uri, HttpContent? content)
        {
            var request = new HttpRequestMessage(method, uri) { Content = content };
            request.Headers.Authorization = Settings.Authorization;
            request.Headers.Accept.Add(s_acceptJson);
            request.Headers.UserAgent.Add(s_userAgent);
            return request;
        }

        /// <summary>A request to a signed URL (CDN, upload part): no credentials, the URL exactly as given.</summary>
        public static HttpRequestMessage NewUnauthenticatedRequest(HttpMethod method, Uri uri, HttpContent? content)
        {
            var request = new HttpRequestMessage(method, uri) { Content = content };
            request.Headers.UserAgent.Add(s_userAgent);
            return request;
        }

        public static ByteArrayContent JsonContent(byte[] json)
        {
            var content = new ByteArrayContent(json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }

        /// <summary>True for 408, 429 and 5xx.</summary>
        public static bool IsRetryable(HttpStatusCode status)
        {
            var code = (int)status;
            return code == 408 || code == 429 || code >= 500;
        }

        /// <summary>True for failures worth retrying on a safe call: network errors and timeouts, not the caller's cancellation.</summary>
        public static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
            ex is HttpRequestException || ex is IOException || ex is TimeoutException ||
            (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

        /// <summary>True when the request provably never left this machine (the connection was refused or the host is unknown).</summary>
        public static bool IsNeverSent(Exception ex)
        {
            for (var e = (Exception?)ex; e is not null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The delay before retry number <paramref name="attempt"/> + 1: what the server asked (capped), else exponential with jitter.</summary>
        public TimeSpan RetryDelay(int attempt, TimeSpan? serverAsked)
        {
            if (serverAsked is TimeSpan asked)
            {
                return asked > Settings.MaxRetryDelay ? Settings.MaxRetryDelay : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
            }

            var ms = Settings.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
            ms = Math.Min(ms, Settings.MaxRetryDelay.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(Jitter(ms));
        }

        /// <summary>Multiplies by a random factor in [0.8, 1.2].</summary>
        public static double Jitter(double milliseconds)
        {
            double factor;
            lock (s_randomLock)
            {
                factor = 0.8 + (s_random.NextDouble() * 0.4);
            }

            return milliseconds * factor;
        }

        /// <summary>The wait a 429/503 asks for: <c>remainingSeconds</c> in the body, else the <c>Retry-After</c> header.</summary>
        public static TimeSpan? RetryAfterOf(HttpResponseMessage response, ErrorInfo info)
        {
            if (info.RemainingSeconds is double seconds && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (header?.Date is DateTimeOffset date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        public static string Describe(HttpStatusCode status) => "HTTP " + ((int)status).ToString(CultureInfo.InvariantCulture) + " " + status;

        public ScenarioApiException Error(string path, HttpStatusCode? status, ErrorInfo info, string? jobId, TimeSpan? retryAfter, bool jobMayExist, Exception? inner)
        {
            var reason = Settings.Redactor.RedactOrNull(info.Reason);
            var traceId = Settings.Redactor.RedactOrNull(info.TraceId);
            var message = path + " failed" + (status is HttpStatusCode s ? " with " + Describe(s) : "") + (reason is null ? "." : ": " + reason);
            if (!message.EndsWith(".", StringComparison.Ordinal))
            {
                message += ".";
            }

            if (info.Details?.Describe() is string more && more.Length > 0)
            {
                message += " " + more;
            }

            message += Settings.Hints.For(status, Settings.BaseAddress);
            if (traceId is not null)
            {
                message += " Trace id: " + traceId + ".";
            }

            if (retryAfter is TimeSpan wait)
            {
                message += " Retry after " + wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s.";
            }

            if (jobId is not null)
            {
                message += " Job id: " + jobId + " (resume with WaitForJobAsync).";
            }

            if (jobMayExist)
            {
                message += " The request may have reached the service, so a job may exist; it was not sent again because a job costs credits. " +
                           "Look for it (GET /v1/jobs) before submitting again.";
            }

            message = Settings.Redactor.Redact(message);
            var error = new ScenarioApiException(message, status, reason, traceId, path, jobId, retryAfter, jobMayExist, inner)
            {
                ActionName = Settings.Redactor.RedactOrNull(info.ActionName),
                ActionLimit = info.ActionLimit,
            };
            if (info.Details is ErrorDetails details)
            {
                error.SetDetails(details);
            }

            return error;
        }

        public ScenarioApiException NetworkError(string path, Exception ex, string? jobId, bool jobMayExist)
        {
            var what = ex is TimeoutException ? "timed out: " + ex.Message : "network error: " + ex.Message;
            return Error(path, null, new ErrorInfo(what, null, null), jobId, null, jobMayExist, ex);
        }
    }
}
