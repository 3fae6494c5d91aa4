using System.Threading.Tasks;
using LtxCodegen.Analyzer.Tests.Infrastructure;
using LtxCodegen.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using static LtxCodegen.Analyzer.Tests.Infrastructure.AnalyzerTest;

namespace LtxCodegen.Analyzer.Tests
{
    /// <summary>
    /// The analyzer on the request classes the generator produces from the repo's schemas/ (the two seed pages plus the
    /// JSON docs that add video/image and the LTX option lists), in C# 9 and the newest language version.
    /// </summary>
    public sealed class SeedModelTests
    {
        private const string V2V = "model_ltx-2-19b-video-to-video";
        private const string Extend = "model_ltx-2-19b-extend-video";

        [Fact]
        public Task The_readme_example_gets_its_warnings() => VerifySeedsAsync(LanguageVersion.Latest, """
            using LtxCodegen.Generated;
            class C
            {
                Ltx2_19bVideoToVideoRequest M() =>
                    new Ltx2_19bVideoToVideoRequest { Prompt = "p", Video = "asset_1", Fps = {|#0:120|}, Duration = {|#1:25|}, {|#2:Width = {|#3:1000|}|} };
            }
            """,
            Diagnostic("LTX1001").WithLocation(0).WithArguments("fps", "120", "1\u201360", V2V),
            Diagnostic("LTX1001").WithLocation(1).WithArguments("duration", "25", "3\u201320", V2V),
            Diagnostic("LTX1004").WithLocation(2).WithArguments("width", "height", V2V),
            Diagnostic("LTX1005").WithLocation(3).WithArguments("width", "1000", "64", V2V, "1024"));

        /// <summary>In C# 9 the generated class takes its required parameters through its constructor.</summary>
        [Fact]
        public Task The_readme_example_in_a_CSharp_9_consumer() => VerifySeedsAsync(LanguageVersion.CSharp9, """
            using LtxCodegen.Generated;
            class C
            {
                Ltx2_19bVideoToVideoRequest M() =>
                    new Ltx2_19bVideoToVideoRequest("p", "asset_1") { Fps = {|#0:120|}, Duration = {|#1:25|}, {|#2:Width = {|#3:1000|}|} };
            }
            """,
            Diagnostic("LTX1001").WithLocation(0).WithArguments("fps", "120", "1\u201360", V2V),
            Diagnostic("LTX1001").WithLocation(1).WithArguments("duration", "25", "3\u201320", V2V),
            Diagnostic("LTX1004").WithLocation(2).WithArguments("width", "height", V2V),
            Diagnostic("LTX1005").WithLocation(3).WithArguments("width", "1000", "64", V2V, "1024"));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Every_syntax_form_on_generated_classes(LanguageVersion version) => VerifySeedsAsync(version, """
            using LtxCodegen.Generated;
            class C
            {
                const double Strength = 2.5;
                void M()
                {
                    var r = new Ltx2_19bExtendVideoRequest("p", "asset_1") { VideoStrength = {|#0:Strength|}, ExtendDuration = {|#1:10 * 3|} };
                    r.ContextDuration = {|#2:0|};
                    r.Seed = {|#3:-1|};
                    r.NumInferenceSteps = {|#4:(int)100.5e1|};
                    r.CameraMotion = {|#5:"orbit"|};
                    r.AspectRatio = {|#6:"16:10"|};
                    var w = new Ltx2_19bExtendVideoRequest("p", "asset_1") { Width = {|#7:5000|}, Height = {|#8:10|} };
                }
            }
            """,
            Diagnostic("LTX1001").WithLocation(0).WithArguments("videoStrength", "2.5", "0\u20131", Extend),
            Diagnostic("LTX1001").WithLocation(1).WithArguments("extendDuration", "30", "1\u201320", Extend),
            Diagnostic("LTX1001").WithLocation(2).WithArguments("contextDuration", "0", "\u2265 0.1", Extend),
            Diagnostic("LTX1001").WithLocation(3).WithArguments("seed", "-1", "\u2265 0", Extend),
            Diagnostic("LTX1001").WithLocation(4).WithArguments("numInferenceSteps", "1005", "1\u2013100", Extend),
            Diagnostic("LTX1002").WithLocation(5).WithArguments("cameraMotion", "\"orbit\"", Extend,
                "\"none\", \"static\", \"dolly_in\", \"dolly_out\", \"dolly_left\", \"dolly_right\", \"jib_up\", \"jib_down\"", "\"none\""),
            Diagnostic("LTX1002").WithLocation(6).WithArguments("aspectRatio", "\"16:10\"", Extend,
                "\"auto\", \"21:9\", \"16:9\", \"4:3\", \"3:4\", \"1:1\", \"9:16\"", "\"16:9\""),
            Diagnostic("LTX1001").WithLocation(7).WithArguments("width", "5000", "64\u20134096", Extend),
            Diagnostic("LTX1001").WithLocation(8).WithArguments("height", "10", "64\u20134096", Extend));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Valid_and_non_constant_values_on_generated_classes_are_not_reported(LanguageVersion version) => VerifySeedsAsync(version, """
            using LtxCodegen.Generated;
            class C
            {
                void M(double fps, string motion)
                {
                    var r = new Ltx2_19bVideoToVideoRequest("p", "asset_1")
                    {
                        Fps = 60,
                        Duration = 3,
                        Width = 1024,
                        Height = 576,
                        Modality = "canny",
                        CameraMotion = motion,
                        VideoStrength = 0.75,
                    };
                    r.Fps = fps;
                    r.Modality = Ltx2_19bVideoToVideoModality.Depth;
                }
            }
            """);

        [Fact]
        public async Task Clamp_fix_on_a_generated_class()
        {
            var test = new SeedCodeFixTest(LanguageVersion.CSharp9);
            test.TestState.Sources.Add("using LtxCodegen.Generated;\nclass C { Ltx2_19bVideoToVideoRequest M() => new Ltx2_19bVideoToVideoRequest(\"p\", \"a\") { Fps = {|LTX1001:120|}, Duration = {|LTX1001:25|} }; }\n");
            test.FixedState.Sources.Add("using LtxCodegen.Generated;\nclass C { Ltx2_19bVideoToVideoRequest M() => new Ltx2_19bVideoToVideoRequest(\"p\", \"a\") { Fps = 60, Duration = 20 }; }\n");
            await test.RunAsync();
        }

        private sealed class SeedCodeFixTest : Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<LtxCodegen.Analyzers.ScenarioRequestAnalyzer, ReplaceValueCodeFixProvider, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            public SeedCodeFixTest(LanguageVersion version)
            {
                ReferenceAssemblies = TestReferences.None;
                TestBehaviors |= Microsoft.CodeAnalysis.Testing.TestBehaviors.SkipGeneratedSourcesCheck;
                TestSetup.Apply(TestState, SolutionTransforms, version);
                SeedDocs.AddTo(TestState);
                SeedDocs.AddTo(FixedState);
            }

            protected override System.Collections.Generic.IEnumerable<System.Type> GetSourceGenerators() =>
                new[] { typeof(LtxCodegen.Generator.LtxCodegenGenerator) };
        }
    }
}
