using LtxCodegen.Models;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary><see cref="ValidationError.ToString"/> names the parameter once.</summary>
    public sealed class ValidationErrorTests
    {
        [Fact]
        public void A_message_that_names_the_parameter_is_not_prefixed_again()
        {
            Assert.Equal("startImage is required.", new ValidationError("startImage", ValidationRule.Required, "startImage is required.").ToString());
            Assert.Equal("fps = 120 is outside 1–60.", new ValidationError("fps", ValidationRule.Range, "fps = 120 is outside 1–60.").ToString());
        }

        [Fact]
        public void A_message_that_does_not_name_it_is_prefixed()
        {
            Assert.Equal("fps: The value is too large.", new ValidationError("fps", ValidationRule.Range, "The value is too large.").ToString());
            // 'fpsMax' or 'maxfps' is not 'fps': whole names only.
            Assert.Equal("fps: fpsMax is smaller.", new ValidationError("fps", ValidationRule.Range, "fpsMax is smaller.").ToString());
        }

        [Fact]
        public void Generated_validation_errors_and_the_exception_message_name_each_parameter_once()
        {
            var errors = new Ltx2_19bExtendVideoRequest { Prompt = null!, Video = null!, Fps = 120 }.Validate();

            Assert.NotEmpty(errors);
            foreach (var error in errors)
            {
                Assert.DoesNotContain(error.Parameter + ": " + error.Parameter, error.ToString());
            }

            var exception = new ScenarioValidationException(Ltx2_19bExtendVideoModel.Id, errors);
            Assert.DoesNotContain("prompt: prompt", exception.Message);
            Assert.Contains("prompt", exception.Message);
        }
    }
}
