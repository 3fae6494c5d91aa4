using System.Text;

namespace LtxCodegen.Batch
{
    /// <summary>Makes text that came from a batch file or a server safe to show: no control, bidi or escape characters, bounded length.</summary>
    public static class ScenarioBatchText
    {
        /// <summary>The longest text kept; longer text ends in an ellipsis.</summary>
        public const int MaxLength = 200;

        /// <summary>Replaces control, format (bidi) and escape characters with <c>?</c> and cuts at <see cref="MaxLength"/> characters.</summary>
        public static string Safe(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return "";
            }

            var builder = new StringBuilder(System.Math.Min(text!.Length, MaxLength + 1));
            foreach (var c in text)
            {
                if (builder.Length >= MaxLength)
                {
                    builder.Append('…');
                    break;
                }

                var category = char.GetUnicodeCategory(c);
                var unsafeChar = char.IsControl(c)
                    || category == System.Globalization.UnicodeCategory.Format
                    || category == System.Globalization.UnicodeCategory.LineSeparator
                    || category == System.Globalization.UnicodeCategory.ParagraphSeparator;
                builder.Append(unsafeChar ? '?' : c);
            }

            return builder.ToString();
        }
    }
}
