namespace LtxCodegen.Cli
{
    /// <summary>The process exit codes of <c>ltx</c>.</summary>
    public static class ExitCodes
    {
        /// <summary>Everything worked.</summary>
        public const int Ok = 0;

        /// <summary>The job ran and failed (or was canceled by the service).</summary>
        public const int JobFailed = 1;

        /// <summary>Bad input: unknown model or option, invalid value, missing file. Nothing was sent.</summary>
        public const int BadInput = 2;

        /// <summary>Service or network error, or any failure after the job was submitted (its id and the resume command are printed).</summary>
        public const int ServiceError = 3;

        /// <summary>An unexpected error inside ltx (a bug): the message says what happened.</summary>
        public const int Unexpected = 4;

        /// <summary>Interrupted with Ctrl+C (the job id to resume with was printed).</summary>
        public const int Interrupted = 130;
    }
}
