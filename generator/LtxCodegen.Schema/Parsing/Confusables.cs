using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>
    /// Names that look like other names: letters of several scripts in one name (a Cyrillic <c>о</c> in
    /// <c>prоmpt</c>), and a skeleton (compatibility-normalized, look-alike letters folded to Latin, invisible format
    /// characters removed) to find two names that display the same. A small, fixed table after UTS #39: the letters
    /// of Cyrillic and Greek that are drawn like Latin ones.
    /// </summary>
    internal static class Confusables
    {
        private static readonly Dictionary<char, char> ToLatin = BuildTable();

        /// <summary>Describes the mixing when <paramref name="name"/> has letters of two scripts that do not mix (Latin with CJK does).</summary>
        public static bool IsMixedScript(string name, out string description)
        {
            description = string.Empty;
            string? firstScript = null;
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetter(c))
                {
                    continue;
                }

                var script = ScriptOf(c);
                if (script is null)
                {
                    continue;
                }

                if (firstScript is null)
                {
                    firstScript = script;
                }
                else if (script != firstScript)
                {
                    description = "mixes " + firstScript + " and " + script + " letters (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
                        + " at index " + i.ToString(CultureInfo.InvariantCulture) + "); it reads like '" + Skeleton(name) + "'";
                    return true;
                }
            }

            return false;
        }

        /// <summary>How the name displays: NFKC, Cyrillic/Greek look-alikes as Latin, format characters dropped.</summary>
        public static string Skeleton(string name)
        {
            string normalized;
            try
            {
                normalized = name.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                normalized = name;
            }

            var sb = new StringBuilder(normalized.Length);
            foreach (var c in normalized)
            {
                if (char.GetUnicodeCategory(c) == UnicodeCategory.Format)
                {
                    continue;
                }

                sb.Append(ToLatin.TryGetValue(c, out var latin) ? latin : c);
            }

            return sb.ToString();
        }

        // Null for letters that mix with anything (CJK, which is written alongside Latin); else a script name.
        private static string? ScriptOf(char c)
        {
            if (c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2C60 && c <= 0x2C7F) || (c >= 0xA720 && c <= 0xA7FF))
            {
                return "Latin";
            }

            if ((c >= 0x0370 && c <= 0x03FF) || (c >= 0x1F00 && c <= 0x1FFF))
            {
                return "Greek";
            }

            if ((c >= 0x0400 && c <= 0x052F) || (c >= 0x1C80 && c <= 0x1C8F) || (c >= 0x2DE0 && c <= 0x2DFF) || (c >= 0xA640 && c <= 0xA69F))
            {
                return "Cyrillic";
            }

            if (c >= 0xFF21 && c <= 0xFF5A)
            {
                return "fullwidth Latin";
            }

            if ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0xF900 && c <= 0xFAFF) || char.IsSurrogate(c))
            {
                return null;
            }

            return "U+" + ((c >> 7) << 7).ToString("X4", CultureInfo.InvariantCulture) + " block";
        }

        private static Dictionary<char, char> BuildTable()
        {
            // Pairs: look-alike, Latin letter.
            const string pairs =
                "аaеeоoрpсcуyхxѕsіiјjԁdԛqԝwһhӏlАAВBЕEКKМMНHОOРPСCТTХXУYЅSІIЈJ" // Cyrillic
                + "αaοoρpνvιiκkχxυuΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX"; // Greek
            var table = new Dictionary<char, char>();
            for (var i = 0; i + 1 < pairs.Length; i += 2)
            {
                table[pairs[i]] = pairs[i + 1];
            }

            return table;
        }
    }
}
