using System.Collections.Generic;
using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>Bad docs give LTXG diagnostics at their line and column; what can be generated still is.</summary>
    public class DiagnosticTests
    {
        private const string Page = "# Test — API Reference\n\n**Model ID:** `model_test-page`\n\n| Parameter | Type | Required | Default | Description |\n|---|---|---|---|---|\n";

        private static Diagnostic Single(GenerationRun run, string id)
        {
            var d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == id);
            Assert.True(d.Location.Kind == LocationKind.ExternalFile || d.Location.IsInSource, d.ToString());
            return d;
        }

        private static (int Line, int Column) Position(Diagnostic d)
        {
            var span = d.Location.GetLineSpan();
            return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }

        [Fact]
        public void Invalid_json_is_located_at_the_bad_character()
        {
            var json = "{\n  \"model\": {\n    \"id\": \"model_x\",\n    \"inputs\": [ { \"name\": \"a\", \"type\": \"string\" }, ]\n  }\n}";
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/x.json", json) });
            var d = Single(run, "LTXG0001");
            Assert.Equal((4, 52), Position(d));
            Assert.Equal("/p/schemas/x.json", d.Location.GetLineSpan().Path);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Empty(run.CompileDiagnostics);
        }

        [Fact]
        public void Truncated_json_says_where_it_ends()
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/x.json", "{\"model\": {\"id\": \"model_x\", \"inputs\": [") });
            Assert.Contains("unexpected end of file", Single(run, "LTXG0001").GetMessage());
        }

        [Fact]
        public void A_page_without_a_parameter_table_is_reported_at_its_model_id()
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/x.md", "# X\n\n**Model ID:** `model_no-table`\n\nNothing else.\n") });
            Assert.Equal((3, 16), Position(Single(run, "LTXG0002")));
            Assert.DoesNotContain(run.HintNames, h => h.StartsWith("NoTable", System.StringComparison.Ordinal));
        }

        [Fact]
        public void A_doc_without_a_model_id_is_reported()
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/x.md", "# X\n\n| Parameter | Type |\n|---|---|\n| `a` | string |\n") });
            Single(run, "LTXG0009");
        }

        [Fact]
        public void Unknown_type_is_located_at_its_cell_and_generated_as_json()
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/x.md", Page + "| `prompt` | string | yes | - | P |\n| `shape` | widget | - | - | A shape |\n") });
            Assert.Equal((8, 13), Position(Single(run, "LTXG0004")));
            Assert.Empty(run.CompileDiagnostics);
            var property = run.Output.GetTypeByMetadataName("Consumer.Models.TestPageRequest")!.GetMembers("Shape").OfType<IPropertySymbol>().Single();
            Assert.Equal("System.Text.Json.JsonElement?", property.Type.ToDisplayString());
        }

        [Fact]
        public void Duplicate_parameter_is_reported_and_the_first_kept()
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/x.md", Page + "| `a` | string | - | - | A |\n| `a` | number | - | - | again |\n") });
            var d = Single(run, "LTXG0005");
            Assert.Equal(8, Position(d).Line);
            Assert.Contains("x.md(7,", d.GetMessage());
            Assert.Empty(run.CompileDiagnostics);
        }

        [Fact]
        public void Invalid_default_is_reported_and_dropped()
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/x.md", Page + "| `n` | number | - | `many` | N |\n") });
            Assert.Equal((7, 22), Position(Single(run, "LTXG0010")));
            Assert.Empty(run.CompileDiagnostics);
        }

        [Fact]
        public void Two_docs_that_disagree_give_a_located_conflict()
        {
            var page = new Doc("/p/schemas/a.md", Page + "| `steps` | number | - | `40` | Steps (1-100) |\n");
            var other = new Doc("/p/schemas/b.md", Page + "| `steps` | number | - | `30` | Steps |\n");
            var run = GeneratorHarness.Run(new[] { page, other });
            var d = Single(run, "LTXG0008");
            Assert.Equal("/p/schemas/b.md", d.Location.GetLineSpan().Path);
            Assert.Equal(7, Position(d).Line);
            Assert.Contains("the default", d.GetMessage());
            Assert.Contains("a.md(7,", d.GetMessage());
            Assert.Empty(run.CompileDiagnostics);
        }

        [Fact]
        public void Model_json_that_disagrees_with_a_page_is_a_located_warning_at_both()
        {
            var page = new Doc("/p/schemas/a.md", Page + "| `steps` | number | - | `40` | Steps (1-100) |\n");
            var json = new Doc("/p/schemas/b.json", "{\"model\": {\"id\": \"model_test-page\", \"inputs\": [\n {\"name\": \"steps\", \"type\": \"number\", \"default\": 30, \"min\": 1, \"max\": 50}\n]}}");
            var run = GeneratorHarness.Run(new[] { page, json });
            Assert.DoesNotContain(run.GeneratorDiagnostics, x => x.Severity == DiagnosticSeverity.Error);
            var warnings = run.GeneratorDiagnostics.Where(x => x.Id == "LTXG0022").ToArray();
            Assert.Equal(new[] { ("/p/schemas/a.md", 7), ("/p/schemas/b.json", 2) }, warnings.Select(w => (w.Location.GetLineSpan().Path, Position(w).Line)).OrderBy(x => x.Path));
            Assert.All(warnings, w =>
            {
                Assert.Contains("the default is 40 in a.md(7,", w.GetMessage());
                Assert.Contains("but 30 in b.json(2,", w.GetMessage());
                Assert.Contains("; 30 is kept: model JSON refines a docs page", w.GetMessage());
                // The structured max refines the prose one without a conflict.
                Assert.DoesNotContain("maximum", w.GetMessage());
            });
            Assert.Empty(run.CompileDiagnostics);
        }

        [Fact]
        public void A_pair_with_a_missing_partner_is_reported()
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/x.md", Page + "| `width` | number | - | - | Must be used with height. |\n") });
            Single(run, "LTXG0011");
            Assert.Empty(run.CompileDiagnostics);
        }

        [Fact]
        public void Files_outside_schemas_are_ignored_unless_marked()
        {
            var other = new Doc("/p/docs/x.md", Page + "| `a` | string | - | - | A |\n");
            var stylecop = new Doc("/p/stylecop.json", "{ \"settings\": { } }");
            var run = GeneratorHarness.Run(new[] { other, stylecop });
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.HintNames);

            var texts = new[] { other, stylecop }.Select(d => (AdditionalText)new GeneratorHarness.InMemoryAdditionalText(d.Path, d.Text));
            var perFile = new Dictionary<string, Dictionary<string, string>> { ["/p/docs/x.md"] = new() { ["build_metadata.AdditionalFiles.LtxCodegenModel"] = "true" } };
            var driver = GeneratorHarness.CreateDriver(texts, perFileOptions: perFile, globalOptions: new Dictionary<string, string> { ["build_property.LtxCodegenNamespace"] = "My.Api" });
            driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(sources: "class C { }"), out var output, out var diagnostics);
            Assert.Empty(diagnostics);
            Assert.NotNull(output.GetTypeByMetadataName("My.Api.TestPageRequest"));
            Assert.Empty(output.GetDiagnostics().Where(x => x.Severity != DiagnosticSeverity.Hidden));
        }

        [Fact]
        public void Without_the_runtime_nothing_is_generated_and_it_says_why()
        {
            var references = GeneratorHarness.DefaultReferences.Remove(GeneratorHarness.RuntimeReference);
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas(), LanguageVersion.Latest, references);
            Assert.Equal("LTXG0013", Assert.Single(run.GeneratorDiagnostics).Id);
            Assert.Empty(run.HintNames);
        }

        [Fact]
        public void Truncated_row_in_a_collapsed_page_points_into_the_original_text()
        {
            var doc = TestDocs.Schema("corpus/markdown/model_ltx-2-19b-video-to-video.md");
            var run = GeneratorHarness.Run(new[] { doc });
            var d = Single(run, "LTXG0003");
            Assert.StartsWith("| `duration`", doc.Text.Substring(d.Location.SourceSpan.Start));
            Assert.Equal(1, Position(d).Line);
            Assert.Equal(d.Location.SourceSpan.Start + 1, Position(d).Column);
        }

        [Fact]
        public void Collapsed_seed_table_cells_are_located_in_the_original_line()
        {
            var seed = TestDocs.Read("seeds/ltx-2-19b-extend-video.md");
            var broken = seed.Replace("| `fps` | number |", "| `fps` | numbr |");
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/s.md", broken) });
            var d = Single(run, "LTXG0004");
            Assert.StartsWith("numbr |", broken.Substring(d.Location.SourceSpan.Start));
        }
    }
}
