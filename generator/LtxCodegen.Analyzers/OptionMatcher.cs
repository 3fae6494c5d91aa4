using System;
using System.Collections.Immutable;
using System.Globalization;

namespace LtxCodegen.Analyzers
{
    /// <summary>Finds the known option closest to a value.</summary>
    internal static class OptionMatcher
    {
        /// <summary>True when <paramref name="value"/> is one of the options (exact, ordinal).</summary>
        public static bool Contains(ImmutableArray<string> options, string value)
        {
            foreach (var option in options)
            {
                if (string.Equals(option, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The closest option: same text ignoring case first, then the smallest edit distance.</summary>
        public static string Closest(ImmutableArray<string> options, string value)
        {
            foreach (var option in options)
            {
                if (string.Equals(option, value, StringComparison.OrdinalIgnoreCase))
                {
                    return option;
                }
            }

            var best = options[0];
            var bestDistance = int.MaxValue;
            foreach (var option in options)
            {
                var distance = Distance(option.ToLowerInvariant(), value.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    best = option;
                    bestDistance = distance;
                }
            }

            return best;
        }

        /// <summary>True when every option is a number (written invariantly).</summary>
        public static bool AreNumbers(ImmutableArray<string> options)
        {
            foreach (var option in options)
            {
                if (!TryParse(option, out _))
                {
                    return false;
                }
            }

            return options.Length > 0;
        }

        /// <summary>The numeric option closest to <paramref name="value"/>, or null when <paramref name="value"/> is one.</summary>
        public static double? ClosestNumber(ImmutableArray<string> options, double value)
        {
            double best = double.NaN;
            foreach (var option in options)
            {
                TryParse(option, out var number);
                if (number == value)
                {
                    return null;
                }

                if (double.IsNaN(best) || Math.Abs(number - value) < Math.Abs(best - value))
                {
                    best = number;
                }
            }

            return best;
        }

        private static bool TryParse(string text, out double number) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

        private static int Distance(string a, string b)
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
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
