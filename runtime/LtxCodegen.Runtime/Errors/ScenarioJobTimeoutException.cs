using System;

namespace LtxCodegen
{
    /// <summary>
    /// A job did not finish within <see cref="ScenarioClientOptions.JobTimeout"/>. The job goes on at the service:
    /// resume with <see cref="ScenarioClient.WaitForJobAsync"/> and <see cref="ScenarioException.JobId"/>.
    /// </summary>
    public sealed class ScenarioJobTimeoutException : ScenarioException
    {
        /// <summary>Creates an error for a job that is still running.</summary>
        public ScenarioJobTimeoutException(ScenarioJob lastSeen, TimeSpan timeout)
            : base("Job " + lastSeen.JobId + " did not finish within " + timeout + " (last status '" + lastSeen.Status +
                   "'). It may still finish: resume with WaitForJobAsync(\"" + lastSeen.JobId + "\").", lastSeen.JobId, null)
        {
            LastSeen = lastSeen;
            Timeout = timeout;
        }

        /// <summary>The job as last seen.</summary>
        public ScenarioJob LastSeen { get; }

        /// <summary>The time limit that was reached.</summary>
        public TimeSpan Timeout { get; }
    }
}
