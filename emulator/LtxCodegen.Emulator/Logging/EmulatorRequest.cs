using System;

namespace LtxCodegen.Emulator.Logging
{
    /// <summary>One request the emulator received, as it answered it.</summary>
    /// <param name="Sequence">1 for the first request of the instance, then counting up.</param>
    /// <param name="Time">When it arrived.</param>
    /// <param name="Method">The HTTP method.</param>
    /// <param name="Path">The path, e.g. <c>/v1/jobs/job_1</c>.</param>
    /// <param name="Query">The query string with its leading <c>?</c>, or empty.</param>
    /// <param name="User">The API key of valid credentials, or null (none, wrong, or a signed URL).</param>
    /// <param name="Body">The body as text (UTF-8) for JSON requests; a size note for binary ones; null when empty.</param>
    /// <param name="StatusCode">The status sent, or 0 when the connection was aborted before a response.</param>
    /// <param name="Fault">The fault that hit the request, or null.</param>
    /// <param name="TraceId">The trace id the emulator gave the request.</param>
    public sealed record EmulatorRequest(
        long Sequence,
        DateTimeOffset Time,
        string Method,
        string Path,
        string Query,
        string? User,
        string? Body,
        int StatusCode,
        string? Fault,
        string TraceId)
    {
        /// <summary>True when the method and path match (path by prefix, ordinal).</summary>
        public bool Is(string method, string pathPrefix) =>
            string.Equals(Method, method, StringComparison.OrdinalIgnoreCase) && Path.StartsWith(pathPrefix, StringComparison.Ordinal);

        /// <inheritdoc />
        public override string ToString() =>
            "#" + Sequence + " " + Method + " " + Path + Query + " -> " + StatusCode + (Fault is null ? "" : " [" + Fault + "]");
    }
}
