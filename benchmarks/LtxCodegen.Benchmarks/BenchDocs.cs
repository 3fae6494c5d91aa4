using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Benchmarks
{
    /// <summary>
    /// Real docs (the two seed pages and the 22 corpus docs: API Reference pages, provider pages, model JSON) multiplied
    /// with distinct model ids, and a compilation / driver to run the generator on them.
    /// </summary>
    internal static class BenchDocs
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        // Real model ids all hold a hyphen ("model_ltx-2-19b-extend-video"); "model_id" (a parameter name) does not.
        private static readonly Regex ModelId = new Regex(@"model_[a-z0-9]+(?:[-.][a-z0-9]+)+", RegexOptions.CultureInvariant);

        private static readonly ImmutableArray<MetadataReference> References =
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(LtxCodegen.IScenarioRequest).Assembly.Location))
                .ToImmutableArray();

        /// <summary>The real docs as shipped with the benchmarks (seeds first), in a fixed order.</summary>
        public static IReadOnlyList<(string Name, string Text)> Real { get; } = Load();

        private static List<(string Name, string Text)> Load()
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "docs");
            return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal))
                .Where(p => !Path.GetFileName(p).Equals("CORPUS-README.md", StringComparison.Ordinal))
                .OrderBy(p => p.Contains("seeds", StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
                .ToList();
        }

        /// <summary><paramref name="count"/> docs cycling through the real ones, every model id made distinct.</summary>
        public static (string Path, string Text)[] Create(int count)
        {
            if (Real.Count < 24)
            {
                throw new InvalidOperationException("expected the 2 seeds and 22 corpus docs next to the benchmarks, found " + Real.Count);
            }

            return Enumerable.Range(0, count).Select(i =>
            {
                var (name, text) = Real[i % Real.Count];
                var prefix = "model_b" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
                return ("/bench/schemas/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + name,
                    ModelId.Replace(text, m => prefix + m.Value.Substring("model_".Length)));
            }).ToArray();
        }

        public static AdditionalText[] Texts((string Path, string Text)[] docs) =>
            docs.Select(d => (AdditionalText)new Doc(d.Path, d.Text)).ToArray();

        public static CSharpCompilation Compilation(string source = "namespace Consumer { internal static class Placeholder { } }") =>
            CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, "/bench/Placeholder.cs") }, References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        public static GeneratorDriver Driver(IEnumerable<AdditionalText> docs, bool trackSteps = false) =>
            CSharpGeneratorDriver.Create(
                new[] { new LtxCodegen.Generator.LtxCodegenGenerator().AsSourceGenerator() },
                docs,
                ParseOptions,
                new Options(),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

        internal sealed class Doc : AdditionalText
        {
            private readonly SourceText _text;

            public Doc(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(true);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(false);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(false);
        }

        private sealed class Values : AnalyzerConfigOptions
        {
            private readonly bool _global;

            public Values(bool global) => _global = global;

            public override bool TryGetValue(string key, out string value)
            {
                value = _global && key == "build_property.RootNamespace" ? "Bench.Models" : string.Empty;
                return value.Length > 0;
            }
        }
    }
}
