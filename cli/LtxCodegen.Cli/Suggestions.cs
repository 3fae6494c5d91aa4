using System;
using System.Collections.Generic;
using System.Linq;

namespace LtxCodegen.Cli
{
    /// <summary>The closest known name to a mistyped one (edit distance, or a name that contains what was typed).</summary>
    internal static class Suggestions
    {
        /// <summary>Names compared are cut to this length (the distance is quadratic in it).</summary>
        private const int MaxCompared = 64;

        /// <summary>The best candidate for <paramref name="typed"/>, or null when none is close.</summary>
        public static string? Closest(string typed, IEnumerable<string> candidates)
        {
            var needle = Normalize(typed);
            if (needle.Length == 0)
            {
                return null;
            }

            string? best = null;
            var bestScore = int.MaxValue;
            foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
            {
                var hay = Normalize(candidate);
                if (hay.Length == 0)
                {
                    continue;
                }

                // A name that contains what was typed (e.g. "extend" in "ltx-2-19b-extend-video") counts as close.
                var score = needle.Length >= 3 && hay.Contains(needle, StringComparison.Ordinal)
                    ? 0
                    : Distance(needle, hay);
                var allowed = Math.Max(2, Math.Min(needle.Length, hay.Length) / 3);
                if (score <= allowed && (score < bestScore || (score == bestScore && candidate.Length < best!.Length)))
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            return best;
        }

        private static string Normalize(string name)
        {
            var trimmed = name.TrimStart('-').ToLowerInvariant();
            if (trimmed.StartsWith("model_", StringComparison.Ordinal))
            {
                trimmed = trimmed.Substring("model_".Length);
            }

            return trimmed.Length > MaxCompared ? trimmed.Substring(0, MaxCompared) : trimmed;
        }

        /// <summary>Levenshtein distance (insert, delete, substitute), two rows of memory.</summary>
        internal static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
