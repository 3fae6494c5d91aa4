using System.Linq;
using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Parsing;
using LtxCodegen.Generator.Tests.Infrastructure;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    public class ParsingTests
    {
        [Fact]
        public void Json_reader_keeps_offsets_and_decodes_escapes()
        {
            var node = JsonReader.Parse("{ \"a\" : [1, -2.5e1, true, null, \"x\\u00e9\\n\\\"\"] }");
            var items = node.Get("a")!.Items;
            Assert.Equal(-25, items[1].Number);
            Assert.Equal("x\u00e9\n\"", items[4].Text);
            Assert.Equal(9, items[0].Start);
        }

        [Theory]
        [InlineData("{\"a\": 01}", 7)]
        [InlineData("{\"a\": tru}", 6)]
        [InlineData("{\"a\" 1}", 5)]
        [InlineData("{\"a\": \"x\\q\"}", 8)]
        [InlineData("[1,]", 3)]
        public void Json_reader_reports_the_offset_of_the_problem(string json, int offset) =>
            Assert.Equal(offset, Assert.Throws<JsonSyntaxException>(() => JsonReader.Parse(json)).Offset);

        [Fact]
        public void Collapsed_seed_is_rebuilt_into_lines_that_map_back_to_the_original()
        {
            var seed = TestDocs.Read("seeds/ltx-2-19b-video-to-video.md");
            Assert.True(CollapsedPageRepair.LooksCollapsed(seed));
            var repair = CollapsedPageRepair.Repair(seed);
            var lines = repair.Text.Split('\n');
            Assert.StartsWith("# LTX-2 19b Video to Video", lines[0]);
            Assert.Contains("### Parameters", lines);
            Assert.Contains("| Parameter | Type | Required | Default | Description |", lines);
            Assert.Equal(19, lines.Count(l => l.StartsWith("| `", System.StringComparison.Ordinal)));
            Assert.Contains("```bash", lines);

            var row = repair.Text.IndexOf("| `fps` |", System.StringComparison.Ordinal);
            Assert.StartsWith("| `fps` |", seed.Substring(repair.ToOriginal(row)));
        }

        [Fact]
        public void A_normal_page_is_not_treated_as_collapsed() =>
            Assert.False(CollapsedPageRepair.LooksCollapsed(TestDocs.Read("corpus/provider-pages/docs-provider-clarity-ai-upscale.md")));

        [Fact]
        public void Provider_page_yields_every_model_with_its_columns()
        {
            var parsed = DocParser.Parse(new DocInput("/p/schemas/c.md", TestDocs.Read("corpus/provider-pages/docs-provider-clarity-ai-upscale.md")));
            Assert.Empty(parsed.Diagnostics);
            Assert.Equal(new[] { "model_clarity-pro-upscaler", "model_crystal-upscaler" }, parsed.Models.Select(m => m.Id));
            var scale = parsed.Models[0].Parameters.Single(p => p.WireName == "scaleFactor");
            Assert.Equal(new[] { "2", "4", "8", "16" }, scale.Options!.Value.Values);
            Assert.True(scale.Options.Value.IsClosed);
            var creativity = parsed.Models[0].Parameters.Single(p => p.WireName == "creativity");
            Assert.Equal((-10.0, 10.0), (creativity.Minimum!.Value, creativity.Maximum!.Value));
            Assert.Equal("Photorealistic image upscaler with up to 16x scaling and controllable creativity.", parsed.Models[0].Description);
            Assert.Equal(ParameterKind.AssetArray, DocParser.Parse(new DocInput("/p/schemas/r.md", TestDocs.Read("corpus/provider-pages/docs-provider-runway-ml-image.md")))
                .Models.Single().Parameters.Single(p => p.WireName == "referenceImages").Kind);
        }

        [Fact]
        public void Model_json_reads_conditions_kinds_and_integer_steps()
        {
            var parsed = DocParser.Parse(new DocInput("/p/schemas/x.json", TestDocs.Read("corpus/json/model_openai-gpt-image-2.json")));
            Assert.Empty(parsed.Diagnostics);
            var model = parsed.Models.Single();
            var references = model.Parameters.Single(p => p.WireName == "referenceImages");
            var condition = references.Conditions.Single();
            Assert.Equal(("mask", true), (condition.OtherWireName, condition.WhenOtherIsSet));
            Assert.Equal("A reference image is required when a mask is provided.", condition.Message);
            Assert.Equal("image", references.AssetKind);
            Assert.Equal(new Sourced<int>(10, RuleOrigin.Structured), references.MaxLength);
            var width = model.Parameters.Single(p => p.WireName == "width");
            Assert.Equal(ParameterKind.Integer, width.Kind);
            Assert.Equal(16, width.MultipleOf!.Value);
            // Numeric options are read once as numbers, in the model.
            Assert.Equal(new[] { 2.0, 4.0, 8.0, 16.0 }, DocParser.Parse(new DocInput("/p/schemas/c.md", TestDocs.Read("corpus/provider-pages/docs-provider-clarity-ai-upscale.md")))
                .Models[0].Parameters.Single(p => p.WireName == "scaleFactor").Options!.Value.Numbers);
        }
    }
}
