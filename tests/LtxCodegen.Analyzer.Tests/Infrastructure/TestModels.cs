namespace LtxCodegen.Analyzer.Tests.Infrastructure
{
    /// <summary>
    /// Request classes written the way the generator writes them (rule attributes on properties), covering rules the
    /// seed pages do not: closed and open option sets, an error multiple, a maximum length, a required parameter the
    /// compiler cannot enforce, a record for <c>with</c>, and generated methods/constructors taking parameter values.
    /// </summary>
    internal static class TestModels
    {
        public const string Source = """
            using LtxCodegen.Metadata;

            namespace Demo
            {
                public readonly struct Modality
                {
                    public Modality(string value) => Value = value;
                    public string Value { get; }
                    public static Modality Canny => new Modality("canny");
                    public static implicit operator Modality(string value) => new Modality(value);
                }

                [ScenarioModel("model_test-video")]
                public sealed partial class TestRequest
                {
                    public TestRequest() { }

                    public TestRequest(string prompt, double? fps = null)
                    {
                        Prompt = prompt;
                        Fps = fps;
                    }

                    [ScenarioParameter("prompt")]
                    public string? Prompt { get; set; }

                    [ScenarioParameter("fps"), ScenarioRange(Minimum = 1, Maximum = 60, Source = RuleSource.Prose)]
                    public double? Fps { get; set; }

                    [ScenarioParameter("numFrames"), ScenarioRange(Minimum = 9, Maximum = 257)]
                    public int? NumFrames { get; set; }

                    [ScenarioParameter("strength"), ScenarioRange(Minimum = 0, Maximum = 1)]
                    public double? Strength { get; set; }

                    [ScenarioParameter("seed"), ScenarioRange(Minimum = 0)]
                    public long? Seed { get; set; }

                    [ScenarioParameter("width"), ScenarioPair("height"), ScenarioMultipleOf(64, Source = RuleSource.Prose)]
                    public double? Width { get; set; }

                    [ScenarioParameter("height"), ScenarioPair("width"), ScenarioMultipleOf(64, Source = RuleSource.Prose)]
                    public double? Height { get; set; }

                    [ScenarioParameter("frameSize"), ScenarioMultipleOf(32, IsError = true)]
                    public int? FrameSize { get; set; }

                    [ScenarioParameter("modality"), ScenarioOptions("none", "canny", "depth", "pose", "detailer", IsClosed = true)]
                    public Modality? Modality { get; set; }

                    [ScenarioParameter("cameraMotion"), ScenarioOptions("none", "dolly_in", "pan_left")]
                    public string? CameraMotion { get; set; }

                    [ScenarioParameter("steps"), ScenarioOptions("20", "40", IsClosed = true)]
                    public int? Steps { get; set; }

                    [ScenarioParameter("quality"), ScenarioOptions("480", "720", IsClosed = true)]
                    public string? Quality { get; set; }

                    [ScenarioParameter("style"), ScenarioMaxLength(8)]
                    public string? Style { get; set; }

                    public double? Unmarked { get; set; }

                    public static TestRequest WithFps(double? fps) => new TestRequest { Fps = fps };

                    public TestRequest SetNumFrames(int numFrames)
                    {
                        NumFrames = numFrames;
                        return this;
                    }
                }

                [ScenarioModel("model_test-prompt")]
                public sealed class PromptRequest
                {
                    public PromptRequest() { }

                    public PromptRequest(string prompt) => Prompt = prompt;

                    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
                    public PromptRequest(int seed)
                    {
                        Seed = seed;
                        Prompt = "seeded";
                    }

                    [ScenarioParameter("prompt"), ScenarioRequired]
                    public string? Prompt { get; set; }

                    [ScenarioParameter("seed")]
                    public int? Seed { get; set; }
                }

                [ScenarioModel("model_test-record")]
                public sealed record TestRecord
                {
                    [ScenarioParameter("fps"), ScenarioRange(Minimum = 1, Maximum = 60)]
                    public double? Fps { get; init; }

                    [ScenarioParameter("width"), ScenarioPair("height")]
                    public int? Width { get; init; }

                    [ScenarioParameter("height"), ScenarioPair("width")]
                    public int? Height { get; init; }
                }
            }
            """;
    }
}
