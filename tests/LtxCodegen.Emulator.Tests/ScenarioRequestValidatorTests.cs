using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace LtxCodegen.Emulator.Tests
{
    public class ScenarioRequestValidatorTests
    {
        private static IReadOnlyList<ValidationError> Validate(string json, ScenarioModelDescriptor? model = null)
        {
            using var doc = JsonDocument.Parse(json);
            return ScenarioRequestValidator.Validate(model ?? TestModels.ExtendVideo, doc.RootElement);
        }

        [Fact]
        public void Valid_body_with_every_default_has_no_error()
        {
            var errors = Validate("{\"prompt\":\"p\",\"video\":\"asset_1\",\"videoStrength\":1,\"extendDuration\":4,\"aspectRatio\":\"auto\",\"resolution\":\"auto\"," +
                                  "\"numInferenceSteps\":40,\"guidanceScale\":3,\"cameraMotion\":\"none\",\"cameraMotionStrength\":1,\"generateAudio\":true," +
                                  "\"audioStrength\":1,\"enhancePrompt\":false,\"width\":640,\"height\":384,\"seed\":7}");
            Assert.Empty(errors);
        }

        [Fact]
        public void Missing_required_parameters_give_one_error_each()
        {
            var errors = Validate("{}");
            Assert.Equal(new[] { "prompt", "video" }, errors.Select(e => e.Parameter));
            Assert.All(errors, e => Assert.Equal(ValidationRule.Required, e.Rule));
        }

        [Fact]
        public void Empty_required_string_is_missing_and_null_counts_as_unset()
        {
            var errors = Validate("{\"prompt\":\"  \",\"video\":null}");
            Assert.Equal(2, errors.Count);
            Assert.All(errors, e => Assert.Equal(ValidationRule.Required, e.Rule));
            Assert.Empty(Validate("{\"prompt\":\"p\",\"video\":\"a\",\"fps\":null}"));
        }

        [Fact]
        public void Unknown_parameter_is_reported_with_a_suggestion()
        {
            var error = Assert.Single(Validate("{\"prompt\":\"p\",\"video\":\"a\",\"FPS\":24}"));
            Assert.Equal("FPS", error.Parameter);
            Assert.Equal(ValidationRule.Type, error.Rule);
            Assert.Contains("did you mean 'fps'", error.Message);
        }

        [Theory]
        [InlineData("\"prompt\":5", "prompt", "must be a string")]
        [InlineData("\"fps\":\"24\"", "fps", "must be a number")]
        [InlineData("\"generateAudio\":\"yes\"", "generateAudio", "true or false")]
        [InlineData("\"numInferenceSteps\":40.5", "numInferenceSteps", "whole number")]
        public void Wrong_types_are_reported(string member, string parameter, string expected)
        {
            var body = "{\"prompt\":\"p\",\"video\":\"a\"," + member + "}";
            body = body.Replace("\"prompt\":\"p\",\"video\":\"a\",\"prompt\":5", "\"video\":\"a\",\"prompt\":5");
            var error = Assert.Single(Validate(body));
            Assert.Equal(parameter, error.Parameter);
            Assert.Equal(ValidationRule.Type, error.Rule);
            Assert.Contains(expected, error.Message);
        }

        [Theory]
        [InlineData("fps", "0", "between 1 and 60")]
        [InlineData("fps", "61", "between 1 and 60")]
        [InlineData("videoStrength", "1.5", "between 0 and 1")]
        [InlineData("contextDuration", "0.05", "at least 0.1")]
        [InlineData("seed", "-1", "at least 0")]
        public void Out_of_range_numbers_are_reported(string parameter, string value, string expected)
        {
            var error = Assert.Single(Validate("{\"prompt\":\"p\",\"video\":\"a\",\"" + parameter + "\":" + value + "}"));
            Assert.Equal(parameter, error.Parameter);
            Assert.Equal(ValidationRule.Range, error.Rule);
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void Closed_options_refuse_other_values_and_list_the_allowed_ones()
        {
            var error = Assert.Single(Validate("{\"prompt\":\"p\",\"video\":\"a\",\"cameraMotion\":\"orbit\"}"));
            Assert.Equal(ValidationRule.Options, error.Rule);
            Assert.Contains("dolly_in", error.Message);
            Assert.Contains("(got 'orbit')", error.Message);
        }

        [Fact]
        public void Pair_needs_both_and_reports_once()
        {
            var error = Assert.Single(Validate("{\"prompt\":\"p\",\"video\":\"a\",\"width\":640}"));
            Assert.Equal("width", error.Parameter);
            Assert.Equal(ValidationRule.Pair, error.Rule);
            Assert.Equal("width must be used with height.", error.Message);
        }

        [Fact]
        public void Multiple_of_is_an_error_only_when_the_doc_says_so()
        {
            var strict = new ScenarioModelDescriptor("m", "M", "M", new[]
            {
                new ScenarioParameterDescriptor("w", "W", ScenarioParameterType.Integer, minimum: 64, multipleOf: 64, multipleOfIsError: true),
                new ScenarioParameterDescriptor("h", "H", ScenarioParameterType.Integer, multipleOf: 64),
            });
            var error = Assert.Single(Validate("{\"w\":100,\"h\":100}", strict));
            Assert.Equal("w", error.Parameter);
            Assert.Equal(ValidationRule.MultipleOf, error.Rule);
            Assert.Empty(Validate("{\"w\":128,\"h\":100}", strict));
        }

        [Fact]
        public void Max_length_applies_to_strings_and_lists()
        {
            var model = new ScenarioModelDescriptor("m", "M", "M", new[]
            {
                new ScenarioParameterDescriptor("prompt", "Prompt", ScenarioParameterType.String, maxLength: 5),
                new ScenarioParameterDescriptor("refs", "Refs", ScenarioParameterType.AssetArray, maxLength: 2),
            });
            var errors = Validate("{\"prompt\":\"toolong\",\"refs\":[\"a\",\"b\",\"c\"]}", model);
            Assert.Equal(new[] { "prompt", "refs" }, errors.Select(e => e.Parameter));
            Assert.All(errors, e => Assert.Equal(ValidationRule.MaxLength, e.Rule));
        }

        [Fact]
        public void Conditional_requirements_follow_if_defined_and_if_not_defined()
        {
            var model = new ScenarioModelDescriptor("m", "M", "M", new[]
            {
                new ScenarioParameterDescriptor("image", "Image", ScenarioParameterType.Asset,
                    conditions: new[] { new ScenarioConditionalRequirement("lastFrameImage", true, "A first frame must be provided if a last frame is set.") }),
                new ScenarioParameterDescriptor("lastFrameImage", "LastFrameImage", ScenarioParameterType.Asset),
                new ScenarioParameterDescriptor("prompt", "Prompt", ScenarioParameterType.String,
                    conditions: new[] { new ScenarioConditionalRequirement("image", false) }),
            });
            var errors = Validate("{\"lastFrameImage\":\"x\"}", model);
            Assert.Equal(new[] { "image", "prompt" }, errors.Select(e => e.Parameter));
            Assert.All(errors, e => Assert.Equal(ValidationRule.ConditionalRequired, e.Rule));
            Assert.Contains("A first frame must be provided", errors[0].Message);
            Assert.Empty(Validate("{\"lastFrameImage\":\"x\",\"image\":\"y\"}", model));
        }

        [Fact]
        public void Number_lists_check_item_types_and_ranges()
        {
            var model = new ScenarioModelDescriptor("m", "M", "M", new[]
            {
                new ScenarioParameterDescriptor("scales", "Scales", ScenarioParameterType.NumberArray, minimum: 0, maximum: 2),
                new ScenarioParameterDescriptor("tags", "Tags", ScenarioParameterType.StringArray, options: new[] { "a", "b" }, optionsAreClosed: true),
            });
            var errors = Validate("{\"scales\":[1,3,4],\"tags\":[\"a\",\"z\"]}", model);
            Assert.Equal(new[] { ValidationRule.Range, ValidationRule.Options }, errors.Select(e => e.Rule));
            var typeError = Assert.Single(Validate("{\"scales\":[1,\"x\"]}", model));
            Assert.Equal(ValidationRule.Type, typeError.Rule);
        }

        [Fact]
        public void Every_problem_of_a_body_is_reported_together()
        {
            var errors = Validate("{\"video\":3,\"fps\":0,\"cameraMotion\":\"orbit\",\"width\":640,\"bogus\":1}");
            Assert.Equal(new[] { "prompt", "video", "width", "fps", "cameraMotion", "bogus" }, errors.Select(e => e.Parameter));
        }

        [Fact]
        public void A_body_that_is_not_an_object_is_one_type_error()
        {
            var error = Assert.Single(Validate("[1,2]"));
            Assert.Equal("$", error.Parameter);
            Assert.Equal(ValidationRule.Type, error.Rule);
        }
    }
}
