using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using LtxCodegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Cli
{
    /// <summary>
    /// <c>ltx generate</c>'s engine: the source generator itself, run through <see cref="CSharpGeneratorDriver"/> on the
    /// docs of a folder with the options an MSBuild project would give it, so the files are the generator's, byte for byte.
    /// </summary>
    internal static class CodeGeneration
    {
        /// <summary>Largest doc read (a model page is tens of KB).</summary>
        public const long MaxDocBytes = 4 * 1024 * 1024;

        /// <summary>Most docs read from one folder.</summary>
        public const int MaxDocs = 2000;

        public sealed record Result(IReadOnlyList<(string HintName, string Text)> Files, IReadOnlyList<Diagnostic> Diagnostics)
        {
            public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        }

        /// <summary>The docs under <paramref name="schemasDirectory"/>: *.md, *.json and Unity's *.LtxCodegen*.additionalfile, in ordinal order.</summary>
        public static IReadOnlyList<string> FindDocs(string schemasDirectory)
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System };
            return Directory.EnumerateFiles(schemasDirectory, "*", options)
                .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".additionalfile", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Take(MaxDocs + 1)
                .ToList();
        }

        public static Result Run(IReadOnlyList<(string Path, string Text)> docs, string? ns, LanguageVersion languageVersion, CancellationToken cancellationToken)
        {
            var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
            var compilation = CSharpCompilation.Create(
                "LtxGenerate",
                Array.Empty<SyntaxTree>(),
                References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            // As LtxCodegen.props does for an MSBuild project: every .md/.json doc is flagged LtxCodegenModel="true".
            var texts = docs.Select(d => (AdditionalText)new DocText(d.Path, d.Text)).ToImmutableArray();
            var global = new Dictionary<string, string>();
            if (!string.IsNullOrWhiteSpace(ns))
            {
                global["build_property.LtxCodegenNamespace"] = ns!;
            }

            var flagged = docs.Where(d => !d.Path.EndsWith(".additionalfile", StringComparison.Ordinal)).Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new LtxCodegenGenerator().AsSourceGenerator() },
                texts,
                parseOptions,
                new Options(global, flagged));
            driver = driver.RunGenerators(compilation, cancellationToken);
            var run = driver.GetRunResult();
            var result = run.Results.Single();
            var diagnostics = run.Diagnostics.Concat(result.Exception is null ? Enumerable.Empty<Diagnostic>() : new[] { Diagnostic.Create(new DiagnosticDescriptor("LTXG0015", "The generator failed", "{0}", "LtxCodegen", DiagnosticSeverity.Error, true), Location.None, result.Exception.Message) })
                .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
                .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Character)
                .ToList();
            var files = result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
            return new Result(files, diagnostics);
        }

        /// <summary>What a .NET 8+ consumer references: the framework and LtxCodegen.Runtime (the generator emits nothing without it).</summary>
        private static ImmutableArray<MetadataReference> References()
        {
            var runtime = typeof(IScenarioRequest).Assembly.Location;
            if (string.IsNullOrEmpty(runtime))
            {
                throw new InvalidOperationException("ltx generate needs LtxCodegen.Runtime.dll on disk next to ltx (single-file builds cannot generate).");
            }

            return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Append(runtime)
                .Distinct(StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }

        private sealed class DocText : AdditionalText
        {
            private readonly SourceText _text;

            public DocText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, System.Text.Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private static readonly Values None = new Values(new Dictionary<string, string>());
            private static readonly Values Model = new Values(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.LtxCodegenModel"] = "true" });
            private readonly Values _global;
            private readonly HashSet<string> _flagged;

            public Options(Dictionary<string, string> global, HashSet<string> flagged)
            {
                _global = new Values(global);
                _flagged = flagged;
            }

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _flagged.Contains(textFile.Path) ? Model : None;

            private sealed class Values : AnalyzerConfigOptions
            {
                private readonly Dictionary<string, string> _values;

                public Values(Dictionary<string, string> values) => _values = values;

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
}
