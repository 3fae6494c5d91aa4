using System.Collections.Generic;
using System.Linq;

namespace LtxCodegen.Runtime.Tests.Support
{
    /// <summary>
    /// Hand-written descriptors of the two LTX-2 19B models (seed tables plus the <c>video</c>/<c>image</c> inputs and
    /// option lists of the service's docs), so the tests do not depend on the generator.
    /// </summary>
    internal static class TestModels
    {
        public const string ExtendVideoId = "model_ltx-2-19b-extend-video";
        public const string VideoToVideoId = "model_ltx-2-19b-video-to-video";

        private static readonly string[] CameraMotions = { "none", "static", "dolly_in", "dolly_out", "dolly_left", "dolly_right", "jib_up", "jib_down" };
        private static readonly string[] AspectRatios = { "auto", "21:9", "16:9", "4:3", "3:4", "1:1", "9:16" };
        private static readonly string[] Resolutions = { "auto", "720p", "1080p", "1440p", "2160p" };

        public static ScenarioModelDescriptor ExtendVideo { get; } = new ScenarioModelDescriptor(ExtendVideoId, "LTX-2 19b Extend Video", "Ltx2_19bExtendVideo",
            new List<ScenarioParameterDescriptor>
            {
                new("prompt", "Prompt", ScenarioParameterType.String, isRequired: true),
                new("video", "Video", ScenarioParameterType.Asset, isRequired: true, assetKind: "video"),
                new("videoStrength", "VideoStrength", ScenarioParameterType.Number, defaultJson: "1", minimum: 0, maximum: 1),
                new("extendDuration", "ExtendDuration", ScenarioParameterType.Number, defaultJson: "4", minimum: 1, maximum: 20),
                new("contextDuration", "ContextDuration", ScenarioParameterType.Number, minimum: 0.1),
            }
            .Concat(Common())
            .Concat(new List<ScenarioParameterDescriptor>
            {
                new("generateAudio", "GenerateAudio", ScenarioParameterType.Boolean, defaultJson: "true"),
                new("audioStrength", "AudioStrength", ScenarioParameterType.Number, defaultJson: "1", minimum: 0, maximum: 1),
                new("enhancePrompt", "EnhancePrompt", ScenarioParameterType.Boolean, defaultJson: "false"),
                new("seed", "Seed", ScenarioParameterType.Integer, minimum: 0),
                new("negativePrompt", "NegativePrompt", ScenarioParameterType.String),
            }).ToList());

        public static ScenarioModelDescriptor VideoToVideo { get; } = new ScenarioModelDescriptor(VideoToVideoId, "LTX-2 19b Video to Video", "Ltx2_19bVideoToVideo",
            new List<ScenarioParameterDescriptor>
            {
                new("prompt", "Prompt", ScenarioParameterType.String, isRequired: true),
                new("video", "Video", ScenarioParameterType.Asset, isRequired: true, assetKind: "video"),
                new("image", "Image", ScenarioParameterType.Asset, assetKind: "image"),
                new("videoStrength", "VideoStrength", ScenarioParameterType.Number, defaultJson: "1", minimum: 0, maximum: 1),
                new("imageStrength", "ImageStrength", ScenarioParameterType.Number, defaultJson: "1", minimum: 0, maximum: 1),
                new("negativePrompt", "NegativePrompt", ScenarioParameterType.String),
                new("duration", "Duration", ScenarioParameterType.Number, minimum: 3, maximum: 20),
                new("audioSource", "AudioSource", ScenarioParameterType.String, defaultJson: "\"original\"", options: new[] { "original", "generate", "none" }, optionsAreClosed: true),
                new("modality", "Modality", ScenarioParameterType.String, defaultJson: "\"none\"", options: new[] { "none", "canny", "depth", "pose", "detailer" }, optionsAreClosed: true),
                new("modalityStrength", "ModalityStrength", ScenarioParameterType.Number, defaultJson: "1", minimum: 0, maximum: 2),
                new("enhancePrompt", "EnhancePrompt", ScenarioParameterType.Boolean, defaultJson: "false"),
                new("seed", "Seed", ScenarioParameterType.Integer, minimum: 0),
            }
            .Concat(Common()).ToList());

        public static IReadOnlyList<ScenarioModelDescriptor> All { get; } = new[] { ExtendVideo, VideoToVideo };

        private static IEnumerable<ScenarioParameterDescriptor> Common() => new List<ScenarioParameterDescriptor>
        {
            new("aspectRatio", "AspectRatio", ScenarioParameterType.String, defaultJson: "\"auto\"", options: AspectRatios, optionsAreClosed: true),
            new("resolution", "Resolution", ScenarioParameterType.String, defaultJson: "\"auto\"", options: Resolutions, optionsAreClosed: true),
            new("width", "Width", ScenarioParameterType.Integer, minimum: 64, maximum: 4096, multipleOf: 64, pairedWith: "height"),
            new("height", "Height", ScenarioParameterType.Integer, minimum: 64, maximum: 4096, multipleOf: 64, pairedWith: "width"),
            new("fps", "Fps", ScenarioParameterType.Number, minimum: 1, maximum: 60),
            new("numInferenceSteps", "NumInferenceSteps", ScenarioParameterType.Integer, defaultJson: "40", minimum: 1, maximum: 100),
            new("guidanceScale", "GuidanceScale", ScenarioParameterType.Number, defaultJson: "3", minimum: 1, maximum: 20),
            new("cameraMotion", "CameraMotion", ScenarioParameterType.String, defaultJson: "\"none\"", options: CameraMotions, optionsAreClosed: true),
            new("cameraMotionStrength", "CameraMotionStrength", ScenarioParameterType.Number, defaultJson: "1", minimum: 0, maximum: 2),
        };
    }
}
