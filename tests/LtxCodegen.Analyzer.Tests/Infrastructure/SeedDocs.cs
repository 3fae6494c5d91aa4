using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Analyzer.Tests.Infrastructure
{
    /// <summary>The repo's schemas/ (copied next to the tests at build time) as AdditionalFiles of a test project.</summary>
    internal static class SeedDocs
    {
        private static readonly (string Name, string Text)[] Docs = Directory
            .GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "schemas"))
            .Where(path => path.EndsWith(".md", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
            .ToArray();

        /// <summary>Adds every doc under a <c>schemas/</c> folder, where the generator looks for model docs.</summary>
        public static void AddTo(ProjectState state)
        {
            if (Docs.Length < 4)
            {
                throw new InvalidOperationException("The schemas/ docs were not copied next to the tests.");
            }

            foreach (var (name, text) in Docs)
            {
                state.AdditionalFiles.Add(("/0/schemas/" + name, SourceText.From(text)));
            }
        }
    }
}
