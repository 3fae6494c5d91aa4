using System;
using System.Globalization;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Merging
{
    /// <summary>What the merge rules need to know of a doc: its path, the date it states, whether it is model JSON.</summary>
    internal sealed record DocStanding(string Path, DateTime? StatedDate, bool IsModelJson)
    {
        public static DocStanding Of(ParsedDoc doc) => new DocStanding(doc.Path, doc.StatedDate, doc.IsModelJson);
    }

    /// <summary>The doc and the place a merged value came from.</summary>
    internal sealed record ValueSource(DocStanding Doc, DocLocation Location);

    /// <summary>How a disagreement between two docs was settled: which side is kept, and the rule that says so.</summary>
    internal sealed record Settlement(bool SecondWins, string Reason);

    /// <summary>
    /// The rules that settle two docs stating different values for the same thing (a structured value refining a
    /// prose one is settled before these, silently). A model JSON doc (the user's own refinement) wins over a page;
    /// between two pages, the one stating the later "Last updated" date wins. Anything else is not settled (LTXG0008).
    /// </summary>
    internal static class ConflictRules
    {
        public static Settlement? Settle(DocStanding first, DocStanding second)
        {
            if (first.IsModelJson != second.IsModelJson)
            {
                return new Settlement(second.IsModelJson, "model JSON refines a docs page");
            }

            if (!first.IsModelJson && first.StatedDate is DateTime a && second.StatedDate is DateTime b && a != b)
            {
                var (newer, older) = b > a ? (b, a) : (a, b);
                return new Settlement(b > a, "the page stating the later date wins (Last updated: " + Date(newer) + " over " + Date(older) + ")");
            }

            return null;
        }

        private static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
