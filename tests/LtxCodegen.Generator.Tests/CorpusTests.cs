using System.Collections.Generic;
using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>Every real doc of the corpus generates compiling code, or located diagnostics; none crashes the generator.</summary>
    public class CorpusTests
    {
        public static IEnumerable<object[]> CorpusDocs() => TestDocs.Corpus().Select(p => new object[] { p });

        [Theory]
        [MemberData(nameof(CorpusDocs))]
        public void Corpus_doc_generates_compiling_code_or_located_diagnostics(string relativePath)
        {
            var doc = TestDocs.Schema(relativePath);
            var run = GeneratorHarness.Run(new[] { doc });
            Assert.Empty(run.Result.Results.Where(r => r.Exception is not null));
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "LTXG0015");
            Assert.All(run.GeneratorDiagnostics, d =>
            {
                Assert.StartsWith("LTXG", d.Id);
                Assert.True(d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile, d.ToString());
                Assert.Equal(doc.Path, d.Location.GetLineSpan().Path);
            });
            Assert.Empty(run.CompileDiagnostics);
            var generatedModels = run.HintNames.Count(h => h != "ScenarioModels.g.cs");
            Assert.True(generatedModels > 0 || run.GeneratorDiagnostics.Length > 0, "neither code nor diagnostics for " + relativePath);
        }

        [Fact]
        public void Every_corpus_doc_together_compiles()
        {
            var run = GeneratorHarness.Run(TestDocs.Corpus().Select(TestDocs.Schema));
            Assert.Empty(run.CompileDiagnostics);
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
    }
}
