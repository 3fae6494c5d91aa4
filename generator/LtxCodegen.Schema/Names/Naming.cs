using System.Collections.Generic;
using System.Text;

namespace LtxCodegen.Schema.Names
{
    /// <summary>Turns model ids and wire names into C# identifiers.</summary>
    public static class Naming
    {
        /// <summary>
        /// <c>model_ltx-2-19b-extend-video</c> -> <c>Ltx2_19bExtendVideo</c>: drop <c>model_</c>, split on <c>-</c>,
        /// <c>_</c>, <c>.</c> (and anything else that cannot be in an identifier), PascalCase each part, join with
        /// <c>_</c> between a part ending and the next starting with a digit.
        /// </summary>
        public static string Stem(string modelId)
        {
            var id = modelId.StartsWith("model_", System.StringComparison.Ordinal) ? modelId.Substring("model_".Length) : modelId;
            var name = JoinParts(SplitParts(id));
            return name.Length == 0 ? "Model" : name;
        }

        /// <summary><c>videoStrength</c> -> <c>VideoStrength</c>; <c>face_enhancement</c> -> <c>FaceEnhancement</c>.</summary>
        public static string PropertyName(string wireName)
        {
            var name = JoinParts(SplitParts(wireName));
            return name.Length == 0 ? "Parameter" : name;
        }

        /// <summary>An option value as a member name: <c>dolly_in</c> -> <c>DollyIn</c>, <c>16:9</c> -> <c>_16_9</c>, <c>-Z</c> -> <c>MinusZ</c>.</summary>
        public static string OptionMemberName(string value)
        {
            var v = value.Trim();
            var prefix = v.StartsWith("-", System.StringComparison.Ordinal) ? "Minus" : string.Empty;
            var name = JoinParts(SplitParts(v));
            if (name.Length == 0)
            {
                return prefix.Length > 0 ? prefix : "Empty";
            }

            if (prefix.Length > 0)
            {
                return prefix + name.TrimStart('_');
            }

            return name;
        }

        /// <summary>True when the text holds a format character (bidi controls, zero-width joiners), legal in C# identifiers but invisible.</summary>
        public static bool HasFormatCharacter(string text)
        {
            foreach (var c in text)
            {
                if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsKeyword(string name) => CSharpIdentifiers.IsKeyword(name);

        /// <summary>True when the wire name is already a valid identifier (so the property name only changes its case).</summary>
        public static bool IsPlainWireName(string name) => CSharpIdentifiers.IsValidIdentifier(name) && name.IndexOf('_') != 0 && !HasFormatCharacter(name);

        /// <summary>Returns <paramref name="name"/>, or it with a suffix (2, 3, ...) when already taken; records it.</summary>
        public static string Unique(string name, HashSet<string> taken)
        {
            var candidate = name;
            var n = 2;
            while (!taken.Add(candidate))
            {
                candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                n++;
            }

            return candidate;
        }

        private static List<string> SplitParts(string text)
        {
            var parts = new List<string>();
            var current = new StringBuilder();
            foreach (var c in text)
            {
                if (c != '_' && CSharpIdentifiers.IsIdentifierPartCharacter(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
                {
                    current.Append(c);
                }
                else if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
            }

            if (current.Length > 0)
            {
                parts.Add(current.ToString());
            }

            return parts;
        }

        private static string JoinParts(List<string> parts)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                var pascal = char.ToUpperInvariant(part[0]) + part.Substring(1);
                if (sb.Length > 0 && char.IsDigit(sb[sb.Length - 1]) && char.IsDigit(pascal[0]))
                {
                    sb.Append('_');
                }

                sb.Append(pascal);
            }

            if (sb.Length > 0 && !CSharpIdentifiers.IsIdentifierStartCharacter(sb[0]))
            {
                sb.Insert(0, '_');
            }

            var name = sb.ToString();
            return name.Length > MaxIdentifierLength ? Shorten(name) : name;
        }

        /// <summary>Longest identifier made from doc text (C# allows 512; type names add a stem and a suffix).</summary>
        public const int MaxIdentifierLength = 128;

        // Keeps the start and adds a stable hash of the whole name, so long names stay distinct and compile.
        private static string Shorten(string name)
        {
            var keep = MaxIdentifierLength - 9;
            if (char.IsHighSurrogate(name[keep - 1]))
            {
                keep--;
            }

            return name.Substring(0, keep) + "_" + StableHash(name);
        }

        /// <summary>A hash of the text that is the same on every machine and run (string.GetHashCode is not).</summary>
        public static string StableHash(string text)
        {
            unchecked
            {
                var hash = 2166136261u;
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
