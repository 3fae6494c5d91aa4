using System.IO;
using System.Text;

namespace LtxCodegen.Batch
{
    /// <summary>Reads a text file line by line without ever holding more than one bounded line.</summary>
    internal static class BatchLineReader
    {
        /// <summary>Reads one line (LF or CRLF); a line over <paramref name="maxLength"/> characters is skipped, not held.</summary>
        public static bool ReadLine(TextReader reader, int maxLength, out string? line, out bool tooLong)
        {
            var builder = new StringBuilder();
            tooLong = false;
            line = null;
            var any = false;
            int c;
            while ((c = reader.Read()) != -1)
            {
                any = true;
                if (c == '\n')
                {
                    break;
                }

                if (tooLong)
                {
                    continue;
                }

                if (builder.Length >= maxLength)
                {
                    tooLong = true;
                    builder.Clear();
                    continue;
                }

                builder.Append((char)c);
            }

            if (!any)
            {
                return false;
            }

            if (builder.Length > 0 && builder[builder.Length - 1] == '\r')
            {
                builder.Length--;
            }

            line = tooLong ? null : builder.ToString();
            return true;
        }
    }
}
