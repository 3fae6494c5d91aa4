using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static LtxCodegen.Generator.Tests.Hardening.HardeningDocs;

namespace LtxCodegen.Generator.Tests.Hardening
{
    /// <summary>Huge and fractional numbers give compiling constants, or a located LTXG0010 and no constant.</summary>
    public class NumberTests
    {
        private static object? Constant(GenerationRun run, string type, string name) =>
            run.Output.GetTypeByMetadataName("Consumer.Models." + type)!.GetMembers(name).OfType<IFieldSymbol>().Single().ConstantValue;

        [Fact]
        public void An_integer_default_beyond_long_is_reported_at_its_row_and_not_generated()
        {
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("n.md", Page("model_n", "| `prompt` | string | yes | - | P |", "| `seed` | integer | - | `18446744073709551615` | Seed |")),
            });

            Compiles(run);
            var d = Assert.Single(Located(run, "LTXG0010"));
            Assert.Equal(8, Line(d));
            Assert.Contains("64-bit integer", d.GetMessage());
            Assert.Empty(run.Output.GetTypeByMetadataName("Consumer.Models.NRequest")!.GetMembers("DefaultSeed"));
        }

        [Theory]
        [InlineData("10000000000000000", 10000000000000000L)]
        [InlineData("1e16", 10000000000000000L)]
        [InlineData("9007199254740993", 9007199254740992L)] // the nearest double: what the generator reads
        [InlineData("-9223372036854775808", long.MinValue)]
        public void Integer_defaults_of_1e16_and_more_are_long_constants(string text, long expected)
        {
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("n.md", Page("model_n", "| `prompt` | string | yes | - | P |", "| `seed` | integer | - | `" + text + "` | Seed |")),
            });

            Compiles(run);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Equal(expected, Constant(run, "NRequest", "DefaultSeed"));
        }

        [Fact]
        public void A_fractional_default_on_a_parameter_another_doc_makes_integer_is_reported()
        {
            var json = ModelJson("model_n", "{\"name\": \"prompt\", \"type\": \"string\"}", "{\"name\": \"steps\", \"type\": \"number\", \"default\": 0.5}");
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("a.json", json),
                HardeningDocs.Schema("b.md", Page("model_n", "| `prompt` | string | yes | - | P |", "| `steps` | integer | - | - | Steps |")),
            });

            Compiles(run);
            Assert.Single(Located(run, "LTXG0010"));
            Assert.Empty(run.Output.GetTypeByMetadataName("Consumer.Models.NRequest")!.GetMembers("DefaultSteps"));
        }

        [Fact]
        public void Extreme_ranges_steps_and_allowed_numbers_compile()
        {
            var json = ModelJson("model_n",
                "{\"name\": \"a\", \"type\": \"integer\", \"min\": -1e300, \"max\": 1e300, \"step\": 1e20, \"default\": 9007199254740992}",
                "{\"name\": \"b\", \"type\": \"number\", \"min\": 5e-324, \"max\": 1.7976931348623157e308, \"default\": -0}",
                "{\"name\": \"c\", \"type\": \"integer\", \"allowedValues\": [1e18, -1e18, 3]}");
            var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("n.json", json) });
            Compiles(run);
            Assert.Equal(9007199254740992L, Constant(run, "NRequest", "DefaultA"));
        }
    }
}
