using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Analyzer.Tests.Infrastructure;
using LtxCodegen.Analyzers;
using LtxCodegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Analyzer.Tests
{
    /// <summary>
    /// The consumer, compiled the way a build does it: the generator runs on schemas/, then the compiler and the
    /// analyzer; with warnings as errors the build fails on exactly the expected diagnostics.
    /// </summary>
    public sealed class ConsumerBuildTests
    {
        private const string Initializer = "{ Fps = 120, Duration = 25, Width = 1000 }";

        [Theory]
        [InlineData(LanguageVersion.CSharp9, "new Ltx2_19bVideoToVideoRequest(\"p\", \"asset_1\") " + Initializer)]
        [InlineData(LanguageVersion.Latest, "new Ltx2_19bVideoToVideoRequest { Prompt = \"p\", Video = \"asset_1\", Fps = 120, Duration = 25, Width = 1000 }")]
        public async Task The_readme_consumer_builds_with_warnings_and_fails_with_warnaserror(LanguageVersion version, string creation)
        {
            var source = "using LtxCodegen.Generated;\nstatic class P { public static Ltx2_19bVideoToVideoRequest Make() => " + creation + "; }\n";

            var lenient = await BuildAsync(source, version, warningsAsErrors: false);
            Assert.Empty(lenient.Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.Equal(
                new[]
                {
                    "LTX1001 Warning model_ltx-2-19b-video-to-video: fps must be between 1 and 60 (got 120).",
                    "LTX1001 Warning model_ltx-2-19b-video-to-video: duration must be between 3 and 20 (got 25).",
                    "LTX1004 Warning model_ltx-2-19b-video-to-video: width must be used with height. It is set here without it.",
                    "LTX1005 Info model_ltx-2-19b-video-to-video: width is rounded to a multiple of 64: 1000 is sent as 1024.",
                },
                lenient.Select(Describe));

            var strict = await BuildAsync(source, version, warningsAsErrors: true);
            Assert.Equal(
                new[] { "LTX1001 Error", "LTX1001 Error", "LTX1004 Error", "LTX1005 Info" },
                strict.Select(d => d.Id + " " + d.Severity));
        }

        private static string Describe(Diagnostic d) =>
            d.Id + " " + d.Severity + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        private static async Task<ImmutableArray<Diagnostic>> BuildAsync(string source, LanguageVersion version, bool warningsAsErrors)
        {
            var parse = new CSharpParseOptions(version);
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithGeneralDiagnosticOption(warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default)
                // As the .NET SDK does: reference unification (the runtime was built against net8.0) is not a problem.
                .WithSpecificDiagnosticOptions(new[] { "CS1701", "CS1702" }.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));
            var compilation = CSharpCompilation.Create(
                "Consumer", new[] { CSharpSyntaxTree.ParseText(source, parse, "/src/Program.cs") }, TestReferences.All, options);

            var docs = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "schemas"))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (AdditionalText)new Doc("/src/schemas/" + Path.GetFileName(p), File.ReadAllText(p)))
                .ToImmutableArray();
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new LtxCodegenGenerator().AsSourceGenerator() }, docs, parse);
            driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
            Assert.Empty(generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(Describe));
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));

            var analyzed = await output
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ScenarioRequestAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            return analyzed.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        }

        private sealed class Doc : AdditionalText
        {
            private readonly string _text;

            public Doc(string path, string text)
            {
                Path = path;
                _text = text;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
        }
    }
}
