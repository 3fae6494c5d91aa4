using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using CsCheck;
using LtxCodegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace LtxCodegen.Robustness.Tests
{
    /// <summary>
    /// CsCheck fuzz of the generator with docs mutated from the real ones plus hostile text. 2,000 cases by default;
    /// <c>LTXCODEGEN_FUZZ_ITERATIONS=100000</c> for the long run.
    /// </summary>
    public sealed class GeneratorFuzzTests
    {
        private const int CompileEvery = 10;
        private const int CompileBatch = 40;

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);

        private static readonly ImmutableArray<MetadataReference> References =
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .Append(MetadataReference.CreateFromFile(typeof(LtxCodegen.IScenarioRequest).Assembly.Location))
                .ToImmutableArray();

        internal static readonly (string Name, string Text)[] RealDocs = LoadDocs();

        private readonly ITestOutputHelper _output;
        private readonly object _slowestLock = new object();
        private TimeSpan _slowest;
        private string _slowestCase = "none";

        public GeneratorFuzzTests(ITestOutputHelper output) => _output = output;

        private static (string, string)[] LoadDocs()
        {
            var root = Path.Combine(AppContext.BaseDirectory, "TestData");
            return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal))
                .Where(p => !Path.GetFileName(p).Equals("CORPUS-README.md", StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
                .ToArray();
        }

        [Fact]
        public void TestDataHoldsTheRealDocs()
        {
            Assert.True(RealDocs.Length >= 10, "docs found: " + RealDocs.Length);
            Assert.Contains(RealDocs, d => d.Name == "ltx-2-19b-extend-video.md");
        }

        [Fact]
        public void GeneratorSurvivesMutatedAndHostileDocs()
        {
            var iterations = EnvInt("LTXCODEGEN_FUZZ_ITERATIONS", 2000);
            var threads = EnvInt("LTXCODEGEN_FUZZ_THREADS", 1);
            var counter = 0;
            var compiled = 0;
            var clock = Stopwatch.StartNew();

            // Outputs are remembered by hash and compiled in batches as they fill, so a 100,000-case run holds at
            // most a few batches of sources in memory.
            var seenOutputs = new ConcurrentDictionary<string, byte>();
            var pending = new List<(int Case, string Doc, string[] Sources)>();
            var failures = new ConcurrentQueue<string>();

            void CompileIfFull(bool drain)
            {
                List<(int Case, string Doc, string[] Sources)> batch;
                lock (pending)
                {
                    if (pending.Count == 0 || (!drain && pending.Count < CompileBatch))
                    {
                        return;
                    }

                    batch = pending.ToList();
                    pending.Clear();
                }

                var failure = Compile(batch);
                if (failure != null)
                {
                    failures.Enqueue(failure);
                }

                Interlocked.Add(ref compiled, batch.Count);
            }

            FuzzCases.Cases.Sample(fuzzCase =>
            {
                var index = Interlocked.Increment(ref counter);
                var folder = "/fuzz/case" + index + "/schemas/";
                var texts = fuzzCase.Docs.Select((d, i) => (AdditionalText)new MemoryText(folder + (i == 0 ? string.Empty : i + "-") + d.FileName, d.Text)).ToArray();
                GeneratorDriver driver = CSharpGeneratorDriver.Create(
                    new[] { new LtxCodegenGenerator().AsSourceGenerator() },
                    texts,
                    ParseOptions,
                    new Options("Fuzz.Case" + index));
                var compilation = CSharpCompilation.Create("Fuzz" + index,
                    new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Placeholder { } }", ParseOptions) },
                    References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                var timer = Stopwatch.StartNew();
                driver = driver.RunGenerators(compilation);
                var result = driver.GetRunResult();
                timer.Stop();
                RecordTime(timer.Elapsed, index, fuzzCase);

                foreach (var r in result.Results)
                {
                    if (r.Exception != null)
                    {
                        throw new Exception("generator threw on " + fuzzCase, r.Exception);
                    }
                }

                foreach (var d in result.Diagnostics)
                {
                    if (d.Id is "CS8784" or "CS8785" or "LTXG0015")
                    {
                        throw new Exception("generator failure " + d + " on " + fuzzCase);
                    }

                    var span = d.Location.GetLineSpan();
                    if (d.Id.StartsWith("LTXG", StringComparison.Ordinal) && d.Id != "LTXG0013" &&
                        (!span.IsValid || !texts.Any(t => t.Path == span.Path) || span.StartLinePosition.Line < 0))
                    {
                        throw new Exception("diagnostic not located in the doc: " + d + " on " + fuzzCase);
                    }
                }

                var sources = result.GeneratedTrees.Select(t => t.ToString()).ToArray();
                if (sources.Length == 0)
                {
                    return;
                }

                // The namespace carries the case number: normalise it so equal outputs are seen as equal.
                var key = Hash(string.Join("\n", sources).Replace("Fuzz.Case" + index + ";", "Fuzz.Case;").Replace("Fuzz.Case" + index + "\n", "Fuzz.Case\n"));
                if (seenOutputs.TryAdd(key, 0) || index % CompileEvery == 0)
                {
                    lock (pending)
                    {
                        pending.Add((index, fuzzCase.ToString(), sources));
                    }

                    CompileIfFull(drain: false);
                }
            }, iter: iterations, threads: threads);

            CompileIfFull(drain: true);
            _output.WriteLine(FormattableString.Invariant(
                $"{counter} cases on {threads} thread(s) in {clock.Elapsed.TotalSeconds:F1} s ({counter / clock.Elapsed.TotalSeconds:F0} cases/s); {seenOutputs.Count} distinct outputs; {compiled} compiled."));
            lock (_slowestLock)
            {
                _output.WriteLine(FormattableString.Invariant($"Slowest generator run (after warm-up): {_slowest.TotalMilliseconds:F0} ms, {_slowestCase}"));
            }
            Assert.Equal(iterations, counter);
            Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Take(3)));
            Assert.True(compiled > 0, "no case generated code: the mutations are too destructive to test compilation");
        }

        // The slowest generator run and its input (the first cases pay for JIT and are left out).
        private void RecordTime(TimeSpan elapsed, int index, FuzzCase fuzzCase)
        {
            if (index <= 50)
            {
                return;
            }

            lock (_slowestLock)
            {
                if (elapsed > _slowest)
                {
                    _slowest = elapsed;
                    var text = fuzzCase.ToString();
                    _slowestCase = "case " + index + ", " + (text.Length > 300 ? text.Substring(0, 300) + "…" : text);
                }
            }
        }

        // Compiles a batch of cases' outputs together; returns the first errors and the doc that caused them, or null.
        private static string? Compile(List<(int Case, string Doc, string[] Sources)> batch)
        {
            var trees = batch.SelectMany(c => c.Sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, "/fuzz/case" + c.Case + "/g" + i + ".cs")));
            var comp = CSharpCompilation.Create("FuzzBatch", trees, References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = comp.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0)
            {
                return null;
            }

            var casePath = errors[0].Location.GetLineSpan().Path;
            var culprit = batch.FirstOrDefault(c => casePath.StartsWith("/fuzz/case" + c.Case + "/", StringComparison.Ordinal));
            return "generated code does not compile: " + string.Join("\n", errors.Take(5)) + "\nDoc: " + culprit.Doc;
        }

        private static string Hash(string text)
        {
            using var sha = SHA256.Create();
            return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }

        private static int EnvInt(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : fallback;

        private sealed class MemoryText : AdditionalText
        {
            private readonly SourceText _text;

            public MemoryText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private readonly GlobalOptions _global;

            public Options(string rootNamespace) => _global = new GlobalOptions(rootNamespace);

            public override AnalyzerConfigOptions GlobalOptions => _global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptionsEmpty.Instance;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptionsEmpty.Instance;
        }

        private sealed class GlobalOptions : AnalyzerConfigOptions
        {
            private readonly string _ns;

            public GlobalOptions(string ns) => _ns = ns;

            public override bool TryGetValue(string key, out string value)
            {
                value = key == "build_property.RootNamespace" ? _ns : string.Empty;
                return key == "build_property.RootNamespace";
            }
        }

        private sealed class GlobalOptionsEmpty : AnalyzerConfigOptions
        {
            public static readonly GlobalOptionsEmpty Instance = new GlobalOptionsEmpty();

            public override bool TryGetValue(string key, out string value)
            {
                value = string.Empty;
                return false;
            }
        }
    }
}
