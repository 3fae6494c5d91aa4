using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>
    /// Extracts the rules a description states in words: ranges ("(1-60 fps)", "(4–15)", "between 1 and 10",
    /// "from 0 to 1"), option lists ("Possible values are ...", "canny, depth, or none"), pairs ("Must be used with
    /// height"), steps ("Rounded to multiple of 64") and limits ("Max 2500 characters", "up to 3").
    /// Where the words are ambiguous it returns no rule: a missing rule is better than a wrong one. "Recommended"
    /// ranges are advice, not rules, and are never extracted.
    /// </summary>
    internal static class ProseRules
    {
        // Every pattern below is written so that no match attempt can backtrack badly: it starts at a literal
        // ('(', ':', a keyword), its quantifiers are bounded or atomic, and no two adjacent parts can match the same
        // text in more than a bounded number of ways. Matching is linear in the (capped) description, so the result
        // never depends on machine load; the timeout is a last guard, reported as LTXG0021 if it ever fires.
        private const string Num = @"(?>-?\d{1,30}(?:\.\d{1,30})?)";
        private const string Sp = @"\s{0,8}";
        private const string Sp1 = @"\s{1,8}";
        private const string Unit = @"[A-Za-z%]{1,20}";
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

        private static readonly Regex ParenRange = new Regex(
            @"\(" + Sp + "(?<min>" + Num + ")" + Sp + @"(?:[-\u2013\u2014]|to)" + Sp + "(?<max>" + Num + ")" + Sp + "(?<unit>(?>" + Unit + "))?" + Sp + @"\)", Options, Timeout);

        private static readonly Regex BetweenRange = new Regex(
            @"\bbetween" + Sp1 + "(?<min>" + Num + ")" + Sp + "(?<unit0>" + Unit + ")?" + Sp + @"(?:and|to|[-\u2013\u2014])" + Sp + "(?<max>" + Num + ")" + Sp + "(?<unit>(?>" + Unit + "))?", Options, Timeout);

        private static readonly Regex FromToRange = new Regex(
            @"\bfrom" + Sp1 + "(?<min>" + Num + ")" + Sp + "(?<unit0>" + Unit + ")?" + Sp1 + "to" + Sp1 + "(?<max>" + Num + ")" + Sp + "(?<unit>(?>" + Unit + "))?", Options, Timeout);

        private static readonly Regex Pair = new Regex(@"\bmust be used (?:together )?with" + Sp1 + "`?(?<other>[A-Za-z_][A-Za-z0-9_]{0,100})`?", Options, Timeout);

        private static readonly Regex RoundedStep = new Regex(@"\brounded to (?:the nearest |a )?multiples? of" + Sp1 + @"(?<n>(?>\d{1,30}(?:\.\d{1,30})?))", Options, Timeout);

        private static readonly Regex MustStep = new Regex(@"\bmust be (?:a )?multiples? of" + Sp1 + @"(?<n>(?>\d{1,30}(?:\.\d{1,30})?))", Options, Timeout);

        private static readonly Regex MaxCharacters = new Regex(@"\bmax(?:imum)?\.?" + Sp1 + "(?:of" + Sp1 + @")?(?<n>\d{1,9})" + Sp1 + @"char(?:acter)?s\b", Options, Timeout);

        private static readonly Regex UpTo = new Regex(@"\bup to" + Sp1 + @"(?<n>(?>\d{1,9}))\b", Options, Timeout);

        private static readonly Regex PossibleValues = new Regex(@"\b(?:possible|allowed|valid|supported) values are:?" + Sp + "(?<list>[^.;]+)", Options, Timeout);

        private static readonly Regex OneOf = new Regex(@"\bone of:?" + Sp + "(?<list>[^.;]+)", Options, Timeout);

        // From a colon to the next '.', or to the end; a ':' or ';' first means no list. Atomic: one attempt per colon.
        private static readonly Regex ColonList = new Regex(@":(?>\s*)(?<list>(?>[^.:;]+))(?=\.|$)", Options, Timeout);

        private static readonly Regex Quoted = new Regex(@"'(?<v>[^'\s][^']{0,38})'|""(?<v>[^""\s][^""]{0,38})""", Options, Timeout);

        // Innermost parentheses only: an unclosed '(' costs one scan to the next parenthesis, not to the end.
        private static readonly Regex Parenthetical = new Regex(@"\([^()]*\)", Options, Timeout);

        private static readonly Regex Conjunction = new Regex(@"(?:,|\s)(?:or|and)\s", Options, Timeout);

        // A whitespace run is tried from its first character only ((?<!\s)), and atomically.
        private static readonly Regex ListSeparator = new Regex(@",\s*(?:or\s+|and\s+)?|(?<!\s)(?>\s+)(?:or|and)\s+", Options, Timeout);

        private static readonly string[] LengthUnits = { "character", "characters", "chars", "char" };

        /// <summary>What the prose of one description says.</summary>
        internal sealed class Findings
        {
            public double? Minimum { get; set; }

            public double? Maximum { get; set; }

            public int? MaxLength { get; set; }

            public string? PairedWith { get; set; }

            public double? MultipleOf { get; set; }

            public bool MultipleOfIsError { get; set; }

            public List<string>? Options { get; set; }

            /// <summary>True when matching the description hit the regex timeout (no rule was taken from it).</summary>
            public bool TimedOut { get; set; }
        }

        /// <summary>Reads the description; <paramref name="defaultJson"/> is used to reject ranges and lists the doc contradicts.</summary>
        public static Findings Read(string? description, ParameterKind kind, string? defaultJson)
        {
            var findings = new Findings();
            if (string.IsNullOrWhiteSpace(description))
            {
                return findings;
            }

            var text = description!;
            try
            {
                ReadRanges(text, kind, defaultJson, findings);
                ReadPairAndStep(text, kind, findings);
                ReadLimits(text, kind, findings);
                if (kind == ParameterKind.String)
                {
                    findings.Options = ReadOptions(text, defaultJson);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return new Findings { TimedOut = true };
            }

            return findings;
        }

        private static void ReadRanges(string text, ParameterKind kind, string? defaultJson, Findings findings)
        {
            var numeric = new List<(double Min, double Max)>();
            var lengths = new List<int>();
            foreach (var regex in new[] { ParenRange, BetweenRange, FromToRange })
            {
                foreach (Match m in regex.Matches(text))
                {
                    if (IsAdvice(text, m.Index))
                    {
                        continue;
                    }

                    if (!Literals.TryParseNumber(m.Groups["min"].Value, out var min) || !Literals.TryParseNumber(m.Groups["max"].Value, out var max) || min > max)
                    {
                        continue;
                    }

                    var unit = m.Groups["unit"].Value.ToLowerInvariant();
                    if (Array.IndexOf(LengthUnits, unit) >= 0)
                    {
                        if (max == Math.Floor(max) && max <= int.MaxValue)
                        {
                            lengths.Add((int)max);
                        }

                        continue;
                    }

                    numeric.Add((min, max));
                }
            }

            if (ParameterTypes.IsNumeric(kind) && numeric.Count > 0 && numeric.All(r => r == numeric[0]))
            {
                var (min, max) = numeric[0];
                var contradicted = defaultJson is not null && Literals.TryParseNumber(defaultJson, out var d) && (d < min || d > max);
                if (!contradicted)
                {
                    findings.Minimum = min;
                    findings.Maximum = max;
                }
            }

            if ((kind == ParameterKind.String) && lengths.Count > 0 && lengths.All(l => l == lengths[0]))
            {
                findings.MaxLength = lengths[0];
            }
        }

        // "(recommended range: 8-12)", "Recommended range 0.3–0.8", "typically 1-5": advice, not a rule.
        private static bool IsAdvice(string text, int index)
        {
            var from = Math.Max(0, index - 30);
            var before = text.Substring(from, index - from).ToLowerInvariant();
            return before.Contains("recommend") || before.Contains("typical") || before.Contains("ideal") || before.Contains("suggest")
                || before.Contains("clamp");
        }

        private static void ReadPairAndStep(string text, ParameterKind kind, Findings findings)
        {
            var pairs = Pair.Matches(text).Cast<Match>().Select(m => m.Groups["other"].Value).Distinct().ToList();
            if (pairs.Count == 1)
            {
                findings.PairedWith = pairs[0];
            }

            // A multiple applies to a number and to each item of a list of numbers.
            if (!ParameterTypes.IsNumeric(kind) && kind != ParameterKind.NumberArray)
            {
                return;
            }

            var rounded = RoundedStep.Matches(text).Cast<Match>().Select(m => m.Groups["n"].Value).Distinct().ToList();
            var must = MustStep.Matches(text).Cast<Match>().Select(m => m.Groups["n"].Value).Distinct().ToList();
            if (rounded.Count == 1 && must.Count == 0 && Literals.TryParseNumber(rounded[0], out var r) && r > 0)
            {
                findings.MultipleOf = r;
                findings.MultipleOfIsError = false;
            }
            else if (must.Count == 1 && rounded.Count == 0 && Literals.TryParseNumber(must[0], out var s) && s > 0)
            {
                findings.MultipleOf = s;
                findings.MultipleOfIsError = true;
            }
        }

        private static void ReadLimits(string text, ParameterKind kind, Findings findings)
        {
            if (kind == ParameterKind.String && findings.MaxLength is null)
            {
                var chars = MaxCharacters.Matches(text).Cast<Match>().Select(m => m.Groups["n"].Value).Distinct().ToList();
                if (chars.Count == 1 && int.TryParse(chars[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                {
                    findings.MaxLength = n;
                }
            }

            if (ParameterTypes.IsArray(kind))
            {
                var upTo = UpTo.Matches(text).Cast<Match>().Select(m => m.Groups["n"].Value).Distinct().ToList();
                if (upTo.Count == 1 && int.TryParse(upTo[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                {
                    findings.MaxLength = n;
                }
            }
        }

        private static List<string>? ReadOptions(string text, string? defaultJson)
        {
            var defaultValue = defaultJson is not null && defaultJson.StartsWith("\"", StringComparison.Ordinal) && defaultJson.Length >= 2
                ? defaultJson.Substring(1, defaultJson.Length - 2)
                : null;

            var explicitList = PossibleValues.Match(text);
            if (!explicitList.Success)
            {
                explicitList = OneOf.Match(text);
            }

            if (explicitList.Success)
            {
                var items = SplitList(explicitList.Groups["list"].Value, requireConjunction: false);
                if (items is not null && items.Count >= 1)
                {
                    return items;
                }
            }

            foreach (Match m in ColonList.Matches(text))
            {
                var items = SplitList(m.Groups["list"].Value, requireConjunction: false);
                if (items is not null && items.Count >= 3 && defaultValue is not null && items.Contains(defaultValue))
                {
                    return items;
                }
            }

            var quoted = Quoted.Matches(text).Cast<Match>().Select(m => m.Groups["v"].Value.Trim()).Distinct().ToList();
            if (quoted.Count >= 2 && defaultValue is not null && quoted.Contains(defaultValue) && quoted.All(IsPlainItem))
            {
                return quoted;
            }

            return null;
        }

        // "canny (edges), depth, pose (skeleton), detailer, or none" -> canny, depth, pose, detailer, none.
        private static List<string>? SplitList(string list, bool requireConjunction)
        {
            var cleaned = Parenthetical.Replace(list, string.Empty);
            var hasConjunction = Conjunction.IsMatch(cleaned);
            if (requireConjunction && !hasConjunction)
            {
                return null;
            }

            var parts = ListSeparator.Split(cleaned);
            var items = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                var item = part.Trim().Trim('`', '\'', '"', '\u2018', '\u2019', '\u201C', '\u201D').Trim();
                if (item.Length == 0)
                {
                    continue;
                }

                if (!IsPlainItem(item))
                {
                    return null;
                }

                if (seen.Add(item))
                {
                    items.Add(item);
                }
            }

            return items.Count == 0 ? null : items;
        }

        private static bool IsPlainItem(string item) =>
            item.Length <= 40 && item.Split(' ').Length <= 3 && item.All(c => char.IsLetterOrDigit(c) || c == ' ' || c == '_' || c == '-' || c == ':' || c == '.');
    }
}
