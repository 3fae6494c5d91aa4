using System.Linq;
using LtxCodegen.Schema;
using LtxCodegen.Schema.Model;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>The model holds typed values: defaults as <see cref="DocValue"/>, rules as <see cref="Sourced{T}"/>, numeric options as numbers.</summary>
    public sealed class TypedModelValuesTests
    {
        private const string Page = "# T — API Reference\n\n**Model ID:** `model_typed`\n\n| Parameter | Type | Required | Default | Description |\n|---|---|---|---|---|\n" +
            "| `prompt` | string | yes | `a \"quoted\" cat` | P |\n" +
            "| `seed` | integer | - | `1E+16` | Seed |\n" +
            "| `strength` | number | - | `0.25` | Strength (0-1). |\n" +
            "| `loop` | boolean | - | `true` | Loop |\n" +
            "| `sizes` | number[] | - | `[1, 2.5]` | Sizes |\n";

        private static ParameterSpec Parameter(string wireName) =>
            ModelDocs.Merge(new[] { ModelDocs.Read("/p/schemas/t.md", Page) }).Models.Single().Parameters.Single(p => p.WireName == wireName);

        [Fact]
        public void Defaults_are_typed_once_with_their_json_text()
        {
            var prompt = Parameter("prompt").Default!;
            Assert.Equal((DocValueKind.String, "a \"quoted\" cat", "\"a \\\"quoted\\\" cat\""), (prompt.Kind, prompt.Text, prompt.Json));

            var seed = Parameter("seed").Default!;
            Assert.Equal((DocValueKind.Number, 1e16, (long?)10000000000000000L), (seed.Kind, seed.Number, seed.Integer));

            var strength = Parameter("strength").Default!;
            Assert.Equal((DocValueKind.Number, 0.25, (long?)null, "0.25"), (strength.Kind, strength.Number, strength.Integer, strength.Json));

            var loop = Parameter("loop").Default!;
            Assert.Equal((DocValueKind.Boolean, true), (loop.Kind, loop.Boolean));

            var sizes = Parameter("sizes").Default!;
            Assert.Equal(DocValueKind.List, sizes.Kind);
            Assert.Equal(new[] { 1.0, 2.5 }, sizes.Items.Select(i => i.Number));
        }

        [Fact]
        public void Rules_carry_their_origin_in_one_value()
        {
            var strength = Parameter("strength");
            Assert.Equal(new Sourced<double>(0, RuleOrigin.Prose), strength.Minimum);
            Assert.Equal(new Sourced<double>(1, RuleOrigin.Prose), strength.Maximum);
            Assert.True(strength.HasProseRules);
            Assert.Null(Parameter("seed").Minimum);
        }

        [Fact]
        public void The_model_is_value_equal_when_read_twice()
        {
            var first = ModelDocs.Merge(new[] { ModelDocs.Read("/p/schemas/t.md", Page) });
            var second = ModelDocs.Merge(new[] { ModelDocs.Read("/p/schemas/t.md", Page) });
            Assert.Equal(first, second);
            Assert.NotEqual(first, ModelDocs.Merge(new[] { ModelDocs.Read("/p/schemas/t.md", Page.Replace("`0.25`", "`0.5`")) }));
        }

        [Fact]
        public void Numeric_options_are_numbers_and_follow_the_options()
        {
            var spec = new ParameterSpec { WireName = "n", Kind = ParameterKind.Integer, Options = new[] { "1", "3000000000", "x" }.ToEquatableArray() };
            Assert.Equal(new[] { 1.0, 3e9 }, spec.NumericOptions);
            Assert.Empty((spec with { Options = EquatableArray<string>.Empty }).NumericOptions);
            Assert.Equal(new[] { 2.0 }, (spec with { Options = new[] { "2" }.ToEquatableArray() }).NumericOptions);
        }
    }
}
