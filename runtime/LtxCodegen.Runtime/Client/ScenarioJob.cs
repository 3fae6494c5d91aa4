using System;
using System.Collections.Generic;

namespace LtxCodegen
{
    /// <summary>A Scenario job as last seen: its status, progress, outputs and, when it failed, why.</summary>
    public sealed class ScenarioJob
    {
        /// <summary>Creates a snapshot of a job.</summary>
        public ScenarioJob(
            string jobId,
            string status,
            double? progress = null,
            IReadOnlyList<string>? assetIds = null,
            string? error = null,
            double? cost = null,
            string? jobType = null,
            string? outputEntityId = null)
        {
            JobId = jobId ?? throw new ArgumentNullException(nameof(jobId));
            Status = status ?? throw new ArgumentNullException(nameof(status));
            Progress = progress;
            AssetIds = assetIds ?? Array.Empty<string>();
            Error = error;
            Cost = cost;
            JobType = jobType;
            OutputEntityId = outputEntityId;
        }

        /// <summary>The job id, e.g. <c>job_abc123</c>.</summary>
        public string JobId { get; }

        /// <summary>The status as the service wrote it (<c>queued</c>, <c>in-progress</c>, <c>success</c>, ...).</summary>
        public string Status { get; }

        /// <summary>Progress from 0 to 1, when reported.</summary>
        public double? Progress { get; }

        /// <summary>The output asset ids (<c>metadata.assetIds</c>).</summary>
        public IReadOnlyList<string> AssetIds { get; }

        /// <summary>The failure reason, for a failed job.</summary>
        public string? Error { get; }

        /// <summary>The cost in creative units (<c>billing.cuCost</c>), when given.</summary>
        public double? Cost { get; }

        /// <summary>The job type (<c>custom</c>, <c>upload</c>, ...), when given.</summary>
        public string? JobType { get; }

        /// <summary>For upload jobs: <c>metadata.output.entityId</c>, the new asset id.</summary>
        public string? OutputEntityId { get; }

        /// <summary>True for <c>success</c>, <c>succeeded</c>, <c>completed</c>.</summary>
        public bool IsSuccess => ScenarioJobStatus.IsSuccess(Status);

        /// <summary>True for <c>failure</c>, <c>failed</c>, <c>canceled</c>, <c>cancelled</c>, <c>error</c>.</summary>
        public bool IsFailure => ScenarioJobStatus.IsFailure(Status);

        /// <summary>True when the job will not change any more.</summary>
        public bool IsTerminal => IsSuccess || IsFailure;

        /// <inheritdoc />
        public override string ToString() => JobId + " " + Status + (Progress is double p ? " " + (p * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "");
    }
}
