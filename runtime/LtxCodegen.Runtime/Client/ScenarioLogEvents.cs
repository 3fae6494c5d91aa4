using Microsoft.Extensions.Logging;

namespace LtxCodegen
{
    /// <summary>The event ids of the log lines a <see cref="ScenarioClient"/> writes (category <c>LtxCodegen.ScenarioClient</c>).</summary>
    public static class ScenarioLogEvents
    {
        /// <summary>A request was refused by its own validation; nothing was sent.</summary>
        public static readonly EventId ValidationFailed = new EventId(1000, nameof(ValidationFailed));

        /// <summary>A generate request is being sent.</summary>
        public static readonly EventId Submitting = new EventId(1001, nameof(Submitting));

        /// <summary>The service accepted a generate request and returned a job id.</summary>
        public static readonly EventId Submitted = new EventId(1002, nameof(Submitted));

        /// <summary>A generate request failed after it may have reached the service: a job may exist.</summary>
        public static readonly EventId SubmitOutcomeUnknown = new EventId(1003, nameof(SubmitOutcomeUnknown));

        /// <summary>A job changed status or progress.</summary>
        public static readonly EventId JobProgress = new EventId(1010, nameof(JobProgress));

        /// <summary>A job succeeded.</summary>
        public static readonly EventId JobSucceeded = new EventId(1011, nameof(JobSucceeded));

        /// <summary>A job ended in a failure status.</summary>
        public static readonly EventId JobFailed = new EventId(1012, nameof(JobFailed));

        /// <summary>Waiting for a job was canceled or timed out (the job itself goes on).</summary>
        public static readonly EventId JobWaitStopped = new EventId(1013, nameof(JobWaitStopped));

        /// <summary>A call failed in a way worth retrying and will be retried.</summary>
        public static readonly EventId Retrying = new EventId(1020, nameof(Retrying));

        /// <summary>A call failed for good.</summary>
        public static readonly EventId RequestFailed = new EventId(1021, nameof(RequestFailed));

        /// <summary>An asset download started.</summary>
        public static readonly EventId Downloading = new EventId(1030, nameof(Downloading));

        /// <summary>An asset download completed.</summary>
        public static readonly EventId Downloaded = new EventId(1031, nameof(Downloaded));

        /// <summary>A signed download URL had expired and was fetched again.</summary>
        public static readonly EventId DownloadUrlExpired = new EventId(1032, nameof(DownloadUrlExpired));

        /// <summary>An upload started.</summary>
        public static readonly EventId Uploading = new EventId(1040, nameof(Uploading));

        /// <summary>An upload completed and produced an asset.</summary>
        public static readonly EventId Uploaded = new EventId(1041, nameof(Uploaded));

        /// <summary>A request was priced with <c>?dryRun=true</c>.</summary>
        public static readonly EventId CostEstimated = new EventId(1050, nameof(CostEstimated));

        /// <summary>A paid call was refused before sending (no-spend mode, or above the cost cap).</summary>
        public static readonly EventId SpendRefused = new EventId(1051, nameof(SpendRefused));

        /// <summary>A submit waits for a free slot (the client's limit, or the service's parallel-jobs 429).</summary>
        public static readonly EventId WaitingForSlot = new EventId(1052, nameof(WaitingForSlot));

        /// <summary>A search for a job whose submit answer was lost ended (found, not found, or ambiguous).</summary>
        public static readonly EventId SubmitReconciled = new EventId(1053, nameof(SubmitReconciled));
    }
}
