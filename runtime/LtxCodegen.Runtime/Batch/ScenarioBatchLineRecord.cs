using System;
using System.Collections.Generic;

namespace LtxCodegen.Batch
{
    /// <summary>What the ledger knows of one batch line. The engine writes a new copy at every step.</summary>
    public sealed class ScenarioBatchLineRecord
    {
        /// <summary>Creates a record for a line not sent yet.</summary>
        public ScenarioBatchLineRecord(string id, string requestHash)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            RequestHash = requestHash ?? throw new ArgumentNullException(nameof(requestHash));
        }

        /// <summary>The line's id (the key).</summary>
        public string Id { get; }

        /// <summary>The hash of the line's model and parameters (<see cref="ScenarioBatchLine.RequestHash"/>).</summary>
        public string RequestHash { get; set; }

        /// <summary>The step reached.</summary>
        public ScenarioBatchLineState State { get; set; }

        /// <summary>The job id, once the service gave it.</summary>
        public string? JobId { get; set; }

        /// <summary>When the last generate POST was about to be sent (the start of the window to look for its job in).</summary>
        public DateTimeOffset? SubmittingAt { get; set; }

        /// <summary>How many generate POSTs were started for this line.</summary>
        public int Attempts { get; set; }

        /// <summary>The estimated cost in creative units (dry run), once known.</summary>
        public double? Estimate { get; set; }

        /// <summary>The cost the service billed (<c>billing.cuCost</c>), once the job ended.</summary>
        public double? Cost { get; set; }

        /// <summary>The output asset ids of the finished job.</summary>
        public IReadOnlyList<string> AssetIds { get; set; } = Array.Empty<string>();

        /// <summary>The files on disk once downloaded.</summary>
        public IReadOnlyList<ScenarioBatchOutputFile> Outputs { get; set; } = Array.Empty<ScenarioBatchOutputFile>();

        /// <summary>The last error (a failed job's reason), if any.</summary>
        public string? Error { get; set; }

        /// <summary>A copy to change.</summary>
        public ScenarioBatchLineRecord Copy() => (ScenarioBatchLineRecord)MemberwiseClone();

        /// <inheritdoc />
        public override string ToString() => Id + " " + State + (JobId is null ? "" : " " + JobId);
    }

    /// <summary>One downloaded output: its file name in the output folder and its size.</summary>
    public sealed class ScenarioBatchOutputFile
    {
        /// <summary>Creates an output record.</summary>
        public ScenarioBatchOutputFile(string fileName, long size)
        {
            FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
            Size = size;
        }

        /// <summary>The file name inside the output folder, e.g. <c>hero-01.mp4</c>.</summary>
        public string FileName { get; }

        /// <summary>The size in bytes.</summary>
        public long Size { get; }

        /// <inheritdoc />
        public override string ToString() => FileName + " (" + Size + " bytes)";
    }
}
