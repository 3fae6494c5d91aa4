using System.Collections.Generic;
using System.Linq;
using System.Text;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LtxCodegen.Generator.Tests.Hardening
{
    /// <summary>Small doc builders and checks shared by the hardening tests (one file per defect class).</summary>
    internal static class HardeningDocs
    {
        public const string TableHeader = "| Parameter | Type | Required | Default | Description |\n|---|---|---|---|---|\n";

        /// <summary>An API Reference page for <paramref name="modelId"/> with the given table rows.</summary>
        public static string Page(string modelId, params string[] rows) =>
            "# " + modelId + " — API Reference\n\n**Model ID:** `" + modelId + "`\n\n" + TableHeader + string.Concat(rows.Select(r => r + "\n"));

        /// <summary>A model JSON doc: <c>{"model": {"id", "inputs": [...]}}</c>.</summary>
        public static string ModelJson(string modelId, params string[] inputs) =>
            "{\"model\": {\"id\": \"" + modelId + "\", \"inputs\": [" + string.Join(",\n", inputs) + "]}}";

        public static Doc Schema(string fileName, string text) => new Doc("/p/schemas/" + fileName, text);

        /// <summary>The run's diagnostics with this id, each checked to be located in a doc (path, line).</summary>
        public static List<Diagnostic> Located(GenerationRun run, string id)
        {
            var found = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
            foreach (var d in found)
            {
                var span = d.Location.GetLineSpan();
                Assert.True(span.IsValid && span.Path.StartsWith("/p/schemas/", System.StringComparison.Ordinal), "not located: " + d);
            }

            return found;
        }

        /// <summary>1-based line of a diagnostic.</summary>
        public static int Line(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line + 1;

        /// <summary>No compiler error in the output, and no generator crash.</summary>
        public static void Compiles(GenerationRun run)
        {
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784" or "LTXG0015");
            Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }

        public static string Repeat(string text, int count)
        {
            var sb = new StringBuilder(text.Length * count);
            for (var i = 0; i < count; i++)
            {
                sb.Append(text);
            }

            return sb.ToString();
        }
    }
}
