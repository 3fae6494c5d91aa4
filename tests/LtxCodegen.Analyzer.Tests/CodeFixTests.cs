using System.Threading.Tasks;
using LtxCodegen.Analyzer.Tests.Infrastructure;
using LtxCodegen.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Analyzer.Tests
{
    /// <summary>
    /// The code fixes. The verifier applies each fix one diagnostic at a time and then with fix-all in document, project
    /// and solution scope, and checks that the result has no diagnostic left (or exactly the expected ones).
    /// </summary>
    public sealed class CodeFixTests
    {
        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Clamp_to_the_nearest_bound(LanguageVersion version) => CodeFixTest<ReplaceValueCodeFixProvider>.VerifyAsync("""
            using Demo;
            class C
            {
                const int MaxFps = 90;
                void M(TestRequest r)
                {
                    var a = new TestRequest { Fps = {|LTX1001:120|}, Strength = {|LTX1001:-0.5|} };
                    r.Fps = {|LTX1001:30 * 4|};
                    r.Fps = {|LTX1001:MaxFps|} /* keep */;
                    r.NumFrames = {|LTX1001:(int)300.7|};
                    var b = new TestRequest("p", {|LTX1001:0.5|});
                }
            }
            """, """
            using Demo;
            class C
            {
                const int MaxFps = 90;
                void M(TestRequest r)
                {
                    var a = new TestRequest { Fps = 60, Strength = 0 };
                    r.Fps = 60;
                    r.Fps = 60 /* keep */;
                    r.NumFrames = 257;
                    var b = new TestRequest("p", 1);
                }
            }
            """, version);

        [Fact]
        public Task Clamp_in_a_with_expression() => CodeFixTest<ReplaceValueCodeFixProvider>.VerifyAsync("""
            using Demo;
            class C { TestRecord M(TestRecord r) => r with { Fps = {|LTX1001:61|} }; }
            """, """
            using Demo;
            class C { TestRecord M(TestRecord r) => r with { Fps = 60 }; }
            """);

        [Fact]
        public Task Round_to_the_multiple() => CodeFixTest<ReplaceValueCodeFixProvider>.VerifyAsync("""
            using Demo;
            class C
            {
                void M(TestRequest r)
                {
                    var a = new TestRequest { Width = {|LTX1005:1000|}, Height = {|LTX1005:500|} };
                    r.FrameSize = {|LTX1006:100|};
                }
            }
            """, """
            using Demo;
            class C
            {
                void M(TestRequest r)
                {
                    var a = new TestRequest { Width = 1024, Height = 512 };
                    r.FrameSize = 96;
                }
            }
            """);

        [Fact]
        public Task Replace_an_unknown_option_with_the_closest_known_one() => CodeFixTest<ReplaceValueCodeFixProvider>.VerifyAsync("""
            using Demo;
            class C
            {
                void M(TestRequest r)
                {
                    var a = new TestRequest { Modality = {|LTX1002:"cany"|}, CameraMotion = {|LTX1003:"Pan_Left"|} };
                    r.Steps = {|LTX1002:45|};
                }
            }
            """, """
            using Demo;
            class C
            {
                void M(TestRequest r)
                {
                    var a = new TestRequest { Modality = "canny", CameraMotion = "pan_left" };
                    r.Steps = 40;
                }
            }
            """);

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public Task Add_the_missing_pair_member_with_the_partner_value(LanguageVersion version) => CodeFixTest<AddPairMemberCodeFixProvider>.VerifyAsync("""
            using Demo;
            class C
            {
                void M()
                {
                    var a = new TestRequest { {|LTX1004:Width = 1024|} };
                    var b = new TestRequest { Fps = 24, {|LTX1004:Height = 512|}, Prompt = "p" };
                    var c = new TestRequest
                    {
                        Prompt = "p",
                        {|LTX1004:Width = 2048|},
                    };
                    var d = new TestRequest
                    {
                        {|LTX1004:Height = 256|}
                    };
                }
            }
            """, """
            using Demo;
            class C
            {
                void M()
                {
                    var a = new TestRequest { Width = 1024, Height = 1024 };
                    var b = new TestRequest { Fps = 24, Height = 512, Width = 512, Prompt = "p" };
                    var c = new TestRequest
                    {
                        Prompt = "p",
                        Width = 2048,
                        Height = 2048,
                    };
                    var d = new TestRequest
                    {
                        Height = 256,
                        Width = 256
                    };
                }
            }
            """, version);

        [Fact]
        public Task Add_the_missing_pair_member_with_a_TODO_value_when_the_partner_is_not_constant() =>
            CodeFixTest<AddPairMemberCodeFixProvider>.VerifyAsync("""
            using Demo;
            class C { TestRequest M(double w) => new TestRequest { {|LTX1004:Width = w|} }; }
            """, """
            using Demo;
            class C { TestRequest M(double w) => new TestRequest { Width = w, Height = default /* TODO: set height */ }; }
            """);

        [Fact]
        public async Task Fix_all_in_project_and_solution_scope_covers_every_document()
        {
            var test = new CodeFixTest<ReplaceValueCodeFixProvider>(LanguageVersion.CSharp9);
            test.TestState.Sources.Insert(0, ("A.cs", SourceText.From("using Demo;\nclass A { TestRequest M() => new TestRequest { Fps = {|LTX1001:0|}, Width = {|LTX1005:100|}, Height = {|LTX1005:100|} }; }\n")));
            test.TestState.Sources.Insert(1, ("B.cs", SourceText.From("using Demo;\nclass B { void M(TestRequest r) { r.Fps = {|LTX1001:61|}; r.Modality = {|LTX1002:\"pos\"|}; } }\n")));
            test.FixedState.Sources.Insert(0, ("A.cs", SourceText.From("using Demo;\nclass A { TestRequest M() => new TestRequest { Fps = 1, Width = 128, Height = 128 }; }\n")));
            test.FixedState.Sources.Insert(1, ("B.cs", SourceText.From("using Demo;\nclass B { void M(TestRequest r) { r.Fps = 60; r.Modality = \"pose\"; } }\n")));
            await test.RunAsync();
        }
    }
}
