using System;

namespace LtxCodegen.Cli
{
    /// <summary>Bad input found by the CLI itself (a missing file, an unusable --out, a malformed id): exit code 2.</summary>
    internal sealed class CliInputException : Exception
    {
        public CliInputException(string message)
            : base(message)
        {
        }
    }
}
