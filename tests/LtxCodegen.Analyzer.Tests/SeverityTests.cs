using System.Collections.Immutable;
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
    /// Severities come from the descriptors and can be changed like any analyzer's: .editorconfig, and -warnaserror.
    /// These run the analyzer the way the compiler does (tree options from an .editorconfig, general option).
    /// </summary>
    public sealed class SeverityTests
    {
        private const string Consumer = """
            using Demo;
            class C
            {
                TestRequest M() => new TestRequest { Fps = 120, Width = 1000, Height = 1024, CameraMotion = "dolly" };
            }
            """;

        [Fact]
        public async Task Defaults_are_warning_for_errors_of_the_service_and_info_for_hints()
        {
            var diagnostics = await RunAsync(editorconfig: null, warningsAsErrors: false);
            Assert.Equal(
                new[] { "LTX1001:Warning", "LTX1003:Info", "LTX1005:Info" },
                diagnostics.Select(d => d.Id + ":" + d.Severity).OrderBy(x => x));
        }

        [Fact]
        public async Task Editorconfig_raises_and_lowers_severities()
        {
            var diagnostics = await RunAsync(
                "root = true\n\n[*.cs]\ndotnet_diagnostic.LTX1001.severity = error\ndotnet_diagnostic.LTX1005.severity = warning\ndotnet_diagnostic.LTX1003.severity = none\n",
                warningsAsErrors: false);
            Assert.Equal(
                new[] { "LTX1001:Error", "LTX1005:Warning" },
                diagnostics.Select(d => d.Id + ":" + d.Severity).OrderBy(x => x));
        }

        [Fact]
        public async Task Warnaserror_turns_the_warnings_into_errors()
        {
            var diagnostics = await RunAsync(editorconfig: null, warningsAsErrors: true);
            var fps = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.OutOfRange);
            Assert.Equal(DiagnosticSeverity.Error, fps.Severity);
            Assert.True(fps.IsWarningAsError);
            Assert.Equal("model_test-video: fps must be between 1 and 60 (got 120).", fps.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        private static async Task<ImmutableArray<Diagnostic>> RunAsync(string? editorconfig, bool warningsAsErrors)
        {
            const string path = "/src/Consumer.cs";
            ImmutableDictionary<string, ReportDiagnostic>? treeOptions = null;
            if (editorconfig is not null)
            {
                var config = AnalyzerConfig.Parse(editorconfig, "/src/.editorconfig");
                treeOptions = AnalyzerConfigSet.Create(ImmutableArray.Create(config)).GetOptionsForSourcePath(path).TreeOptions;
            }

            var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
            var consumer = CSharpSyntaxTree.ParseText(Consumer, parse, path);
            var models = CSharpSyntaxTree.ParseText(TestModels.Source, parse, "/src/Models.cs");
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithGeneralDiagnosticOption(warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default)
                .WithSyntaxTreeOptionsProvider(new EditorconfigSeverities(treeOptions ?? ImmutableDictionary<string, ReportDiagnostic>.Empty));
            var compilation = CSharpCompilation.Create("Consumer", new[] { consumer, models }, TestReferences.All, options);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ScenarioRequestAnalyzer());
            return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        }
    
        /// <summary>What the compiler does with the severities an .editorconfig gives a file.</summary>
        private sealed class EditorconfigSeverities : SyntaxTreeOptionsProvider
        {
            private readonly ImmutableDictionary<string, ReportDiagnostic> _severities;

            public EditorconfigSeverities(ImmutableDictionary<string, ReportDiagnostic> severities) => _severities = severities;

            public override GeneratedKind IsGenerated(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                _severities.TryGetValue(diagnosticId, out severity);

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                severity = ReportDiagnostic.Default;
                return false;
            }
        }
    }
}
