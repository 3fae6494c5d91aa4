namespace LtxCodegen.Batch
{
    /// <summary>Where a batch line stands in the ledger. Each step is written before it is taken and after it is confirmed.</summary>
    public enum ScenarioBatchLineState
    {
        /// <summary>Not sent yet (or its last submit provably did not reach the service).</summary>
        Pending,

        /// <summary>The generate POST is about to be sent or was sent without an answer: the job may exist.</summary>
        Submitting,

        /// <summary>The service answered with a job id.</summary>
        Submitted,

        /// <summary>The job succeeded; its outputs are not all on disk yet.</summary>
        Finished,

        /// <summary>The job failed or was canceled (the next run submits the line again).</summary>
        Failed,

        /// <summary>Every output is on disk (<see cref="ScenarioBatchLineRecord.Outputs"/>).</summary>
        Downloaded,
    }
}
