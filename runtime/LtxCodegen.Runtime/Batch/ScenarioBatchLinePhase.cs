namespace LtxCodegen.Batch
{
    /// <summary>What is happening to a line during a run, and how it ended.</summary>
    public enum ScenarioBatchLinePhase
    {
        /// <summary>Waiting for a free slot.</summary>
        Waiting,

        /// <summary>Its input files are being uploaded.</summary>
        Uploading,

        /// <summary>The generate POST is being sent.</summary>
        Submitting,

        /// <summary>Looking for the job of a submit whose answer was lost.</summary>
        Reconciling,

        /// <summary>The job is queued or running.</summary>
        Running,

        /// <summary>The outputs are being downloaded.</summary>
        Downloading,

        /// <summary>Every output is on disk (end).</summary>
        Done,

        /// <summary>The job failed, or a call failed (end; <see cref="ScenarioBatchLineResult.Error"/> says why).</summary>
        Failed,

        /// <summary>A submit (or upload) may have reached the service and could not be resolved: rerun with resubmit to pay again (end).</summary>
        NeedsDecision,

        /// <summary>Not submitted: it would have gone over the cost cap (end).</summary>
        OverBudget,

        /// <summary>Stopped by cancellation; the next run resumes it (end).</summary>
        Interrupted,
    }
}
