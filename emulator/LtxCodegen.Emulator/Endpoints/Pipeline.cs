using System;
using System.IO;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Emulator.Faults;
using LtxCodegen.Emulator.Logging;
using Microsoft.AspNetCore.Http;

namespace LtxCodegen.Emulator.Endpoints
{
    /// <summary>
    /// The middleware around every endpoint. <see cref="InvokeAsync"/> (before routing): trace id, request log, errors.
    /// <see cref="GuardAsync"/> (after routing, so it sees the endpoint the request reached, whatever the path's case):
    /// Basic auth for every endpoint but the signed-URL ones, before any body is read; then the logged body; then faults.
    /// </summary>
    internal static class Pipeline
    {
        public const string UserItem = "ltx.user";
        public const string FaultItem = "ltx.fault";
        public const string RecordItem = "ltx.record";
        private const string EntryItem = "ltx.entry";
        private const int MaxLoggedBody = 64 * 1024;

        /// <summary>What the log entry of a request will say; filled in as the request goes through.</summary>
        private sealed class Entry
        {
            public string? User;
            public string? Fault;
            public string? Body;
        }

        public static async Task InvokeAsync(EmulatorState state, HttpContext context, RequestDelegate next)
        {
            var sequence = state.Log.NextSequence();
            var time = state.Now;
            var traceId = "emu-" + sequence.ToString("x6", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            context.Items[HttpResults.TraceIdItem] = traceId;
            context.Response.Headers["x-trace-id"] = traceId;
            var request = context.Request;
            var method = request.Method;
            var path = request.Path.Value ?? "/";
            var entry = new Entry();
            context.Items[EntryItem] = entry;
            var aborted = false;
            var recorded = 0;

            // The entry is added before the client can see the answer (when the response starts, or just before an
            // abort), so a test that got its response always finds the request in the log.
            void Record(int status)
            {
                if (Interlocked.Exchange(ref recorded, 1) == 0)
                {
                    state.Log.Add(new EmulatorRequest(sequence, time, method, path, request.QueryString.Value ?? "", entry.User, entry.Body, status, entry.Fault, traceId));
                }
            }

            context.Items[RecordItem] = (Action<int>)Record;
            context.Response.OnStarting(() =>
            {
                Record(context.Response.StatusCode);
                return Task.CompletedTask;
            });
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                aborted = true;
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                // A bug in the emulator: answer like the service would, with enough detail to report it.
                entry.Fault ??= "EmulatorError: " + e.GetType().Name + ": " + e.Message;
                context.Response.Clear();
                context.Response.Headers["x-trace-id"] = traceId;
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "Internal server error",
                    "The emulator failed to handle " + method + " " + path + ": " + e.GetType().Name + ": " + e.Message).ConfigureAwait(false);
            }
            finally
            {
                if (context.Items.ContainsKey("ltx.aborted"))
                {
                    aborted = true;
                }

                Record(aborted ? 0 : context.Response.StatusCode);
            }
        }

        /// <summary>Runs after routing: authenticates (unless the endpoint is a signed URL), logs the body, applies faults.</summary>
        public static async Task GuardAsync(EmulatorState state, HttpContext context, RequestDelegate next)
        {
            var entry = (Entry)context.Items[EntryItem]!;
            var request = context.Request;
            if (context.GetEndpoint()?.Metadata.GetMetadata<SignedUrlEndpoint>() is null)
            {
                var user = Authenticate(state, request);
                if (user is null)
                {
                    context.Response.Headers.WWWAuthenticate = "Basic realm=\"Scenario API\"";
                    RefuseUnreadBody(context);
                    await HttpResults.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized",
                        "Missing or invalid credentials: use HTTP Basic auth with your API key as user and API secret as password.").ConfigureAwait(false);
                    await EndRefusalAsync(context).ConfigureAwait(false);
                    return;
                }

                entry.User = user;
                context.Items[UserItem] = user;
            }

            entry.Body = await CaptureBodyAsync(request).ConfigureAwait(false);
            var fault = state.Faults.ForRequest(request.Method, request.Path.Value ?? "/");
            if (fault is null)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            entry.Fault = fault.Kind + (fault.AfterHandling ? " (after handling)" : "");
            if (await ApplyAsync(context, next, fault).ConfigureAwait(false))
            {
                context.Items["ltx.aborted"] = true;
            }
        }

        /// <summary>
        /// Marks an answer given without reading the request body (which may still be on its way, of any size): the
        /// connection closes after it. Call <see cref="EndRefusalAsync"/> once the answer is written.
        /// </summary>
        public static void RefuseUnreadBody(HttpContext context)
        {
            if (HasBody(context.Request))
            {
                context.Response.Headers.Connection = "close";
            }
        }

        /// <summary>
        /// After a refusal: sends the answer, then takes at most a small rest of the body (so a client that sent a
        /// small body whole sees a clean close); a body that goes on is cut off by aborting the connection, as the
        /// server would otherwise drain it.
        /// </summary>
        public static async Task EndRefusalAsync(HttpContext context)
        {
            if (!HasBody(context.Request))
            {
                return;
            }

            await context.Response.CompleteAsync().ConfigureAwait(false);
            var buffer = new byte[16 * 1024];
            var budget = 256 * 1024;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                timeout.CancelAfter(TimeSpan.FromSeconds(1));
                while (budget > 0)
                {
                    var read = await context.Request.Body.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    budget -= read;
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (IOException)
            {
            }

            context.Abort();
        }

        private static bool HasBody(HttpRequest request) =>
            request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.ContainsKey("Transfer-Encoding"));

        private static async Task<bool> ApplyAsync(HttpContext context, RequestDelegate next, FaultDecision fault)
        {
            switch (fault.Kind)
            {
                case EmulatorFaultKind.SlowResponse:
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                    await next(context).ConfigureAwait(false);
                    return false;

                case EmulatorFaultKind.ConnectionReset:
                    if ((context.Request.Path.Value ?? "").StartsWith("/cdn/", StringComparison.Ordinal) && !fault.AfterHandling)
                    {
                        // The download endpoint sends part of the body, then aborts.
                        context.Items[FaultItem] = fault;
                        await next(context).ConfigureAwait(false);
                        return context.Items.ContainsKey("ltx.aborted");
                    }

                    if (fault.AfterHandling)
                    {
                        await RunDiscardingAsync(context, next).ConfigureAwait(false);
                    }

                    AbortNow(context);
                    return true;

                case EmulatorFaultKind.MalformedJson:
                {
                    var (status, contentType, bytes) = await RunDiscardingAsync(context, next).ConfigureAwait(false);
                    var half = bytes.Length > 1 ? bytes.AsMemory(0, bytes.Length / 2) : Encoding.UTF8.GetBytes("{\"job\": {").AsMemory();
                    context.Response.StatusCode = status >= 400 ? status : StatusCodes.Status200OK;
                    context.Response.ContentType = contentType ?? "application/json; charset=utf-8";
                    context.Response.ContentLength = half.Length;
                    await context.Response.Body.WriteAsync(half, context.RequestAborted).ConfigureAwait(false);
                    return false;
                }

                default:
                {
                    if (fault.AfterHandling)
                    {
                        await RunDiscardingAsync(context, next).ConfigureAwait(false);
                    }

                    var status = (int)(fault.StatusCode ?? System.Net.HttpStatusCode.InternalServerError);
                    if (status == StatusCodes.Status429TooManyRequests)
                    {
                        var seconds = fault.RetryAfter.TotalSeconds;
                        context.Response.Headers.RetryAfter = Math.Ceiling(seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        await HttpResults.WriteErrorAsync(context, status, "Too many requests",
                            "Rate limit exceeded (emulated); retry after " + seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s.",
                            b =>
                            {
                                b["remainingSeconds"] = seconds;
                                b["actionName"] = "api-requests";
                            }).ConfigureAwait(false);
                    }
                    else
                    {
                        await HttpResults.WriteErrorAsync(context, status, ReasonFor(status),
                            "Emulated server error " + status + (fault.AfterHandling ? " (the request was processed before the error)." : " (the request was not processed).")).ConfigureAwait(false);
                    }

                    return false;
                }
            }
        }

        /// <summary>Logs the request as aborted (status 0), then drops the connection.</summary>
        public static void AbortNow(HttpContext context)
        {
            if (context.Items.TryGetValue(RecordItem, out var r) && r is Action<int> record)
            {
                record(0);
            }

            context.Items["ltx.aborted"] = true;
            context.Abort();
        }

        /// <summary>Runs the endpoint with its response captured, then clears it so a fault can answer instead.</summary>
        private static async Task<(int Status, string? ContentType, byte[] Body)> RunDiscardingAsync(HttpContext context, RequestDelegate next)
        {
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = original;
            }

            var result = (context.Response.StatusCode, context.Response.ContentType, buffer.ToArray());
            var traceId = context.Response.Headers["x-trace-id"];
            context.Response.Headers.Clear();
            context.Response.Headers["x-trace-id"] = traceId;
            context.Response.StatusCode = StatusCodes.Status200OK;
            return result;
        }

        private static string ReasonFor(int status) => status switch
        {
            400 => "Bad request",
            403 => "Forbidden",
            404 => "Not found",
            408 => "Request timeout",
            409 => "Conflict",
            500 => "Internal server error",
            502 => "Bad gateway",
            503 => "Service unavailable",
            504 => "Gateway timeout",
            _ => "Error " + status,
        };

        private static string? Authenticate(EmulatorState state, HttpRequest request)
        {
            var header = request.Headers.Authorization.ToString();
            if (!AuthenticationHeaderValue.TryParse(header, out var value) ||
                !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
            {
                return null;
            }

            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            }
            catch (FormatException)
            {
                return null;
            }

            var colon = decoded.IndexOf(':');
            return colon <= 0 ? null : state.Authenticate(decoded.Substring(0, colon), decoded.Substring(colon + 1));
        }

        /// <summary>The first <see cref="MaxLoggedBody"/> bytes of a text body (the endpoint still reads it all, up to its own cap).</summary>
        private static async Task<string?> CaptureBodyAsync(HttpRequest request)
        {
            if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
            {
                return null;
            }

            var contentType = request.ContentType ?? "";
            var isText = contentType.Contains("json", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);
            if (!isText || request.ContentLength > MaxLoggedBody)
            {
                return "[" + (request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?") + " bytes of " + (contentType.Length == 0 ? "unknown type" : contentType) + "]";
            }

            // Never more than the logged part: a chunked body may be endless.
            request.EnableBuffering(MaxLoggedBody + 1);
            var buffer = new byte[MaxLoggedBody + 1];
            var length = 0;
            try
            {
                int read;
                while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }
            }
            finally
            {
                request.Body.Position = 0;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, Math.Min(length, MaxLoggedBody));
            return length > MaxLoggedBody ? text + " [truncated: more than " + MaxLoggedBody + " bytes]" : text;
        }
    }

    /// <summary>Marks an endpoint that a signed URL authorizes (no Basic auth).</summary>
    internal sealed class SignedUrlEndpoint
    {
        public static readonly SignedUrlEndpoint Instance = new SignedUrlEndpoint();
    }
}
