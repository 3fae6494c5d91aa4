using System.Collections.Generic;
using System.Globalization;

namespace LtxCodegen.Schema.Names
{
    /// <summary>
    /// The C# identifier rules the names need (what Roslyn's <c>SyntaxFacts</c> says), without a Roslyn reference:
    /// the model library also runs in the CLI and the emulator.
    /// </summary>
    internal static class CSharpIdentifiers
    {
        /// <summary>The reserved keywords (contextual keywords such as <c>value</c> or <c>record</c> are valid names).</summary>
        private static readonly HashSet<string> Keywords = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
            "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
            "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
            "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
            "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
            "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
            "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
            "__arglist", "__makeref", "__reftype", "__refvalue",
        };

        public static bool IsKeyword(string name) => Keywords.Contains(name);

        public static bool IsIdentifierStartCharacter(char c) => c == '_' || IsLetter(char.GetUnicodeCategory(c));

        public static bool IsIdentifierPartCharacter(char c)
        {
            var category = char.GetUnicodeCategory(c);
            return IsLetter(category)
                || category == UnicodeCategory.DecimalDigitNumber
                || category == UnicodeCategory.ConnectorPunctuation
                || category == UnicodeCategory.NonSpacingMark
                || category == UnicodeCategory.SpacingCombiningMark
                || category == UnicodeCategory.Format;
        }

        public static bool IsValidIdentifier(string? name)
        {
            if (string.IsNullOrEmpty(name) || !IsIdentifierStartCharacter(name![0]))
            {
                return false;
            }

            for (var i = 1; i < name.Length; i++)
            {
                if (!IsIdentifierPartCharacter(name[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsLetter(UnicodeCategory category) =>
            category == UnicodeCategory.UppercaseLetter
            || category == UnicodeCategory.LowercaseLetter
            || category == UnicodeCategory.TitlecaseLetter
            || category == UnicodeCategory.ModifierLetter
            || category == UnicodeCategory.OtherLetter
            || category == UnicodeCategory.LetterNumber;
    }
}
