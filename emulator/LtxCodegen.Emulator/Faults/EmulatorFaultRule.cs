using System;
using System.Net;

namespace LtxCodegen.Emulator.Faults
{
    /// <summary>A targeted fault: hits the next <see cref="Count"/> requests that match, then retires.</summary>
    public sealed class EmulatorFaultRule
    {
        /// <summary>What happens.</summary>
        public EmulatorFaultKind Kind { get; init; }

        /// <summary>The HTTP method to match (any case), or null for any.</summary>
        public string? Method { get; init; }

        /// <summary>The path prefix to match (ordinal, e.g. <c>/v1/jobs</c>, or <c>/cdn/</c> for downloads), or null for any.</summary>
        public string? PathPrefix { get; init; }

        /// <summary>How many matching requests (or jobs, or URLs) the rule hits. At least 1.</summary>
        public int Count { get; init; } = 1;

        /// <summary>The status for <see cref="EmulatorFaultKind.HttpError"/>.</summary>
        public HttpStatusCode? StatusCode { get; init; }

        /// <summary>The wait a 429 asks for; the options' default when null.</summary>
        public TimeSpan? RetryAfter { get; init; }

        /// <summary>The delay of a slow response; the options' default when null.</summary>
        public TimeSpan? Delay { get; init; }

        /// <summary>For a connection reset of a download: how many body bytes are sent before the abort.</summary>
        public long? AfterBytes { get; init; }

        /// <summary>
        /// For errors and resets: true to run the request first (a job is created, an upload completed) and only then
        /// answer with the fault, as when a response is lost on the way back. False (default): the request never runs.
        /// </summary>
        public bool AfterHandling { get; init; }

        /// <summary>For <see cref="EmulatorFaultKind.JobFailure"/>: the job's <c>metadata.error</c>.</summary>
        public string? Error { get; init; }

        /// <summary>For <see cref="EmulatorFaultKind.JobFailure"/>: the job's <c>metadata.hint</c>.</summary>
        public string? Hint { get; init; }

        internal bool Matches(string method, string path) =>
            (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
            (PathPrefix is null || path.StartsWith(PathPrefix, StringComparison.Ordinal));

        /// <inheritdoc />
        public override string ToString() =>
            Kind + (StatusCode is null ? "" : " " + (int)StatusCode) + " on " + (Method ?? "*") + " " + (PathPrefix ?? "*") + " x" + Count +
            (AfterHandling ? " (after handling)" : "");
    }
}
