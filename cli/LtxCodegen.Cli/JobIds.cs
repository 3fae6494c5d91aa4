namespace LtxCodegen.Cli
{
    /// <summary>What a job id typed on the command line may be: one path segment of printable ASCII.</summary>
    internal static class JobIds
    {
        public const int MaxLength = 200;

        /// <summary>Why <paramref name="id"/> cannot be a job id, in words; null when it can.</summary>
        public static string? Problem(string? id)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                return "The job id is empty: give the id 'ltx run' printed (e.g. job_9bc0...).";
            }

            if (id!.Length > MaxLength)
            {
                return "'" + TerminalText.StripControls(id.Substring(0, 40)) + "...' is not a job id: longer than " + MaxLength + " characters.";
            }

            if (id == "." || id == "..")
            {
                return "'" + id + "' is not a job id.";
            }

            foreach (var c in id)
            {
                if (c <= ' ' || c >= '\u007F' || c == '/' || c == '\\' || c == '?' || c == '#' || c == '%')
                {
                    return "'" + TerminalText.StripControls(id) + "' is not a job id: it holds a space, a '/', '\\', '?', '#', '%' or a non-ASCII character.";
                }
            }

            return null;
        }
    }
}
