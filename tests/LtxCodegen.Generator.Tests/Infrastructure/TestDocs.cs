using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LtxCodegen.Generator.Tests.Infrastructure
{
    /// <summary>Model docs copied into the test output (TestData/), addressed by relative path.</summary>
    internal static class TestDocs
    {
        public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData");

        public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

        /// <summary>A doc as the generator sees it: placed in a folder named schemas.</summary>
        public static Doc Schema(string relativePath) => new Doc("/repo/schemas/" + Path.GetFileName(relativePath), Read(relativePath));

        /// <summary>The repo's shipped schemas/ folder (two seed pages plus the LTX JSON files).</summary>
        public static Doc[] ShippedSchemas() =>
            Directory.GetFiles(Path.Combine(Root, "schemas"))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new Doc("/repo/schemas/" + Path.GetFileName(f), File.ReadAllText(f)))
                .ToArray();

        public static Doc[] Seeds() => new[]
        {
            Schema("seeds/ltx-2-19b-extend-video.md"),
            Schema("seeds/ltx-2-19b-video-to-video.md"),
        };

        public static IEnumerable<string> Corpus() =>
            new[] { "markdown", "json", "provider-pages" }
                .SelectMany(d => Directory.GetFiles(Path.Combine(Root, "corpus", d)))
                .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal);
    }

    /// <summary>An AdditionalFile: path and text.</summary>
    public sealed record Doc(string Path, string Text);
}
