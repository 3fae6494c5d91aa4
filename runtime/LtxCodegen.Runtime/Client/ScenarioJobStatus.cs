using System;

namespace LtxCodegen
{
    /// <summary>Classifies the job status strings the service and its clients use.</summary>
    public static class ScenarioJobStatus
    {
        /// <summary>True for <c>success</c>, <c>succeeded</c>, <c>completed</c> (any case).</summary>
        public static bool IsSuccess(string? status) =>
            Is(status, "success") || Is(status, "succeeded") || Is(status, "completed");

        /// <summary>True for <c>failure</c>, <c>failed</c>, <c>canceled</c>, <c>cancelled</c>, <c>error</c> (any case).</summary>
        public static bool IsFailure(string? status) =>
            Is(status, "failure") || Is(status, "failed") || Is(status, "canceled") || Is(status, "cancelled") || Is(status, "error");

        private static bool Is(string? status, string value) => string.Equals(status, value, StringComparison.OrdinalIgnoreCase);
    }
}
