using System.Collections.Generic;
using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>Docs cut at any point, or mangled, never crash the generator and never produce code that does not compile.</summary>
    public class RobustnessTests
    {
        public static IEnumerable<object[]> Docs() => new[]
        {
            new object[] { "seeds/ltx-2-19b-extend-video.md" },
            new object[] { "corpus/provider-pages/docs-provider-runway-ml-image.md" },
            new object[] { "corpus/json/model_openai-gpt-image-2.json" },
        };

        [Theory]
        [MemberData(nameof(Docs))]
        public void A_doc_cut_anywhere_yields_compiling_code_or_located_diagnostics(string path)
        {
            var text = TestDocs.Read(path);
            var extension = System.IO.Path.GetExtension(path);
            for (var cut = 0; cut <= text.Length; cut += System.Math.Max(1, text.Length / 97))
            {
                var doc = new Doc("/p/schemas/doc" + extension, text.Substring(0, cut));
                var run = GeneratorHarness.Run(new[] { doc });
                Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "LTXG0015" or "CS8785");
                Assert.All(run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("LTXG") && d.Id != "LTXG0013"), d => Assert.Equal(doc.Path, d.Location.GetLineSpan().Path));
                var errors = run.CompileDiagnostics;
                Assert.True(errors.Count == 0, "cut at " + cut + ": " + string.Join("\n", errors));
            }
        }

        [Fact]
        public void Windows_line_endings_read_the_same()
        {
            var text = TestDocs.Read("corpus/provider-pages/docs-provider-clarity-ai-upscale.md").Replace("\r\n", "\n");
            var unix = GeneratorHarness.Run(new[] { new Doc("/p/schemas/c.md", text) });
            var windows = GeneratorHarness.Run(new[] { new Doc("/p/schemas/c.md", text.Replace("\n", "\r\n")) });
            Assert.Empty(windows.GeneratorDiagnostics);
            Assert.Empty(windows.CompileDiagnostics);
            Assert.Equal(unix.Source("ClarityProUpscaler.g.cs"), windows.Source("ClarityProUpscaler.g.cs"));
            Assert.Equal(unix.Source("CrystalUpscaler.g.cs"), windows.Source("CrystalUpscaler.g.cs"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("null")]
        [InlineData("[]")]
        [InlineData("{\"model\": []}")]
        [InlineData("{\"model\": {\"id\": 5}}")]
        [InlineData("{\"model\": {\"id\": \"model_x\", \"inputs\": {}}}")]
        [InlineData("{\"model\": {\"id\": \"model_x\", \"inputs\": [1, {\"name\": 2}, {\"name\": \"a\", \"type\": \"number\", \"min\": \"low\", \"default\": \"x\", \"required\": 7, \"allowedValues\": {}}]}}")]
        [InlineData("{\"model\": {\"id\": \"model_x\", \"inputs\": [{\"name\": \"a\", \"type\": \"number\", \"min\": 5, \"max\": 1}]}}")]
        [InlineData("{\"a\": \"\\ud800\", \"b\": 1e999}")]
        [InlineData("{\"model\": {\"id\": \"model_x\", \"inputs\": [{\"name\": \"big\", \"type\": \"integer\", \"default\": 3000000000, \"allowedValues\": [3000000000, 1]}, {\"name\": \"huge\", \"type\": \"number\", \"default\": 1e300, \"max\": 1e308}]}}")]
        public void Malformed_json_never_crashes(string json)
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/x.json", json) });
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "LTXG0015" or "CS8785");
            Assert.Empty(run.CompileDiagnostics);
        }

        [Theory]
        [InlineData("| | | |")]
        [InlineData("# T\n**Model ID:** `m`\n| Parameter | Type |\n|---|---|\n| `a` |")]
        [InlineData("# T **Model ID:** `model_z` | Parameter | Type | |---|---| | `a` | string | | `b")]
        [InlineData("```\n| Parameter | Type |\n|---|---|\n| `a` | string |")]
        [InlineData("---\ntitle: x\n---\n## A\n**Model ID:** `model_a`\n| Parameter | Type |\n|---|---|\n| `a` | string |\n## B\n**Model ID:** `model_a`\n| Parameter | Type |\n|---|---|\n| `a` | number |")]
        public void Malformed_markdown_never_crashes(string markdown)
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/x.md", markdown) });
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "LTXG0015" or "CS8785");
            Assert.Empty(run.CompileDiagnostics);
        }
    }
}
