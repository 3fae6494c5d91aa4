using System;
using System.Buffers;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using LtxCodegen.Emulator.Models;

namespace LtxCodegen.Benchmarks
{
    /// <summary>
    /// Generated WriteJson vs reflection System.Text.Json on the same request object, written to the same reused
    /// <c>Utf8JsonWriter</c>. Two shapes: the typical request (prompt + video) and one with all 19 parameters set.
    /// Target: ≥ 3× faster, no reflection. Setup checks that both write the same bytes.
    /// </summary>
    public class SerializationBenchmarks
    {
        private static readonly JsonSerializerOptions Reflection = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // The option structs go on the wire as their string, as a user of plain STJ would write them.
            Converters = { new OptionConverter<Ltx2_19bExtendVideoAspectRatio>(o => o.Value), new OptionConverter<Ltx2_19bExtendVideoResolution>(o => o.Value), new OptionConverter<Ltx2_19bExtendVideoCameraMotion>(o => o.Value) },
            // Same wire body: drop the IScenarioRequest plumbing that is not a parameter.
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers =
                {
                    info =>
                    {
                        foreach (var p in info.Properties.Where(p => p.Name is "modelId" or "descriptor").ToList())
                        {
                            info.Properties.Remove(p);
                        }
                    },
                },
            },
        };

        private readonly ArrayBufferWriter<byte> _buffer = new ArrayBufferWriter<byte>(4096);
        private Utf8JsonWriter _writer = null!;
        private Ltx2_19bExtendVideoRequest _request = null!;

        [Params("PromptAndVideo", "AllParameters")]
        public string Shape { get; set; } = "PromptAndVideo";

        [GlobalSetup]
        public void Setup()
        {
            _writer = new Utf8JsonWriter(_buffer);
            _request = new Ltx2_19bExtendVideoRequest
            {
                Prompt = "A slow dolly shot over a misty lake at dawn, birds taking off",
                Video = "asset_abc123",
            };
            if (Shape == "AllParameters")
            {
                _request.VideoStrength = 0.8;
                _request.ExtendDuration = 5;
                _request.ContextDuration = 2;
                _request.AspectRatio = "16:9";
                _request.Resolution = "1080p";
                _request.Width = 1920;
                _request.Height = 1088;
                _request.Fps = 24;
                _request.NumInferenceSteps = 30;
                _request.GuidanceScale = 3.5;
                _request.CameraMotion = "dolly_in";
                _request.CameraMotionStrength = 0.5;
                _request.GenerateAudio = true;
                _request.AudioStrength = 0.7;
                _request.EnhancePrompt = false;
                _request.Seed = 42;
                _request.NegativePrompt = "blurry, low quality";
            }

            var reflection = Written(ReflectionSystemTextJson);
            var generated = Written(GeneratedWriteJson);
            if (reflection != generated)
            {
                throw new InvalidOperationException("the two writers differ:\n" + reflection + "\n" + generated);
            }
        }

        [Benchmark(Baseline = true)]
        public int ReflectionSystemTextJson()
        {
            _buffer.Clear();
            _writer.Reset(_buffer);
            JsonSerializer.Serialize(_writer, _request, Reflection);
            _writer.Flush();
            return _buffer.WrittenCount;
        }

        [Benchmark]
        public int GeneratedWriteJson()
        {
            _buffer.Clear();
            _writer.Reset(_buffer);
            _request.WriteJson(_writer);
            _writer.Flush();
            return _buffer.WrittenCount;
        }

        private string Written(Func<int> write)
        {
            write();
            return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }

        private sealed class OptionConverter<T> : JsonConverter<T>
        {
            private readonly Func<T, string> _value;

            public OptionConverter(Func<T, string> value) => _value = value;

            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(_value(value));
        }
    }
}
