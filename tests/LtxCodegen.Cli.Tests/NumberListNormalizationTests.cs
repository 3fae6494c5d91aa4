using System.CommandLine;
using System.Linq;
using System.Text.Json;

namespace LtxCodegen.Cli.Tests
{
    /// <summary>
    /// A list of numbers with a multiple the service rounds to is normalized item by item, like a single number: in the
    /// rule engine (typed Validate() and the JSON validator) and in the CLI's body.
    /// </summary>
    public sealed class NumberListNormalizationTests
    {
        private static readonly ScenarioParameterDescriptor Sizes =
            new ScenarioParameterDescriptor("sizes", "Sizes", ScenarioParameterType.NumberArray, minimum: 64, maximum: 1000, multipleOf: 64);

        private static readonly ScenarioModelDescriptor Model = new ScenarioModelDescriptor("model_sizes", "Sizes", "Sizes", new[] { Sizes });

        [Fact]
        public void Each_item_is_judged_as_sent_by_the_engine_and_the_json_validator()
        {
            var check = new ScenarioRuleCheck(Model);
            check.Numbers(0, new[] { 1000.0, 70, 5000 });
            var typed = check.Finish().Select(e => e.Message).ToArray();
            // 1000 -> 960 (1024 is past the maximum), 70 -> 64, 5000 -> 4992 (out of range: only rounded, then reported).
            Assert.Equal(new[] { "sizes[2] must be between 64 and 1000 (got 4992)." }, typed);

            using var doc = JsonDocument.Parse("{\"sizes\":[1000,70,5000]}");
            Assert.Equal(typed, ScenarioRequestValidator.Validate(Model, doc.RootElement).Select(e => e.Message).ToArray());
        }

        [Fact]
        public void The_cli_body_rounds_each_item()
        {
            var options = new ParameterOptions(Model);
            var command = new RootCommand();
            foreach (var option in options.Options)
            {
                command.Options.Add(option);
            }

            var body = options.BuildBody(command.Parse(new[] { "--sizes", "1000", "70", "130" }));
            Assert.Equal("{\"sizes\":[960,64,128]}", body.ToJsonString());
        }
    }
}
