using System.Buffers;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using LtxCodegen.Emulator.Models;

namespace LtxCodegen.Benchmarks
{
    /// <summary>Generated WriteJson vs reflection System.Text.Json on the same request object. Target: ≥ 3× faster.</summary>
    public class SerializationBenchmarks
    {
        private static readonly JsonSerializerOptions Reflection = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
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

        [GlobalSetup]
        public void Setup()
        {
            _writer = new Utf8JsonWriter(_buffer);
            _request = new Ltx2_19bExtendVideoRequest
            {
                Prompt = "A slow dolly shot over a misty lake at dawn, birds taking off",
                Video = "asset_abc123",
            };
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
    }
}
