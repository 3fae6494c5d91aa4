namespace LtxCodegen
{
    /// <summary>A job ended in a failure status (<c>failure</c>, <c>canceled</c>, ...).</summary>
    public sealed class ScenarioJobFailedException : ScenarioException
    {
        /// <summary>Creates an error for a finished job.</summary>
        public ScenarioJobFailedException(ScenarioJob job)
            : base("Job " + job.JobId + " ended with status '" + job.Status + "'" + (job.Error is null ? "." : ": " + job.Error), job.JobId, null)
        {
            Job = job;
        }

        /// <summary>The job as last seen.</summary>
        public ScenarioJob Job { get; }

        /// <summary>The final status.</summary>
        public string Status => Job.Status;

        /// <summary>The failure reason, when the service gave one.</summary>
        public string? Reason => Job.Error;
    }
}
