using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>
    /// The date a page states for itself: "Last updated: 2026-04-09" in a paragraph before the page's first model
    /// heading (provider pages open with "&gt; This page is auto-generated from model configurations. Last updated: …").
    /// </summary>
    internal static class StatedDate
    {
        private static readonly Regex LastUpdated = new Regex(
            @"\bLast updated:\s*(\d{4}-\d{2}-\d{2})\b", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

        public static DateTime? Read(MarkdownPage page)
        {
            foreach (var block in page.Blocks)
            {
                if (block.Kind == BlockKind.Heading && block.Level >= 2)
                {
                    return null;
                }

                if (block.Kind == BlockKind.Paragraph && TryParse(block.Text, out var date))
                {
                    return date;
                }
            }

            return null;
        }

        internal static bool TryParse(string text, out DateTime date)
        {
            date = default;
            Match match;
            try
            {
                match = LastUpdated.Match(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }

            return match.Success && DateTime.TryParseExact(
                match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }
    }
}
