using System;
using System.Net;

namespace LtxCodegen
{
    /// <summary>The service answered with an error status, or could not be reached.</summary>
    public sealed class ScenarioApiException : ScenarioException
    {
        /// <summary>Creates an error.</summary>
        public ScenarioApiException(
            string message,
            HttpStatusCode? statusCode,
            string? reason,
            string? traceId,
            string requestPath,
            string? jobId = null,
            TimeSpan? retryAfter = null,
            bool jobMayExist = false,
            Exception? innerException = null)
            : base(message, jobId, innerException)
        {
            StatusCode = statusCode;
            Reason = reason;
            TraceId = traceId;
            RequestPath = requestPath;
            RetryAfter = retryAfter;
            JobMayExist = jobMayExist;
        }

        /// <summary>The HTTP status, or null when no response came (network error).</summary>
        public HttpStatusCode? StatusCode { get; }

        /// <summary>The service's reason (<c>reason</c>, <c>message</c>, <c>error</c> or <c>detail</c>).</summary>
        public string? Reason { get; }

        /// <summary>The service's trace id (<c>traceId</c> / <c>trace_id</c>), for support.</summary>
        public string? TraceId { get; }

        /// <summary>The method and path of the failed call, without the query string (e.g. <c>GET /v1/jobs/job_1</c>).</summary>
        public string RequestPath { get; }

        /// <summary>How long the service asked to wait (429 <c>Retry-After</c> / <c>remainingSeconds</c>).</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>True when a generate call failed after it may have reached the service: a job may exist.</summary>
        public bool JobMayExist { get; }

        /// <summary>The limit a 429 names (<c>actionName</c>, e.g. <c>parallel-custom-jobs</c>), when the body gives one.</summary>
        public string? ActionName { get; internal set; }

        /// <summary>The ceiling of that limit (<c>actionLimit</c>, e.g. the team's parallel-jobs allowance), when given.</summary>
        public int? ActionLimit { get; internal set; }

        /// <summary>True for the service's "too many parallel jobs" answer (429 naming <c>parallel-custom-jobs</c>): wait for a slot.</summary>
        public bool IsParallelJobLimit =>
            StatusCode == (HttpStatusCode)429 && ActionName is string name && name.StartsWith("parallel-", StringComparison.OrdinalIgnoreCase);
    }
}
