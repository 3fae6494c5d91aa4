using System.Linq;
using Xunit;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>The compact parameter table generated code stores (read by ScenarioModelDescriptor.FromTable).</summary>
    public sealed class ScenarioDescriptorTableTests
    {
        [Fact]
        public void Reads_every_field_with_escapes_nulls_and_empty_strings()
        {
            var d = ScenarioModelDescriptor.FromTable(
                "model_x", "X", "X", null,
                "w|W|Integer|15|a ~| b ~~ c|4|1|8|2|3|video|other|3|a|~0|b~|c|2|p|1|msg|q|0||" +
                "s|S|String||||||||||||");
            Assert.Equal(2, d.Parameters.Count);
            var w = d.Parameters[0];
            Assert.Equal("w", w.WireName);
            Assert.Equal("W", w.PropertyName);
            Assert.Equal(ScenarioParameterType.Integer, w.Type);
            Assert.True(w.IsRequired && w.MultipleOfIsError && w.OptionsAreClosed && w.HasProseRules);
            Assert.Equal("a | b ~ c", w.Description);
            Assert.Equal("4", w.DefaultJson);
            Assert.Equal(1.0, w.Minimum);
            Assert.Equal(8.0, w.Maximum);
            Assert.Equal(2.0, w.MultipleOf);
            Assert.Equal(3, w.MaxLength);
            Assert.Equal("video", w.AssetKind);
            Assert.Equal("other", w.PairedWith);
            Assert.Equal(new[] { "a", string.Empty, "b|c" }, w.Options.ToArray());
            Assert.Equal(2, w.Conditions.Count);
            Assert.Equal("p", w.Conditions[0].OtherWireName);
            Assert.True(w.Conditions[0].WhenOtherIsSet);
            Assert.Equal("msg", w.Conditions[0].Message);
            Assert.False(w.Conditions[1].WhenOtherIsSet);
            Assert.Null(w.Conditions[1].Message);

            var s = d.Find("s")!;
            Assert.Equal(ScenarioParameterType.String, s.Type);
            Assert.False(s.IsRequired || s.MultipleOfIsError || s.OptionsAreClosed || s.HasProseRules);
            Assert.Null(s.Description);
            Assert.Null(s.DefaultJson);
            Assert.Null(s.Minimum);
            Assert.Null(s.MaxLength);
            Assert.Empty(s.Options);
            Assert.Empty(s.Conditions);
        }

        [Theory]
        [InlineData("w|W|Integer")]
        [InlineData("w|W|Bogus|||||||||||||")]
        [InlineData("w|W|String||~")]
        public void A_malformed_table_is_a_format_error(string table) =>
            Assert.Throws<System.FormatException>(() => ScenarioModelDescriptor.FromTable("m", "m", "m", null, table));
    }
}
