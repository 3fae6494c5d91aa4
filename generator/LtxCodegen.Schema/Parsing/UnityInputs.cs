using System;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>
    /// Unity hands a generator only files named <c>Filename.[Analyzer Name].additionalfile</c> (case-sensitive, no dot
    /// in <c>Filename</c>) and no MSBuild options. LtxCodegen reads <c>Name.LtxCodegen.additionalfile</c> and
    /// <c>Name.LtxCodegen.Generator.additionalfile</c> (the generator DLL's name): a model doc (markdown or JSON, told
    /// apart by content), or, when <c>Name</c> is <c>LtxCodegenOptions</c>, the options file.
    /// </summary>
    internal static class UnityInputs
    {
        public const string Extension = ".additionalfile";
        public const string OptionsName = "LtxCodegenOptions";

        private static readonly string[] Suffixes = { ".LtxCodegen" + Extension, ".LtxCodegen.Generator" + Extension };

        /// <summary>The <c>Filename</c> part of a Unity additional file meant for LtxCodegen, or null.</summary>
        public static string? NameOf(string path)
        {
            var fileName = FileName(path);
            foreach (var suffix in Suffixes)
            {
                if (fileName.Length > suffix.Length && fileName.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return fileName.Substring(0, fileName.Length - suffix.Length);
                }
            }

            return null;
        }

        public static bool IsOptionsFile(string path) => string.Equals(NameOf(path), OptionsName, StringComparison.Ordinal);

        public static bool IsModelDoc(string path)
        {
            var name = NameOf(path);
            return name is not null && !string.Equals(name, OptionsName, StringComparison.Ordinal);
        }

        /// <summary>JSON or markdown: a <c>.json</c> file, or an <c>.additionalfile</c> whose first non-blank character opens a JSON value.</summary>
        public static bool IsJson(string path, string text)
        {
            if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (!path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var c in text)
            {
                if (c == '\uFEFF' || char.IsWhiteSpace(c))
                {
                    continue;
                }

                return c == '{' || c == '[';
            }

            return false;
        }

        private static string FileName(string path)
        {
            var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
