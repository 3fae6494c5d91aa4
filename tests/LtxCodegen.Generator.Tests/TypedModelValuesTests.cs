using System;
using System.Collections.Generic;
using System.Linq;
using LtxCodegen.Schema;
using LtxCodegen.Schema.Model;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>The model holds typed values: defaults as <see cref="DocValue"/>, rules as <see cref="Sourced{T}"/>, allowed values as one <see cref="OptionSet"/>.</summary>
    public sealed class TypedModelValuesTests
    {
        private const string Page = "# T — API Reference\n\n**Model ID:** `model_typed`\n\n| Parameter | Type | Required | Default | Description |\n|---|---|---|---|---|\n" +
            "| `prompt` | string | yes | `a \"quoted\" cat` | P |\n" +
            "| `seed` | integer | - | `1E+16` | Seed |\n" +
            "| `strength` | number | - | `0.25` | Strength (0-1). |\n" +
            "| `loop` | boolean | - | `true` | Loop |\n" +
            "| `sizes` | number[] | - | `[1, 2.5]` | Sizes |\n";

        private const string OptionsHeader = "| Parameter | Type | Required | Allowed Values | Description |\n|---|---|---|---|---|\n";

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
        public void Allowed_values_are_one_value_equal_option_set_with_numbers_read_once()
        {
            var options = OptionSet.Of(new[] { "1", "3000000000", "x" }, isClosed: true, RuleOrigin.Structured)!;
            Assert.Equal(new[] { "1", "3000000000", "x" }, options.Value.Values);
            Assert.Equal(new[] { 1.0, 3e9 }, options.Value.Numbers);
            Assert.True(options.Value.IsClosed);
            Assert.Equal(RuleOrigin.Structured, options.Origin);

            // Value-equal (the incremental pipeline compares specs): same values, closedness and origin are equal.
            Assert.Equal(options, OptionSet.Of(new List<string> { "1", "3000000000", "x" }, isClosed: true, RuleOrigin.Structured));
            Assert.NotEqual(options, OptionSet.Of(new[] { "1", "3000000000", "x" }, isClosed: false, RuleOrigin.Structured));
            Assert.NotEqual(options, OptionSet.Of(new[] { "1", "3000000000", "x" }, isClosed: true, RuleOrigin.Prose));
            Assert.NotEqual(options, OptionSet.Of(new[] { "1", "3000000000" }, isClosed: true, RuleOrigin.Structured));

            // No values is no option set; numbers always follow the values.
            Assert.Null(OptionSet.Of(Array.Empty<string>(), isClosed: true, RuleOrigin.Structured));
            Assert.Null(OptionSet.Of(null, isClosed: false, RuleOrigin.Prose));
            Assert.Equal(new[] { 2.0 }, new OptionSet(new[] { "2" }.ToEquatableArray(), isClosed: false).Numbers);
            Assert.Empty(new OptionSet(new[] { "a", "b" }.ToEquatableArray(), isClosed: false).Numbers);

            var spec = new ParameterSpec { WireName = "n", Kind = ParameterKind.Integer, Options = options };
            Assert.False(spec.HasProseRules);
            Assert.True((spec with { Options = OptionSet.Of(new[] { "1" }, isClosed: false, RuleOrigin.Prose) }).HasProseRules);
        }

        [Fact]
        public void Allowed_values_are_read_with_their_origin_and_closedness()
        {
            // A table's "Allowed values" column is a closed, structured list; numeric values are normalized and read once.
            var table = ModelDocs.Read("/p/schemas/o.md", "# O\n\n**Model ID:** `model_o`\n\n" + OptionsHeader
                + "| `steps` | integer | No | `2`, `04` | Steps. |\n| `mode` | string | No | - | Possible values are: fast, slow. |\n");
            var steps = table.Models[0].Parameters.Single(p => p.WireName == "steps").Options!;
            Assert.Equal(new[] { "2", "4" }, steps.Value.Values);
            Assert.Equal(new[] { 2.0, 4.0 }, steps.Value.Numbers);
            Assert.True(steps.Value.IsClosed);
            Assert.Equal(RuleOrigin.Structured, steps.Origin);

            // Values read from the description are an open list of prose origin.
            var mode = table.Models[0].Parameters.Single(p => p.WireName == "mode");
            Assert.Equal(new[] { "fast", "slow" }, mode.Options!.Value.Values);
            Assert.False(mode.Options.Value.IsClosed);
            Assert.Equal(RuleOrigin.Prose, mode.Options.Origin);
            Assert.True(mode.HasProseRules);
        }
    }
}
