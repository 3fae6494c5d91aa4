using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using static LtxCodegen.Analyzer.Tests.Infrastructure.AnalyzerTest;

namespace LtxCodegen.Analyzer.Tests
{
    /// <summary>LTX1002–LTX1008 against the hand-written models, positive and negative, C# 9 and the newest version.</summary>
    public sealed class RuleTests
    {
        private const string Model = "model_test-video";
        private const string ModalityOptions = "none, canny, depth, pose, detailer";

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Closed_option_set_through_the_string_conversion_is_a_warning(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                const string Edges = "edges";
                void M(TestRequest r)
                {
                    var a = new TestRequest { Modality = {|#0:"cany"|} };
                    r.Modality = {|#1:"Depth"|};
                    r.Modality = {|#2:Edges|};
                    r.Steps = {|#3:30|};
                }
            }
            """,
            Diagnostic("LTX1002").WithLocation(0).WithArguments(Model, "modality must be one of " + ModalityOptions + " (got 'cany').", "\"canny\""),
            Diagnostic("LTX1002").WithLocation(1).WithArguments(Model, "modality must be one of " + ModalityOptions + " (got 'Depth').", "\"depth\""),
            Diagnostic("LTX1002").WithLocation(2).WithArguments(Model, "modality must be one of " + ModalityOptions + " (got 'edges').", "\"none\""),
            Diagnostic("LTX1002").WithLocation(3).WithArguments(Model, "steps must be one of 20, 40 (got 30).", "20"));

        [Fact]
        public Task String_property_with_numeric_looking_options_compares_strings() => VerifyAsync(LanguageVersion.CSharp9, """
            using Demo;
            class C
            {
                void M(TestRequest r)
                {
                    r.Quality = "720";
                    r.Quality = {|#0:"1080"|};
                }
            }
            """, Diagnostic("LTX1002").WithLocation(0).WithArguments(Model, "quality must be one of 480, 720 (got '1080').", "\"480\""));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Open_option_set_is_an_info_with_the_closest_value(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C { TestRequest M() => new TestRequest { CameraMotion = {|#0:"dolly_out"|} }; }
            """, Diagnostic("LTX1003").WithLocation(0).WithArguments(Model, "cameraMotion is not one of the documented options none, dolly_in, pan_left (got 'dolly_out').", "\"dolly_in\""));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Known_options_static_members_and_variables_are_not_reported(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                void M(string mode, TestRequest r)
                {
                    r.Modality = "canny";
                    r.Modality = Modality.Canny;
                    r.Modality = mode;
                    r.Modality = null;
                    r.CameraMotion = "pan_left";
                    r.CameraMotion = mode;
                    r.Steps = 40;
                }
            }
            """);

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Pair_member_without_its_partner_is_a_warning(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                void M(double w)
                {
                    var a = new TestRequest { {|#0:Width = 1024|} };
                    var b = new TestRequest { Fps = 24, {|#1:Height = 512|} };
                    var c = new TestRequest { {|#2:Width = w|}, Height = null };
                    var d = new TestRecord { {|#3:Height = 8|} };
                }
            }
            """,
            Diagnostic("LTX1004").WithLocation(0).WithArguments(Model, "width must be used with height."),
            Diagnostic("LTX1004").WithLocation(1).WithArguments(Model, "height must be used with width."),
            Diagnostic("LTX1004").WithLocation(2).WithArguments(Model, "width must be used with height."),
            Diagnostic("LTX1004").WithLocation(3).WithArguments("model_test-record", "height must be used with width."));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Complete_pairs_assignments_and_with_expressions_are_not_reported(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                void M(double w, TestRequest r, TestRecord s)
                {
                    var a = new TestRequest { Width = 1024, Height = 512 };
                    var b = new TestRequest { Height = w, Width = w };
                    var c = new TestRequest { Width = null };
                    r.Width = 1024;
                    var d = s with { Width = 64 };
                }
            }
            """);

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Not_a_multiple_is_an_info_when_rounded_and_a_warning_when_an_error(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                void M(TestRequest r)
                {
                    var a = new TestRequest { Width = {|#0:1000|}, Height = {|#1:500|} };
                    r.FrameSize = {|#2:100|};
                    r.Width = 1024;
                    r.FrameSize = 96;
                }
            }
            """,
            Diagnostic("LTX1005").WithLocation(0).WithArguments(Model, "width is rounded to a multiple of 64: 1000 is sent as 1024."),
            Diagnostic("LTX1005").WithLocation(1).WithArguments(Model, "height is rounded to a multiple of 64: 500 is sent as 512."),
            Diagnostic("LTX1006").WithLocation(2).WithArguments(Model, "frameSize must be a multiple of 32 (got 100).", "96"));

        [Theory]
        [InlineData(LanguageVersion.CSharp9, "C# 9.0 cannot use 'required' members, so the compiler does not check it")]
        [InlineData(LanguageVersion.CSharp10, "C# 10.0 cannot use 'required' members, so the compiler does not check it")]
        [InlineData(LanguageVersion.Latest, "the property is not marked 'required', so the compiler does not check it")]
        public Task Required_parameter_not_set_is_a_warning(LanguageVersion version, string reason) => VerifyAsync(version, """
            using Demo;
            class C
            {
                void M()
                {
                    var a = new {|#0:PromptRequest|} { Seed = 1 };
                    var b = new {|#1:PromptRequest|}();
                    PromptRequest c = {|#2:new|}();
                    var d = new {|#3:PromptRequest|} { Prompt = null };
                }
            }
            """,
            Diagnostic("LTX1007").WithLocation(0).WithArguments("model_test-prompt", "prompt is required.", reason),
            Diagnostic("LTX1007").WithLocation(1).WithArguments("model_test-prompt", "prompt is required.", reason),
            Diagnostic("LTX1007").WithLocation(2).WithArguments("model_test-prompt", "prompt is required.", reason),
            Diagnostic("LTX1007").WithLocation(3).WithArguments("model_test-prompt", "prompt is required.", reason));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Required_parameter_set_by_initializer_or_constructor_is_not_reported(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                void M(string p)
                {
                    var a = new PromptRequest { Prompt = p };
                    var b = new PromptRequest("p");
                    var c = new PromptRequest(seed: 3);
                }
            }
            """);

        [Fact]
        public Task Required_members_the_compiler_enforces_are_left_to_the_compiler() => VerifyAsync(LanguageVersion.Latest, """
            using LtxCodegen.Metadata;
            [ScenarioModel("model_required")]
            class Req
            {
                [ScenarioParameter("prompt"), ScenarioRequired]
                public required string Prompt { get; set; }
            }
            class C { Req M() => new Req { Prompt = "p" }; }
            """);

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task String_longer_than_the_maximum_is_a_warning(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                void M(TestRequest r)
                {
                    r.Style = {|#0:"watercolour"|};
                    r.Style = "ink";
                }
            }
            """, Diagnostic("LTX1008").WithLocation(0).WithArguments(Model, "style must have at most 8 characters (got 11)."));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Generated_code_is_not_analyzed(LanguageVersion version)
        {
            var test = new Infrastructure.AnalyzerTest(version);
            test.TestState.Sources.Add(("Models.cs", Infrastructure.TestModels.Source));
            test.TestState.Sources.Add(("Generated.g.cs", "using Demo;\nclass G { TestRequest M() => new TestRequest { Fps = 120, Width = 1000, Modality = \"x\" }; }\n"));
            test.TestState.Sources.Add(("Header.cs", "// <auto-generated/>\nusing Demo;\nclass H { TestRequest M() => new TestRequest { Fps = 0 }; }\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Nothing_is_reported_without_the_LtxCodegen_metadata() => new Infrastructure.AnalyzerTest(LanguageVersion.CSharp9)
        {
            TestCode = """
                namespace LtxCodegen.Other
                {
                    class Fake { public double? Fps { get; set; } }
                    class C { Fake M() => new Fake { Fps = 120 }; }
                }
                """,
        }.RunAsync();
    }
}
