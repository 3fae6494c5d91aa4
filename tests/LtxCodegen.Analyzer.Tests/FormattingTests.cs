using System.Collections.Immutable;
using LtxCodegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LtxCodegen.Analyzer.Tests
{
    /// <summary>The pieces the messages and fixes are made of: closest options, literals and ranges (invariant culture).</summary>
    public sealed class FormattingTests
    {
        private static readonly ImmutableArray<string> Modalities = ImmutableArray.Create("none", "canny", "depth", "pose", "detailer");

        [Theory]
        [InlineData("cany", "canny")]
        [InlineData("CANNY", "canny")]
        [InlineData("dept", "depth")]
        [InlineData("detail", "detailer")]
        [InlineData("poses", "pose")]
        public void Closest_option_prefers_case_insensitive_equality_then_edit_distance(string value, string expected) =>
            Assert.Equal(expected, OptionMatcher.Closest(Modalities, value));

        [Fact]
        public void Numeric_options_match_numerically()
        {
            var steps = ImmutableArray.Create("20", "40", "60");
            Assert.True(OptionMatcher.AreNumbers(steps));
            Assert.False(OptionMatcher.AreNumbers(Modalities));
            Assert.Null(OptionMatcher.ClosestNumber(steps, 40));
            Assert.Equal(40, OptionMatcher.ClosestNumber(steps, 45));
        }

        [Theory]
        [InlineData(1.0, 60.0, "between 1 and 60")]
        [InlineData(0.1, double.NaN, "at least 0.1")]
        [InlineData(double.NaN, 4096.0, "at most 4096")]
        public void Ranges_read_like_the_runtime_says_them(double minimum, double maximum, string expected) =>
            Assert.Equal(expected, ScenarioRuleMath.Bounds(minimum, maximum));

        [Theory]
        [InlineData(SpecialType.System_Double, 60.0, "60")]
        [InlineData(SpecialType.System_Double, 0.5, "0.5")]
        [InlineData(SpecialType.System_Double, -2.0, "-2")]
        [InlineData(SpecialType.System_Int32, 1024.0, "1024")]
        [InlineData(SpecialType.System_Single, 0.25, "0.25f")]
        [InlineData(SpecialType.System_Decimal, 1.5, "1.5m")]
        [InlineData(SpecialType.System_Double, 1e20, "1E+20")]
        public void Literals_convert_to_the_target_type(SpecialType type, double value, string expected)
        {
            var compilation = CSharpCompilation.Create("X", references: Infrastructure.TestReferences.All);
            Assert.Equal(expected, ValueFormatter.Literal(value, compilation.GetSpecialType(type)));
        }

        [Fact]
        public void Literals_look_through_nullable()
        {
            var compilation = CSharpCompilation.Create("X", references: Infrastructure.TestReferences.All);
            var nullableInt = compilation.GetSpecialType(SpecialType.System_Nullable_T).Construct(compilation.GetSpecialType(SpecialType.System_Int32));
            Assert.Equal("257", ValueFormatter.Literal(257.0, nullableInt));
        }

        [Fact]
        public void String_literals_are_escaped() =>
            Assert.Equal("\"a\\\"b\\n\"", ValueFormatter.Literal("a\"b\n"));
    }
}
