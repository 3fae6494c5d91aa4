using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Parsing;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    public class ProseRulesTests
    {
        [Theory]
        [InlineData("Audio conditioning strength (0-1). Higher preserves more.", 0, 1)]
        [InlineData("Output frame rate (1-60 fps). Leave empty to match input video.", 1, 60)]
        [InlineData("Output video duration in seconds (3-20). Leave empty to match input video.", 3, 20)]
        [InlineData("Video duration in seconds (4\u201315).", 4, 15)]
        [InlineData("Pick a value between 1 and 10.", 1, 10)]
        [InlineData("Number of images, between 1\u20134.", 1, 4)]
        [InlineData("Choose the level of creativity from 0 to 1. Defaults to 0.", 0, 1)]
        [InlineData("How closely to follow the prompt (1.0-10.0)", 1, 10)]
        [InlineData("Strength of camera motion (0-2). Higher values = stronger effect.", 0, 2)]
        public void Ranges_in_words_are_read(string description, double min, double max)
        {
            var found = ProseRules.Read(description, ParameterKind.Number, null);
            Assert.Equal(min, found.Minimum);
            Assert.Equal(max, found.Maximum);
        }

        [Theory]
        [InlineData("Guidance (recommended range: 8-12).")]
        [InlineData("Recommended range 0.3\u20130.8. Starting points: canny ~0.7.")]
        [InlineData("Duration in seconds (4\u201315), or Auto: bill at the longest clip (clamped 4\u201315s).")]
        [InlineData("Either (1-5) or (2-8) depending on the mode.")]
        [InlineData("Audio file for voice/music synchronization. 3-30s, \u226415MB.")]
        [InlineData("Ideal images are 16:9 or 9:16 and 1280x720 or 720x1280.")]
        public void Advice_and_ambiguous_text_gives_no_range(string description)
        {
            // The seedance duration default -1 (Auto) contradicts (4-15): no rule is better than a wrong one.
            var found = ProseRules.Read(description, ParameterKind.Number, "-1");
            Assert.Null(found.Minimum);
            Assert.Null(found.Maximum);
        }

        [Fact]
        public void Ranges_are_not_applied_to_strings_but_character_limits_are()
        {
            var found = ProseRules.Read("Text prompt describing the video content and transitions (1-5000 characters)", ParameterKind.String, null);
            Assert.Null(found.Minimum);
            Assert.Equal(5000, found.MaxLength);
            Assert.Equal(2500, ProseRules.Read("Supports templates. Max 2500 characters.", ParameterKind.String, null).MaxLength);
        }

        [Fact]
        public void Up_to_n_limits_a_list()
        {
            Assert.Equal(9, ProseRules.Read("Reference images for multimodal mode (up to 9).", ParameterKind.AssetArray, null).MaxLength);
            Assert.Null(ProseRules.Read("Reference images for multimodal mode (up to 9).", ParameterKind.Number, null).MaxLength);
        }

        [Fact]
        public void Pairs_and_multiples_are_read()
        {
            var found = ProseRules.Read("Explicit video width in pixels. Must be used with height. Rounded to multiple of 64.", ParameterKind.Number, null);
            Assert.Equal("height", found.PairedWith);
            Assert.Equal(64, found.MultipleOf);
            Assert.False(found.MultipleOfIsError);

            var strict = ProseRules.Read("The width of the generated images, must be a multiple of 16", ParameterKind.Integer, null);
            Assert.Equal(16, strict.MultipleOf);
            Assert.True(strict.MultipleOfIsError);
        }

        [Fact]
        public void Option_lists_in_prose_are_open_options()
        {
            Assert.Equal(new[] { "canny", "depth", "pose", "detailer", "none" },
                ProseRules.Read("IC-LoRA control: canny (edges), depth, pose (skeleton), detailer, or none.", ParameterKind.String, "\"none\"").Options);
            Assert.Equal(new[] { "HighPack" }, ProseRules.Read("Possible values are HighPack. HighPack provides 4K textures.", ParameterKind.String, "\"\"").Options);
            Assert.Equal(new[] { "Standard V2", "Low Resolution V2", "CGI", "High Fidelity V2", "Text Refine" },
                ProseRules.Read("Model to use: Standard V2 (general purpose), Low Resolution V2 (for low-res images), CGI (for digital art), High Fidelity V2 (preserves details), Text Refine (optimized for text)", ParameterKind.String, "\"Standard V2\"").Options);
        }

        [Theory]
        [InlineData("How to use reference video: 'Feature' for style/camera reference, 'Base' for video editing.", "\"feature\"")]
        [InlineData("Video aspect ratio. 'Match Input' detects from input video.", "\"auto\"")]
        [InlineData("Audio for output: copy from input, generate new, or none.", "\"original\"")]
        public void Display_labels_are_not_taken_for_wire_values(string description, string defaultJson) =>
            Assert.Null(ProseRules.Read(description, ParameterKind.String, defaultJson).Options);
    }
}
