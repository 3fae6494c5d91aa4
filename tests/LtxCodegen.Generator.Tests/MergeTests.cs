using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    public class MergeTests
    {
        private const string Page = "# M — API Reference\n\n**Model ID:** `model_m`\n\n| Parameter | Type | Required | Default | Description |\n|---|---|---|---|---|\n" +
            "| `prompt` | string | yes | - | P |\n| `strength` | number | - | `1` | Strength (0-1). |\n| `steps` | number | - | `40` | Steps |\n";

        private static IPropertySymbol Property(Compilation c, string name) =>
            c.GetTypeByMetadataName("Consumer.Models.MRequest")!.GetMembers(name).OfType<IPropertySymbol>().Single();

        private static AttributeData Attribute(IPropertySymbol p, string name) => p.GetAttributes().Single(a => a.AttributeClass!.Name == name);

        [Fact]
        public void A_json_file_adds_parameters_and_refines_prose_rules_without_conflict()
        {
            var json = "{\"model\": {\"id\": \"model_m\", \"inputs\": [" +
                "{\"name\": \"video\", \"type\": \"file\", \"kind\": \"video\", \"required\": {\"always\": true}}," +
                "{\"name\": \"strength\", \"type\": \"number\", \"min\": 0, \"max\": 2}," +
                "{\"name\": \"steps\", \"type\": \"number\", \"step\": 1, \"min\": 1, \"max\": 100}]}}";
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/m.md", Page), new Doc("/p/schemas/m.json", json) });
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.CompileDiagnostics);

            var range = Attribute(Property(run.Output, "Strength"), "ScenarioRangeAttribute");
            Assert.Equal(2.0, range.NamedArguments.Single(a => a.Key == "Maximum").Value.Value);
            // Structured (0) is the attribute's default: the generated attribute leaves it out.
            Assert.DoesNotContain(range.NamedArguments, a => a.Key == "Source");
            Assert.Equal("int?", Property(run.Output, "Steps").Type.ToDisplayString());
            Assert.NotNull(Attribute(Property(run.Output, "Video"), "ScenarioRequiredAttribute"));
        }

        [Fact]
        public void Required_in_a_page_and_optional_in_model_json_keeps_the_json_with_a_warning()
        {
            var json = "{\"model\": {\"id\": \"model_m\", \"inputs\": [{\"name\": \"prompt\", \"type\": \"string\", \"required\": {\"always\": false}}]}}";
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/m.md", Page), new Doc("/p/schemas/n.json", json) });
            Assert.Equal(new[] { "/p/schemas/m.md", "/p/schemas/n.json" }, run.GeneratorDiagnostics.Select(d => d.Location.GetLineSpan().Path).OrderBy(p => p));
            Assert.All(run.GeneratorDiagnostics, d =>
            {
                Assert.Equal("LTXG0022", d.Id);
                Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
                Assert.Contains("'required' is required in m.md(7,", d.GetMessage());
                Assert.Contains("optional is kept", d.GetMessage());
            });
            Assert.Empty(run.CompileDiagnostics);
            Assert.False(Property(run.Output, "Prompt").IsRequired);
        }

        [Fact]
        public void Required_in_one_json_file_and_optional_in_another_is_a_conflict()
        {
            var optional = "{\"model\": {\"id\": \"model_m\", \"inputs\": [{\"name\": \"prompt\", \"type\": \"string\", \"required\": {\"always\": false}}]}}";
            var required = optional.Replace("false", "true");
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/m.json", required), new Doc("/p/schemas/n.json", optional) });
            var d = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal("LTXG0008", d.Id);
            Assert.Contains("'required'", d.GetMessage());
            Assert.Equal("/p/schemas/n.json", d.Location.GetLineSpan().Path);
        }

        [Fact]
        public void The_shipped_video_to_video_video_input_is_required_as_the_fuller_page_says()
        {
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas().Append(TestDocs.Schema("corpus/markdown/model_ltx-2-19b-video-to-video.md")));
            // The cut-off row of the corpus page is the only diagnostic: the three docs agree.
            Assert.Equal(new[] { "LTXG0003" }, run.GeneratorDiagnostics.Select(d => d.Id));
            Assert.Empty(run.CompileDiagnostics);
            var video = run.Output.GetTypeByMetadataName("Consumer.Models.Ltx2_19bVideoToVideoRequest")!.GetMembers("Video").OfType<IPropertySymbol>().Single();
            Assert.True(video.IsRequired);
        }
    }
}
