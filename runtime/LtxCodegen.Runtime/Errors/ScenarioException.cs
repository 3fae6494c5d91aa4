using System;

namespace LtxCodegen
{
    /// <summary>Base of every error the client raises. <see cref="JobId"/> is set whenever a job may exist.</summary>
    public abstract class ScenarioException : Exception
    {
        /// <summary>Creates an error.</summary>
        protected ScenarioException(string message, string? jobId, Exception? innerException)
            : base(message, innerException)
        {
            JobId = jobId;
        }

        /// <summary>The id of the job this error concerns, when one was (or may have been) created.</summary>
        public string? JobId { get; }
    }
}
