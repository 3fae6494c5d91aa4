using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using static LtxCodegen.Generator.Roslyn43.Tests.Roslyn43Harness;

namespace LtxCodegen.Generator.Roslyn43.Tests
{
    /// <summary>
    /// What Unity gives the generator: AdditionalFiles named Name.[Analyzer].additionalfile under Assets/, and no
    /// AnalyzerConfigOptionsProvider at all (the driver gets null), so the namespace comes from the options file.
    /// </summary>
    public class UnityInputTests
    {
        private const string Assets = "/Project/Assets/Scenario/";

        private static AdditionalText Unity(string fileName, string relativePath) =>
            Roslyn43Harness.File(Assets + fileName, System.IO.File.ReadAllText(Path.Combine(TestData, relativePath)));

        private static readonly string UseExtendVideo =
            "using System.Threading;\nusing System.Threading.Tasks;\nusing MyGame.Scenario;\n" +
            "namespace MyGame\n{\n    internal static class Use\n    {\n" +
            "        public static Task<LtxCodegen.ScenarioJob> Extend(LtxCodegen.ScenarioClient client, CancellationToken ct) =>\n" +
            "            client.RunLtx2_19bExtendVideoAsync(new Ltx2_19bExtendVideoRequest(\"p\"), null, ct);\n" +
            "        public static string Motion => CartwheelTextToMotionModel.Id;\n" +
            "    }\n}\n";

        [Fact]
        public void Markdown_and_JSON_additionalfiles_and_the_options_file_generate_the_client_with_no_MSBuild_options()
        {
            var run = Run(
                new[]
                {
                    Unity("ltx2extend.LtxCodegen.additionalfile", "seeds/ltx-2-19b-extend-video.md"),
                    Unity("cartwheel.LtxCodegen.Generator.additionalfile", "corpus/json/model_cartwheel-text-to-motion.json"),
                    Roslyn43Harness.File(Assets + "LtxCodegenOptions.LtxCodegen.additionalfile", "{ \"namespace\": \"MyGame.Scenario\" }\n"),
                },
                globalOptions: null,
                UseExtendVideo);

            Assert.Empty(run.Exceptions);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.CompileDiagnostics);
            Assert.NotNull(run.Output.GetTypeByMetadataName("MyGame.Scenario.Ltx2_19bExtendVideoRequest"));
            Assert.NotNull(run.Output.GetTypeByMetadataName("MyGame.Scenario.CartwheelTextToMotionRequest"));
        }

        [Fact]
        public void Without_options_file_or_MSBuild_options_the_namespace_is_LtxCodegen_Generated()
        {
            var run = Run(new[] { Unity("ltx2extend.LtxCodegen.additionalfile", "seeds/ltx-2-19b-extend-video.md") }, globalOptions: null);

            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.CompileDiagnostics);
            Assert.NotNull(run.Output.GetTypeByMetadataName("LtxCodegen.Generated.Ltx2_19bExtendVideoRequest"));
        }

        [Fact]
        public void An_explicit_LtxCodegenNamespace_wins_over_the_options_file_which_wins_over_RootNamespace()
        {
            var docs = new[]
            {
                Unity("ltx2extend.LtxCodegen.additionalfile", "seeds/ltx-2-19b-extend-video.md"),
                Roslyn43Harness.File(Assets + "LtxCodegenOptions.LtxCodegen.additionalfile", "{ \"namespace\": \"From.File\" }"),
            };

            var fromRoot = Run(docs, new System.Collections.Generic.Dictionary<string, string> { ["build_property.RootNamespace"] = "From.Root" });
            var explicitly = Run(docs, new System.Collections.Generic.Dictionary<string, string> { ["build_property.RootNamespace"] = "From.Root", ["build_property.LtxCodegenNamespace"] = "From.Property" });

            Assert.NotNull(fromRoot.Output.GetTypeByMetadataName("From.File.Ltx2_19bExtendVideoRequest"));
            Assert.NotNull(explicitly.Output.GetTypeByMetadataName("From.Property.Ltx2_19bExtendVideoRequest"));
        }

        [Theory]
        [InlineData("{ \"namespace\": 42 }", "LTXG0050", 0, 15, "'namespace' must be a non-empty string")]
        [InlineData("{\n  \"namespace\": \"A.B\",\n  \"namepsace\": \"C\"\n}", "LTXG0051", 2, 15, "unknown option 'namepsace'")]
        [InlineData("{ \"namespace\": \"A.B\"", "LTXG0050", 0, 20, "not valid JSON")]
        [InlineData("[\"A.B\"]", "LTXG0050", 0, 0, "must hold one JSON object")]
        public void A_bad_options_file_is_reported_at_its_line_and_column(string json, string id, int line, int column, string message)
        {
            var path = Assets + "LtxCodegenOptions.LtxCodegen.additionalfile";

            var run = Run(new[] { Unity("ltx2extend.LtxCodegen.additionalfile", "seeds/ltx-2-19b-extend-video.md"), Roslyn43Harness.File(path, json) }, globalOptions: null);

            Assert.Empty(run.Exceptions);
            var diagnostic = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal(id, diagnostic.Id);
            Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var span = diagnostic.Location.GetLineSpan();
            Assert.Equal(path, span.Path);
            Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
            Assert.Empty(run.CompileDiagnostics); // the docs still generate
        }

        [Fact]
        public void A_second_options_file_is_reported_and_the_first_by_path_is_read()
        {
            var run = Run(
                new[]
                {
                    Unity("ltx2extend.LtxCodegen.additionalfile", "seeds/ltx-2-19b-extend-video.md"),
                    Roslyn43Harness.File("/Project/Assets/B/LtxCodegenOptions.LtxCodegen.additionalfile", "{ \"namespace\": \"Second.One\" }"),
                    Roslyn43Harness.File("/Project/Assets/A/LtxCodegenOptions.LtxCodegen.additionalfile", "{ \"namespace\": \"First.One\" }"),
                },
                globalOptions: null);

            var diagnostic = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal("LTXG0051", diagnostic.Id);
            Assert.Equal("/Project/Assets/B/LtxCodegenOptions.LtxCodegen.additionalfile", diagnostic.Location.GetLineSpan().Path);
            Assert.NotNull(run.Output.GetTypeByMetadataName("First.One.Ltx2_19bExtendVideoRequest"));
        }

        [Theory]
        [InlineData("ltx2extend.ltxcodegen.additionalfile")] // the analyzer name is case-sensitive in Unity
        [InlineData("ltx2extend.Other.additionalfile")]
        [InlineData("ltx2extend.additionalfile")]
        [InlineData(".LtxCodegen.additionalfile")]
        public void Files_not_named_for_LtxCodegen_are_ignored(string fileName)
        {
            var run = Run(new[] { Unity(fileName, "seeds/ltx-2-19b-extend-video.md") }, globalOptions: null);

            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.HintNames);
        }

        [Fact]
        public void A_markdown_doc_that_starts_with_a_brace_like_character_elsewhere_stays_markdown_and_a_malformed_JSON_doc_is_located()
        {
            var run = Run(
                new[]
                {
                    Roslyn43Harness.File(Assets + "broken.LtxCodegen.additionalfile", "\uFEFF\n  {\"model\": {\"id\": \"model_x\", \"inputs\": [}\n"),
                    Unity("ltx2extend.LtxCodegen.additionalfile", "seeds/ltx-2-19b-extend-video.md"),
                },
                globalOptions: null);

            var diagnostic = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal("LTXG0001", diagnostic.Id);
            Assert.Equal(Assets + "broken.LtxCodegen.additionalfile", diagnostic.Location.GetLineSpan().Path);
            Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Contains("Ltx2_19bExtendVideo.g.cs", run.HintNames);
        }
    }
}
