using System;
using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>What a parameter's XML remarks say: the wire name only when the property does not already say it.</summary>
    public sealed class ParameterDocsTests
    {
        private const string Page = "# Remarks Probe — API Reference\n\n**Model ID:** `model_remarks-probe`\n\n" +
            "| Parameter | Type | Required | Allowed Values | Description |\n|---|---|---|---|---|\n" +
            "| `prompt` | string | yes | - | What to make. |\n" +
            "| `image_url` | string | no | - | An image. |\n" +
            "| `cfgScale` | number | no | - | Guidance (1-9). |\n" +
            "| `style` | string | no | `flat`, `glossy` | The look. |\n" +
            "| `tone` | string | no | - | The tone: one of `warm`, `cold`. |\n";

        private static string Generated()
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/p/schemas/probe.md", Page) });
            Assert.Empty(run.CompileDiagnostics);
            return run.HintNames.Select(run.Source).Single(s => s.Contains("class RemarksProbeRequest", StringComparison.Ordinal));
        }

        private static string RemarksOf(string source, string property)
        {
            var lines = source.Split('\n').Select(l => l.Trim()).ToList();
            var at = lines.FindIndex(l => l.StartsWith("public ", StringComparison.Ordinal) && l.Contains(" " + property + " { get; set; }", StringComparison.Ordinal));
            Assert.True(at > 0, property + " not found");
            var docs = lines.Take(at).Reverse().TakeWhile(l => !l.StartsWith("public ", StringComparison.Ordinal)).Where(l => l.StartsWith("/// <remarks>", StringComparison.Ordinal));
            return docs.FirstOrDefault() ?? "";
        }

        [Fact]
        public void The_wire_name_is_said_only_when_it_is_not_the_property_name_in_camel_case()
        {
            var source = Generated();
            Assert.Equal("/// <remarks>Required.</remarks>", RemarksOf(source, "Prompt"));
            Assert.Equal("/// <remarks>Sent as <c>image_url</c>.</remarks>", RemarksOf(source, "ImageUrl"));
            Assert.Equal("/// <remarks>Range: 1 to 9 (read from the description).</remarks>", RemarksOf(source, "CfgScale"));
            // The attribute still names every parameter's wire name.
            Assert.Contains("ScenarioParameter(\"prompt\")", source, StringComparison.Ordinal);
            Assert.Contains("ScenarioParameter(\"cfgScale\")", source, StringComparison.Ordinal);
        }

        [Fact]
        public void A_property_typed_by_its_option_struct_does_not_list_the_values_again()
        {
            var source = Generated();
            Assert.Equal("", RemarksOf(source, "Style"));
            Assert.Contains("/// <remarks>A closed set: <see cref=\"RemarksProbeRequest.Validate\"/> reports other values.</remarks>", source, StringComparison.Ordinal);
            Assert.Equal("/// <remarks>Values read from the description.</remarks>", RemarksOf(source, "Tone"));
        }

        [Theory]
        [InlineData("prompt", "Prompt", true)]
        [InlineData("Prompt", "Prompt", true)]
        [InlineData("cfgScale", "CfgScale", true)]
        [InlineData("image_url", "ImageUrl", false)]
        [InlineData("URL", "Url", false)]
        [InlineData("cfgscale", "CfgScale", false)]
        [InlineData("class", "Class_", false)]
        public void IsPropertyName_is_the_same_name_or_its_first_letter_lowered(string wire, string property, bool expected) =>
            Assert.Equal(expected, LtxCodegen.Generator.Emitting.ParameterDocs.IsPropertyName(wire, property));
    }
}
