using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Benchmarks
{
    /// <summary>The seed pages multiplied with distinct model ids, and a compilation / driver to run the generator on them.</summary>
    internal static class BenchDocs
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        private static readonly ImmutableArray<MetadataReference> References =
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(LtxCodegen.IScenarioRequest).Assembly.Location))
                .ToImmutableArray();

        public static (string Path, string Text)[] Create(int count)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "docs");
            var seeds = new[] { "ltx-2-19b-extend-video", "ltx-2-19b-video-to-video" }
                .Select(name => (Name: name, Text: File.ReadAllText(Path.Combine(folder, name + ".md"))))
                .ToArray();
            return Enumerable.Range(0, count).Select(i =>
            {
                var seed = seeds[i % seeds.Length];
                var id = "bench-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + seed.Name;
                return ("/bench/schemas/" + id + ".md", seed.Text.Replace("model_" + seed.Name, "model_" + id));
            }).ToArray();
        }

        public static CSharpCompilation Compilation(string source = "namespace Consumer { internal static class Placeholder { } }") =>
            CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, "/bench/Placeholder.cs") }, References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        public static GeneratorDriver Driver(IEnumerable<AdditionalText> docs) =>
            CSharpGeneratorDriver.Create(
                new[] { new LtxCodegen.Generator.LtxCodegenGenerator().AsSourceGenerator() },
                docs,
                ParseOptions,
                new Options(),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

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
