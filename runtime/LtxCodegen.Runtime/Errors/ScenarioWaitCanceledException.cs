using System;
using System.Threading;

namespace LtxCodegen
{
    /// <summary>
    /// Waiting for a job was canceled by the caller. The job itself goes on at the service: resume with
    /// <see cref="ScenarioClient.WaitForJobAsync"/> and <see cref="JobId"/>. It is an <see cref="OperationCanceledException"/>,
    /// so <c>catch (OperationCanceledException)</c> still sees it.
    /// </summary>
    public sealed class ScenarioWaitCanceledException : OperationCanceledException
    {
        /// <summary>Creates the error.</summary>
        public ScenarioWaitCanceledException(string jobId, ScenarioJob? lastSeen, CancellationToken cancellationToken)
            : base("Stopped waiting for job " + jobId + " (canceled); the job may still run: resume with WaitForJobAsync(\"" + jobId + "\").", cancellationToken)
        {
            JobId = jobId ?? throw new ArgumentNullException(nameof(jobId));
            LastSeen = lastSeen;
        }

        /// <summary>The id of the job that was being waited for.</summary>
        public string JobId { get; }

        /// <summary>The job as last seen, if it was read at least once.</summary>
        public ScenarioJob? LastSeen { get; }
    }
}
