using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LtxCodegen.Analyzer.Tests.Infrastructure;
using LtxCodegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LtxCodegen.Analyzer.Tests
{
    /// <summary>
    /// The analyzer's verdict and words equal the runtime engine's: for each value, the analyzer's warning on the constant
    /// is "model id: " + the <see cref="ValidationError"/> message <see cref="ScenarioRuleCheck"/> gives for the same value
    /// of a descriptor with the same rules (range, multiple, closed options, maximum length), and a value the runtime
    /// accepts gets no warning.
    /// </summary>
    public sealed class MessageAgreementTests
    {
        private const string ModelId = "model_agree";

        private const string Models = """
            using LtxCodegen.Metadata;
            namespace Agree
            {
                [ScenarioModel("model_agree")]
                public sealed class AgreeRequest
                {
                    [ScenarioParameter("fps"), ScenarioRange(Minimum = 1, Maximum = 60)]
                    public double? Fps { get; set; }
                    [ScenarioParameter("numFrames"), ScenarioRange(Minimum = 9, Maximum = 257)]
                    public int? NumFrames { get; set; }
                    [ScenarioParameter("seed"), ScenarioRange(Minimum = 0)]
                    public long? Seed { get; set; }
                    [ScenarioParameter("width"), ScenarioRange(Minimum = 64, Maximum = 2048), ScenarioMultipleOf(64)]
                    public int? Width { get; set; }
                    [ScenarioParameter("frameSize"), ScenarioMultipleOf(32, IsError = true)]
                    public int? FrameSize { get; set; }
                    [ScenarioParameter("steps"), ScenarioOptions("20", "40", IsClosed = true)]
                    public int? Steps { get; set; }
                    [ScenarioParameter("modality"), ScenarioOptions("none", "canny", "depth", IsClosed = true)]
                    public string? Modality { get; set; }
                    [ScenarioParameter("style"), ScenarioMaxLength(8)]
                    public string? Style { get; set; }
                }
            }
            """;

        private static readonly ScenarioModelDescriptor Descriptor = new ScenarioModelDescriptor(ModelId, "Agree", "Agree.AgreeRequest", new[]
        {
            new ScenarioParameterDescriptor("fps", "Fps", ScenarioParameterType.Number, minimum: 1, maximum: 60),
            new ScenarioParameterDescriptor("numFrames", "NumFrames", ScenarioParameterType.Integer, minimum: 9, maximum: 257),
            new ScenarioParameterDescriptor("seed", "Seed", ScenarioParameterType.Integer, minimum: 0),
            new ScenarioParameterDescriptor("width", "Width", ScenarioParameterType.Integer, minimum: 64, maximum: 2048, multipleOf: 64),
            new ScenarioParameterDescriptor("frameSize", "FrameSize", ScenarioParameterType.Integer, multipleOf: 32, multipleOfIsError: true),
            new ScenarioParameterDescriptor("steps", "Steps", ScenarioParameterType.Integer, options: new[] { "20", "40" }, optionsAreClosed: true),
            new ScenarioParameterDescriptor("modality", "Modality", ScenarioParameterType.String, options: new[] { "none", "canny", "depth" }, optionsAreClosed: true),
            new ScenarioParameterDescriptor("style", "Style", ScenarioParameterType.String, maxLength: 8),
        });

        public static IEnumerable<object[]> Values() => new[]
        {
            new object[] { "Fps", 120.0 }, new object[] { "Fps", 0.5 }, new object[] { "Fps", 60.0 }, new object[] { "Fps", 0.0 },
            new object[] { "NumFrames", 300.0 }, new object[] { "NumFrames", 8.0 }, new object[] { "NumFrames", 9.0 },
            new object[] { "Seed", -1.0 }, new object[] { "Seed", 0.0 },
            new object[] { "Width", 3000.0 }, new object[] { "Width", 10.0 }, new object[] { "Width", 1000.0 }, new object[] { "Width", 2047.0 },
            new object[] { "FrameSize", 100.0 }, new object[] { "FrameSize", 96.0 }, new object[] { "FrameSize", -33.0 },
            new object[] { "Steps", 30.0 }, new object[] { "Steps", 40.0 },
            new object[] { "Modality", "cany" }, new object[] { "Modality", "Depth" }, new object[] { "Modality", "canny" },
            new object[] { "Style", "watercolour" }, new object[] { "Style", "ink" }, new object[] { "Style", "" },
        };

        [Theory]
        [MemberData(nameof(Values))]
        public async Task Analyzer_message_is_the_runtime_message_for_the_same_value(string property, object value)
        {
            var runtime = RuntimeErrors(property, value);
            var analyzer = await AnalyzerWarnings(property, value);

            Assert.Equal(runtime.Count, analyzer.Length);
            for (var i = 0; i < runtime.Count; i++)
            {
                var message = analyzer[i].GetMessage(CultureInfo.InvariantCulture);
                Assert.StartsWith(ModelId + ": " + runtime[i].Message, message, StringComparison.Ordinal);
                var rest = message.Substring(ModelId.Length + 2 + runtime[i].Message.Length);
                Assert.True(rest.Length == 0 || rest.StartsWith(" Did you mean ", StringComparison.Ordinal)
                    || rest.StartsWith(" Nearest multiple: ", StringComparison.Ordinal), message);
            }
        }

        private static List<ValidationError> RuntimeErrors(string property, object value)
        {
            var check = new ScenarioRuleCheck(Descriptor);
            var index = Descriptor.Parameters.ToList().FindIndex(p => p.PropertyName == property);
            if (value is string text)
            {
                check.Text(index, text);
            }
            else
            {
                check.Number(index, (double)value);
            }

            return check.Finish();
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzerWarnings(string property, object value)
        {
            var literal = value is string text ? SymbolDisplay.FormatLiteral(text, quote: true) : ((double)value).ToString("R", CultureInfo.InvariantCulture);
            var consumer = "class C { Agree.AgreeRequest M() => new Agree.AgreeRequest { " + property + " = " + literal + " }; }";
            var compilation = CSharpCompilation.Create(
                "Agreement",
                new[] { CSharpSyntaxTree.ParseText(Models), CSharpSyntaxTree.ParseText(consumer) },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ScenarioRequestAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            // Warnings are the verdicts the runtime also gives; infos (rounding, open options) are not errors there.
            return diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToImmutableArray();
        }
    }
}
