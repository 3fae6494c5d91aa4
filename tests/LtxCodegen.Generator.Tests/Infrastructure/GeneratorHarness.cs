using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Generator.Tests.Infrastructure
{
    /// <summary>Runs the generator on docs in a test compilation and compiles / loads the result.</summary>
    internal static class GeneratorHarness
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new Lazy<ImmutableArray<MetadataReference>>(() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray());

        public static MetadataReference RuntimeReference { get; } = MetadataReference.CreateFromFile(typeof(LtxCodegen.IScenarioRequest).Assembly.Location);

        public static ImmutableArray<MetadataReference> DefaultReferences => FrameworkReferences.Value.Add(RuntimeReference);

        public static CSharpCompilation CreateCompilation(
            LanguageVersion languageVersion = LanguageVersion.Latest,
            IEnumerable<MetadataReference>? references = null,
            params string[] sources)
        {
            var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, "Source" + i + ".cs"));
            return CSharpCompilation.Create(
                "Consumer",
                trees,
                references ?? DefaultReferences,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: languageVersion is >= LanguageVersion.CSharp8 or LanguageVersion.Latest or LanguageVersion.LatestMajor or LanguageVersion.Preview or LanguageVersion.Default ? NullableContextOptions.Enable : NullableContextOptions.Disable, warningLevel: 9999)
                    // As MSBuild does: unification of framework versions is not a problem of the generated code.
                    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress, ["CS1591"] = ReportDiagnostic.Suppress }));
        }

        public static GeneratorDriver CreateDriver(IEnumerable<Doc> docs, LanguageVersion languageVersion = LanguageVersion.Latest, IDictionary<string, string>? globalOptions = null, bool trackSteps = true)
        {
            return CreateDriver(docs.Select(d => (AdditionalText)new InMemoryAdditionalText(d.Path, d.Text)), languageVersion, globalOptions, trackSteps);
        }

        public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> additionalTexts, LanguageVersion languageVersion = LanguageVersion.Latest, IDictionary<string, string>? globalOptions = null, bool trackSteps = true, Dictionary<string, Dictionary<string, string>>? perFileOptions = null)
        {
            var texts = additionalTexts.ToImmutableArray();
            var options = new TestOptionsProvider(globalOptions ?? new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer.Models" }, perFileOptions);
            return CSharpGeneratorDriver.Create(
                new[] { new LtxCodegenGenerator().AsSourceGenerator() },
                texts,
                new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose),
                options,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
        }

        public static GenerationRun Run(IEnumerable<Doc> docs, LanguageVersion languageVersion = LanguageVersion.Latest, IEnumerable<MetadataReference>? references = null, IDictionary<string, string>? globalOptions = null, params string[] sources)
        {
            var compilation = CreateCompilation(languageVersion, references, sources.Length == 0 ? new[] { "namespace Consumer { internal static class Placeholder { } }" } : sources);
            var driver = CreateDriver(docs, languageVersion, globalOptions);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, CancellationToken.None);
            return new GenerationRun(driver, (CSharpCompilation)output, generatorDiagnostics, driver.GetRunResult());
        }

        /// <summary>Emits the compilation into memory and loads it into a collectible context.</summary>
        public static Assembly Load(Compilation compilation)
        {
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException("Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            stream.Position = 0;
            var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
            return context.LoadFromStream(stream);
        }

        internal sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, System.Text.Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly TestOptions _global;
            private readonly Dictionary<string, TestOptions> _perFile;

            public TestOptionsProvider(IDictionary<string, string> global, Dictionary<string, Dictionary<string, string>>? perFile = null)
            {
                _global = new TestOptions(global);
                _perFile = (perFile ?? new Dictionary<string, Dictionary<string, string>>()).ToDictionary(p => p.Key, p => new TestOptions(p.Value));
            }

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
                _perFile.TryGetValue(textFile.Path, out var o) ? o : TestOptions.Empty;
        }

        internal sealed class TestOptions : AnalyzerConfigOptions
        {
            public static readonly TestOptions Empty = new TestOptions(new Dictionary<string, string>());
            private readonly IDictionary<string, string> _values;

            public TestOptions(IDictionary<string, string> values) => _values = values;

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

    internal sealed record GenerationRun(GeneratorDriver Driver, CSharpCompilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Result)
    {
        /// <summary>Compiler diagnostics of the output compilation, hidden ones excluded.</summary>
        public IReadOnlyList<Diagnostic> CompileDiagnostics => Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();

        public string Source(string hintName) =>
            Result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hintName).SourceText.ToString();

        public IEnumerable<string> HintNames => Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName);
    }
}
