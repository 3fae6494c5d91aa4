using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Generator.Roslyn43.Tests
{
    /// <summary>Runs the Roslyn 4.3 generator with Roslyn 4.3.1's driver and compiles the output at C# 9.</summary>
    internal static class Roslyn43Harness
    {
        public const LanguageVersion Unity = LanguageVersion.CSharp9;

        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new Lazy<ImmutableArray<MetadataReference>>(() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(LtxCodegen.IScenarioRequest).Assembly.Location))
                .ToImmutableArray());

        public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

        public static AdditionalText File(string path, string text) => new InMemoryText(path, text);

        /// <summary>A doc as an MSBuild project passes it: in a schemas/ folder.</summary>
        public static AdditionalText Schema(string relativePath) =>
            new InMemoryText("/repo/schemas/" + Path.GetFileName(relativePath), System.IO.File.ReadAllText(Path.Combine(TestData, relativePath)));

        public static IEnumerable<string> Corpus() =>
            new[] { "markdown", "json", "provider-pages" }
                .SelectMany(d => Directory.GetFiles(Path.Combine(TestData, "corpus", d)))
                .Select(f => Path.GetRelativePath(TestData, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal);

        /// <summary>
        /// <paramref name="globalOptions"/> null: no AnalyzerConfigOptionsProvider at all (what Unity gives a generator).
        /// </summary>
        public static Run Run(IEnumerable<AdditionalText> texts, IDictionary<string, string>? globalOptions, params string[] sources)
        {
            var parseOptions = new CSharpParseOptions(Unity, DocumentationMode.Diagnose);
            var compilation = CSharpCompilation.Create(
                "UnityConsumer",
                (sources.Length == 0 ? new[] { "namespace Consumer { internal static class Placeholder { } }" } : sources)
                    .Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, "Source" + i + ".cs")),
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress, ["CS1591"] = ReportDiagnostic.Suppress }));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new LtxCodegenGenerator().AsSourceGenerator() },
                texts,
                parseOptions,
                globalOptions is null ? null : new GlobalOptionsProvider(globalOptions));
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, CancellationToken.None);
            return new Run(output, diagnostics, driver.GetRunResult());
        }

        private sealed class InMemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, System.Text.Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private static readonly Options None = new Options(new Dictionary<string, string>());
            private readonly Options _global;

            public GlobalOptionsProvider(IDictionary<string, string> global) => _global = new Options(global);

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly IDictionary<string, string> _values;

                public Options(IDictionary<string, string> values) => _values = values;

                public override bool TryGetValue(string key, out string value)
                {
                    if (_values.TryGetValue(key, out var v))
                    {
                        value = v;
                        return true;
                    }

                    value = string.Empty;
                    return false;
                }
            }
        }
    }

    internal sealed record Run(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Result)
    {
        public IReadOnlyList<Diagnostic> CompileDiagnostics => Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();

        public IEnumerable<string> HintNames => Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName);

        public IEnumerable<Exception> Exceptions => Result.Results.Select(r => r.Exception).Where(e => e is not null).Select(e => e!);
    }
}
