using System.Threading.Tasks;
using LtxCodegen.Analyzer.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using static LtxCodegen.Analyzer.Tests.Infrastructure.AnalyzerTest;

namespace LtxCodegen.Analyzer.Tests
{
    /// <summary>LTX1001 on every syntax form, for C# 9 and the newest language version Roslyn 4.8 knows.</summary>
    public sealed class RangeTests
    {
        private const string Model = "model_test-video";

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Object_initializer_literal(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C { TestRequest M() => new TestRequest { Fps = {|#0:120|} }; }
            """, Diagnostic("LTX1001").WithLocation(0).WithArguments(Model, "fps must be between 1 and 60 (got 120)."));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Folded_constant_expression(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C { TestRequest M() => new TestRequest { Fps = {|#0:30 * 4|} }; }
            """, Diagnostic("LTX1001").WithLocation(0).WithArguments(Model, "fps must be between 1 and 60 (got 120)."));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Const_field_and_local(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                const int MaxFps = 90;
                void M()
                {
                    const double zero = 0;
                    var r = new TestRequest { Fps = {|#0:MaxFps|} };
                    r.Fps = {|#1:zero|};
                }
            }
            """,
            Diagnostic("LTX1001").WithLocation(0).WithArguments(Model, "fps must be between 1 and 60 (got 90)."),
            Diagnostic("LTX1001").WithLocation(1).WithArguments(Model, "fps must be between 1 and 60 (got 0)."));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Casts_and_negative_literals(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                void M(TestRequest r)
                {
                    r.NumFrames = {|#0:(int)300.7|};
                    r.Strength = {|#1:-0.5|};
                    r.Seed = {|#2:-1|};
                    r.Strength = {|#3:(double)2|};
                }
            }
            """,
            Diagnostic("LTX1001").WithLocation(0).WithArguments(Model, "numFrames must be between 9 and 257 (got 300)."),
            Diagnostic("LTX1001").WithLocation(1).WithArguments(Model, "strength must be between 0 and 1 (got -0.5)."),
            Diagnostic("LTX1001").WithLocation(2).WithArguments(Model, "seed must be at least 0 (got -1)."),
            Diagnostic("LTX1001").WithLocation(3).WithArguments(Model, "strength must be between 0 and 1 (got 2)."));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task With_expression(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C { TestRecord M(TestRecord r) => r with { Fps = {|#0:61|} }; }
            """, Diagnostic("LTX1001").WithLocation(0).WithArguments("model_test-record", "fps must be between 1 and 60 (got 61)."));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Arguments_of_generated_constructor_and_methods(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                void M()
                {
                    var a = new TestRequest("p", {|#0:0.5|});
                    var b = new TestRequest(fps: {|#1:75|}, prompt: "p");
                    var c = TestRequest.WithFps({|#2:100|});
                    a.SetNumFrames({|#3:8|});
                }
            }
            """,
            Diagnostic("LTX1001").WithLocation(0).WithArguments(Model, "fps must be between 1 and 60 (got 0.5)."),
            Diagnostic("LTX1001").WithLocation(1).WithArguments(Model, "fps must be between 1 and 60 (got 75)."),
            Diagnostic("LTX1001").WithLocation(2).WithArguments(Model, "fps must be between 1 and 60 (got 100)."),
            Diagnostic("LTX1001").WithLocation(3).WithArguments(Model, "numFrames must be between 9 and 257 (got 8)."));

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task In_range_bounds_and_non_constant_values_are_not_reported(LanguageVersion version) => VerifyAsync(version, """
            using Demo;
            class C
            {
                const int Sixty = 60;
                void M(double fps, int frames)
                {
                    var r = new TestRequest { Fps = 1, NumFrames = 257, Strength = 0.5, Seed = 0 };
                    r.Fps = Sixty;
                    r.Fps = fps;
                    r.Fps = fps * 100;
                    r.Fps = null;
                    r.NumFrames = frames;
                    r.Unmarked = 1000;
                    var s = new TestRequest("p", fps);
                    var t = new TestRequest("p", 30);
                    var u = r.SetNumFrames(frames);
                }
            }
            """);

        [Fact]
        public Task Editorconfig_can_turn_a_rule_off() => new AnalyzerTest(LanguageVersion.CSharp9)
        {
            TestState =
            {
                Sources =
                {
                    "using Demo;\nclass C { TestRequest M() => new TestRequest { Fps = 120 }; }\n",
                    ("Models.cs", TestModels.Source),
                },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.LTX1001.severity = none\n") },
            },
        }.RunAsync();
    }
}
