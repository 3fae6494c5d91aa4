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
    /// The middleware in front of every endpoint: trace id, request log, Basic auth for <c>/v1/</c>, and faults.
    /// </summary>
    internal static class Pipeline
    {
        public const string UserItem = "ltx.user";
        public const string FaultItem = "ltx.fault";
        public const string RecordItem = "ltx.record";
        private const int MaxLoggedBody = 64 * 1024;

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
            var body = await CaptureBodyAsync(request).ConfigureAwait(false);
            string? user = null;
            string? faultName = null;
            var aborted = false;
            var recorded = 0;

            // The entry is added before the client can see the answer (when the response starts, or just before an
            // abort), so a test that got its response always finds the request in the log.
            void Record(int status)
            {
                if (Interlocked.Exchange(ref recorded, 1) == 0)
                {
                    state.Log.Add(new EmulatorRequest(sequence, time, method, path, request.QueryString.Value ?? "", user, body, status, faultName, traceId));
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
                if (path.StartsWith("/v1/", StringComparison.Ordinal) || path == "/v1")
                {
                    user = Authenticate(state, request);
                    if (user is null)
                    {
                        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Scenario API\"";
                        await HttpResults.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized",
                            "Missing or invalid credentials: use HTTP Basic auth with your API key as user and API secret as password.").ConfigureAwait(false);
                        return;
                    }

                    context.Items[UserItem] = user;
                }

                var fault = state.Faults.ForRequest(method, path);
                if (fault is null)
                {
                    await next(context).ConfigureAwait(false);
                    return;
                }

                faultName = fault.Kind + (fault.AfterHandling ? " (after handling)" : "");
                aborted = await ApplyAsync(context, next, fault).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                aborted = true;
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                // A bug in the emulator: answer like the service would, with enough detail to report it.
                faultName ??= "EmulatorError: " + e.GetType().Name + ": " + e.Message;
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

            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, Encoding.UTF8, false, 4096, leaveOpen: true);
            var text = await reader.ReadToEndAsync().ConfigureAwait(false);
            request.Body.Position = 0;
            return text.Length > MaxLoggedBody ? text.Substring(0, MaxLoggedBody) : text;
        }
    }
}
