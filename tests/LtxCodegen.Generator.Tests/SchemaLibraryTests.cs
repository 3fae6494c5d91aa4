using System;
using System.Linq;
using LtxCodegen.Generator.Diagnostics;
using LtxCodegen.Schema;
using LtxCodegen.Schema.Diagnostics;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>The model library on its own: no Roslyn, plain located diagnostics, the generator's descriptors agree with it.</summary>
    public sealed class SchemaLibraryTests
    {
        private const string Page = "# LTX\n\n**Model ID:** `model_schema-test`\n\n| Parameter | Type | Required | Default | Description |\n|---|---|---|---|---|\n| `prompt` | string | Yes | - | The prompt |\n| `steps` | integer | No | 8 | Steps. Range: 1-50 |\n| `odd` | wibble | No | - | An unknown type |\n";

        [Fact]
        public void The_library_references_no_Roslyn_assembly()
        {
            var references = typeof(ModelDocs).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();

            Assert.DoesNotContain(references, n => n!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
            Assert.Contains("Markdig", references);
        }

        [Fact]
        public void Read_and_Merge_give_the_model_and_located_plain_diagnostics()
        {
            var doc = ModelDocs.Read("/docs/schema-test.md", Page);
            var merged = ModelDocs.Merge(new[] { doc });

            var model = Assert.Single(merged.Models);
            Assert.Equal("model_schema-test", model.Id);
            Assert.Equal(new[] { "prompt", "steps", "odd" }, model.Parameters.Select(p => p.WireName));
            Assert.Equal(Schema.Model.ParameterKind.Integer, model.Parameters[1].Kind);
            Assert.Equal("8", model.Parameters[1].Default!.Json);
            Assert.Equal(8L, model.Parameters[1].Default!.Integer);
            var unknown = Assert.Single(doc.Diagnostics, d => d.Id == "LTXG0004");
            Assert.Equal(DiagnosticSeverity.Warning, unknown.Severity);
            Assert.Equal("/docs/schema-test.md", unknown.File);
            Assert.Equal(9, unknown.Line);
            Assert.True(unknown.Column >= 1);
            Assert.Contains("'odd' has the unknown type 'wibble'", unknown.Message, StringComparison.Ordinal);
            Assert.StartsWith("/docs/schema-test.md(9,", unknown.ToString(), StringComparison.Ordinal);
            Assert.Contains(": warning LTXG0004: ", unknown.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_doc_that_is_not_json_is_one_located_error_and_no_model()
        {
            var doc = ModelDocs.Read("/docs/broken.json", "{ \"id\": \"model_x\", ");

            Assert.Empty(doc.Models);
            var error = Assert.Single(doc.Diagnostics, d => d.Id == "LTXG0001");
            Assert.Equal(DiagnosticSeverity.Error, error.Severity);
            Assert.Equal(1, error.Line);
        }

        [Fact]
        public void Every_library_diagnostic_has_the_generator_descriptor_of_the_same_id_title_message_and_severity()
        {
            foreach (var kind in SchemaDiagnostics.All)
            {
                var descriptor = GeneratorDiagnostics.Find(kind.Id);
                Assert.Equal(kind.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(kind.MessageFormat, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(kind.Severity == DiagnosticSeverity.Error, descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            }

            var generatorOwn = GeneratorDiagnostics.All.Select(d => d.Id).Except(SchemaDiagnostics.All.Select(k => k.Id)).OrderBy(i => i, StringComparer.Ordinal);
            Assert.Equal(new[] { "LTXG0013", "LTXG0050", "LTXG0051" }, generatorOwn);
        }
    }
}
