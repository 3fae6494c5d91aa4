using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using static LtxCodegen.Generator.Roslyn43.Tests.Roslyn43Harness;

namespace LtxCodegen.Generator.Roslyn43.Tests
{
    /// <summary>The Roslyn 4.3 build of the generator, under Roslyn 4.3.1's driver, on the seeds, shipped schemas and corpus; output compiled at C# 9.</summary>
    public class Roslyn43GeneratorTests
    {
        private static readonly Dictionary<string, string> MsBuildOptions = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer.Models" };

        public static IEnumerable<object[]> CorpusDocs() => Corpus().Select(p => new object[] { p });

        [Fact]
        public void The_generator_under_test_is_the_Roslyn_43_build_running_on_Roslyn_43()
        {
            var references = typeof(LtxCodegenGenerator).Assembly.GetReferencedAssemblies().ToDictionary(a => a.Name!, a => a.Version);
            Assert.Equal(new Version(4, 3, 0, 0), references["Microsoft.CodeAnalysis"]);
            Assert.Equal(new Version(4, 3, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
            Assert.Equal(new Version(4, 3, 0, 0), typeof(Compilation).Assembly.GetName().Version);
            Assert.StartsWith("4.3.1", typeof(Compilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, StringComparison.Ordinal);
        }

        [Fact]
        public void Seed_pages_generate_the_LTX_clients_that_compile_at_CSharp9()
        {
            var run = Run(new[] { Roslyn43Harness.Schema("seeds/ltx-2-19b-extend-video.md"), Roslyn43Harness.Schema("seeds/ltx-2-19b-video-to-video.md") }, MsBuildOptions,
                "using Consumer.Models;\nnamespace Consumer\n{\n    internal static class Use\n    {\n" +
                "        public static System.Threading.Tasks.Task<LtxCodegen.ScenarioJob> Extend(LtxCodegen.ScenarioClient client, System.Threading.CancellationToken ct) =>\n" +
                "            client.RunLtx2_19bExtendVideoAsync(new Ltx2_19bExtendVideoRequest(\"p\"), null, ct);\n" +
                "    }\n}\n");

            Assert.Empty(run.Exceptions);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.CompileDiagnostics);
            Assert.Equal(new[] { "Ltx2_19bExtendVideo.g.cs", "Ltx2_19bVideoToVideo.g.cs", "ScenarioModels.g.cs" }, run.HintNames.OrderBy(h => h, StringComparer.Ordinal));
        }

        [Fact]
        public void Shipped_schemas_compile_at_CSharp9_without_any_diagnostic()
        {
            var docs = System.IO.Directory.GetFiles(System.IO.Path.Combine(TestData, "schemas")).OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => Roslyn43Harness.Schema("schemas/" + System.IO.Path.GetFileName(f)));

            var run = Run(docs, MsBuildOptions);

            Assert.Empty(run.Exceptions);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.CompileDiagnostics);
        }

        [Theory]
        [MemberData(nameof(CorpusDocs))]
        public void Corpus_doc_generates_code_compiling_at_CSharp9_or_located_diagnostics(string relativePath)
        {
            var doc = Roslyn43Harness.Schema(relativePath);

            var run = Run(new[] { doc }, MsBuildOptions);

            Assert.Empty(run.Exceptions);
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "LTXG0015");
            Assert.All(run.GeneratorDiagnostics, d =>
            {
                Assert.StartsWith("LTXG", d.Id);
                Assert.Equal(doc.Path, d.Location.GetLineSpan().Path);
            });
            Assert.Empty(run.CompileDiagnostics);
            Assert.True(run.HintNames.Any(h => h != "ScenarioModels.g.cs") || run.GeneratorDiagnostics.Length > 0, "neither code nor diagnostics for " + relativePath);
        }

        [Fact]
        public void Every_corpus_doc_together_compiles_at_CSharp9()
        {
            var run = Run(Corpus().Select(Roslyn43Harness.Schema), MsBuildOptions);

            Assert.Empty(run.Exceptions);
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Empty(run.CompileDiagnostics);
        }
    }
}
