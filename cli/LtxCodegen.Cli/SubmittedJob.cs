namespace LtxCodegen.Cli
{
    /// <summary>
    /// The job a command has submitted (or is resuming), so that any failure after that point prints its id and the
    /// command to resume with.
    /// </summary>
    internal sealed class SubmittedJob
    {
        public SubmittedJob(string? outDir) => OutDir = outDir;

        /// <summary>The folder outputs go to (repeated in the resume command).</summary>
        public string? OutDir { get; }

        /// <summary>The job id, once the job exists.</summary>
        public string? JobId { get; set; }

        /// <summary>True when the job ran on the embedded emulator, which stops with the command: nothing to resume.</summary>
        public bool OnEmbeddedEmulator { get; set; }
    }
}
