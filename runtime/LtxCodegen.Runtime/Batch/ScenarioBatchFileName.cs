using System;
using System.Text;

namespace LtxCodegen.Batch
{
    /// <summary>Turns a line id into a safe file name stem (letters, digits, <c>-</c> and <c>_</c>; nothing else reaches the disk).</summary>
    public static class ScenarioBatchFileName
    {
        /// <summary>The longest stem.</summary>
        public const int MaxLength = 100;

        private static readonly string[] s_reserved =
        {
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "ltx-batch", // the SQLite ledger's files: ltx-batch.db, ltx-batch.db-wal, ...
        };

        /// <summary>
        /// The stem for an id: every character other than ASCII letters, digits, <c>-</c> and <c>_</c> becomes <c>_</c>;
        /// names Windows reserves (and <c>ltx-batch</c>, the ledger's) get a leading <c>_</c>. Null when the id is empty or longer than <see cref="MaxLength"/>.
        /// </summary>
        public static string? Stem(string id)
        {
            if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
            {
                return null;
            }

            var builder = new StringBuilder(id.Length + 1);
            foreach (var c in id)
            {
                builder.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' ? c : '_');
            }

            var stem = builder.ToString();
            foreach (var reserved in s_reserved)
            {
                if (string.Equals(stem, reserved, StringComparison.OrdinalIgnoreCase))
                {
                    return "_" + stem;
                }
            }

            return stem;
        }
    }
}
