using System.Reflection;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>
    /// WriteJson rounds each item of a list of numbers whose doc says the service rounds to a multiple, as it rounds a
    /// single number (the runtime's ScenarioRules.Normalize, per item), and Validate() judges the items as sent.
    /// </summary>
    public class NumberListWriteJsonTests
    {
        private const string Doc = """
            {
              "model": {
                "id": "model_sizes",
                "name": "Sizes",
                "type": "custom",
                "inputs": [
                  { "name": "prompt", "type": "string", "required": { "always": true } },
                  { "name": "sizes", "type": "number_array", "min": 64, "max": 1000, "description": "Each size is rounded to multiple of 64." }
                ]
              }
            }
            """;

        private const string Probe = """
            using System.Linq;
            namespace Consumer
            {
                public static class Probe
                {
                    public static string Body()
                    {
                        var r = new Consumer.Models.SizesRequest("p") { Sizes = new[] { 1000.0, 70, 130 } };
                        var buffer = new System.IO.MemoryStream();
                        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer)) { r.WriteJson(writer); }
                        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
                    }

                    public static string Errors()
                    {
                        var r = new Consumer.Models.SizesRequest("p") { Sizes = new[] { 5000.0 } };
                        return string.Join("\n", r.Validate().Select(e => e.Message));
                    }
                }
            }
            """;

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public void Each_item_is_rounded_on_send_and_judged_as_sent(LanguageVersion version)
        {
            var run = GeneratorHarness.Run(new[] { new Doc("/repo/schemas/sizes.json", Doc) }, version, sources: Probe);
            Assert.Empty(run.CompileDiagnostics);
            var probe = GeneratorHarness.Load(run.Output).GetType("Consumer.Probe", throwOnError: true)!;
            string Call(string name) => (string)probe.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;

            Assert.Equal("{\"prompt\":\"p\",\"sizes\":[960,64,128]}", Call("Body"));
            Assert.Equal("sizes[0] must be between 64 and 1000 (got 4992).", Call("Errors"));
        }
    }
}
