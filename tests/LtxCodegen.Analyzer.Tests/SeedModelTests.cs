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
            Diagnostic("LTX1001").WithLocation(0).WithArguments(V2V, "fps must be between 1 and 60 (got 120)."),
            Diagnostic("LTX1001").WithLocation(1).WithArguments(V2V, "duration must be between 3 and 20 (got 25)."),
            Diagnostic("LTX1004").WithLocation(2).WithArguments(V2V, "width must be used with height."),
            Diagnostic("LTX1005").WithLocation(3).WithArguments(V2V, "width is rounded to a multiple of 64: 1000 is sent as 1024."));

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
            Diagnostic("LTX1001").WithLocation(0).WithArguments(V2V, "fps must be between 1 and 60 (got 120)."),
            Diagnostic("LTX1001").WithLocation(1).WithArguments(V2V, "duration must be between 3 and 20 (got 25)."),
            Diagnostic("LTX1004").WithLocation(2).WithArguments(V2V, "width must be used with height."),
            Diagnostic("LTX1005").WithLocation(3).WithArguments(V2V, "width is rounded to a multiple of 64: 1000 is sent as 1024."));

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
                    // Judged as sent, like the runtime: rounded to the multiple of 64 first (5000 -> 4992, 10 -> 0).
                    var w = new Ltx2_19bExtendVideoRequest("p", "asset_1") { Width = {|#7:5000|}, Height = {|#8:10|} };
                }
            }
            """,
            Diagnostic("LTX1001").WithLocation(0).WithArguments(Extend, "videoStrength must be between 0 and 1 (got 2.5)."),
            Diagnostic("LTX1001").WithLocation(1).WithArguments(Extend, "extendDuration must be between 1 and 20 (got 30)."),
            Diagnostic("LTX1001").WithLocation(2).WithArguments(Extend, "contextDuration must be at least 0.1 (got 0)."),
            Diagnostic("LTX1001").WithLocation(3).WithArguments(Extend, "seed must be at least 0 (got -1)."),
            Diagnostic("LTX1001").WithLocation(4).WithArguments(Extend, "numInferenceSteps must be between 1 and 100 (got 1005)."),
            Diagnostic("LTX1002").WithLocation(5).WithArguments(Extend, "cameraMotion must be one of none, static, dolly_in, dolly_out, dolly_left, dolly_right, jib_up, jib_down (got 'orbit').", "\"none\""),
            Diagnostic("LTX1002").WithLocation(6).WithArguments(Extend, "aspectRatio must be one of auto, 21:9, 16:9, 4:3, 3:4, 1:1, 9:16 (got '16:10').", "\"16:9\""),
            Diagnostic("LTX1001").WithLocation(7).WithArguments(Extend, "width must be between 64 and 4096 (got 4992)."),
            Diagnostic("LTX1001").WithLocation(8).WithArguments(Extend, "height must be between 64 and 4096 (got 0)."));

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
