namespace LtxCodegen.Batch
{
    /// <summary>A change in one line during a run (for live displays).</summary>
    public sealed class ScenarioBatchUpdate
    {
        internal ScenarioBatchUpdate(ScenarioBatchLine line, ScenarioBatchLinePhase phase, string? jobId, string? status, double? progress, string? message, double spent)
        {
            Line = line;
            Phase = phase;
            JobId = jobId;
            Status = status;
            Progress = progress;
            Message = message;
            Spent = spent;
        }

        /// <summary>The line.</summary>
        public ScenarioBatchLine Line { get; }

        /// <summary>Its phase now.</summary>
        public ScenarioBatchLinePhase Phase { get; }

        /// <summary>Its job id, when known.</summary>
        public string? JobId { get; }

        /// <summary>The job's status as the service gave it (unsanitized: escape before showing).</summary>
        public string? Status { get; }

        /// <summary>The job's progress (0 to 1), when known.</summary>
        public double? Progress { get; }

        /// <summary>The error or note, for ends other than done.</summary>
        public string? Message { get; }

        /// <summary>The creative units billed so far for the whole batch (jobs ended, including earlier runs).</summary>
        public double Spent { get; }
    }
}
