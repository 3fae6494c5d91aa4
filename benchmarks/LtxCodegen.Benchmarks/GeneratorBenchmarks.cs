using System.Linq;
using BenchmarkDotNet.Attributes;
using Markdig;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LtxCodegen.Benchmarks
{
    /// <summary>Generator cold run vs Markdig alone parsing the same docs (the floor). Target: ≤ 1.5×, linear.</summary>
    public class GeneratorColdBenchmarks
    {
        private (string Path, string Text)[] _docs = null!;
        private AdditionalText[] _texts = null!;
        private CSharpCompilation _compilation = null!;

        [Params(2, 100, 1000)]
        public int Docs { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _docs = BenchDocs.Create(Docs);
            _texts = BenchDocs.Texts(_docs);
            _compilation = BenchDocs.Compilation();
        }

        /// <summary>Markdig with the generator's own pipeline (front matter, pipe tables, precise locations) on the docs as given.</summary>
        [Benchmark(Baseline = true)]
        public int MarkdigOnly()
        {
            var blocks = 0;
            foreach (var doc in _docs)
            {
                blocks += Markdown.Parse(doc.Text, LtxCodegen.Schema.Parsing.MarkdownBlocks.Pipeline).Count;
            }

            return blocks;
        }

        /// <summary>A fresh driver over a fresh compilation: read, parse, merge, emit, and Roslyn's parse of the output.</summary>
        [Benchmark]
        public int GeneratorCold()
        {
            var driver = BenchDocs.Driver(_texts).RunGenerators(_compilation);
            return driver.GetRunResult().GeneratedTrees.Length;
        }
    }

    /// <summary>
    /// Where a cold run's time goes at 1,000 docs, stage by stage, each against the same Markdig floor: the generator's
    /// parse alone, parse + merge + emit (all the generator's own work), and Roslyn parsing the emitted C# (the part
    /// the driver adds for every generated file).
    /// </summary>
    public class GeneratorStageBenchmarks
    {
        private StageRunner _runner = null!;

        [Params(1000)]
        public int Docs { get; set; }

        [GlobalSetup]
        public void Setup() => _runner = new StageRunner(BenchDocs.Create(Docs));

        [Benchmark(Baseline = true)]
        public int MarkdigOnly() => _runner.MarkdigAsGiven();

        /// <summary>Markdig on the text the generator hands it (collapsed pages with their lines rebuilt).</summary>
        [Benchmark]
        public int MarkdigOnRebuiltLines() => _runner.MarkdigOnRebuilt();

        [Benchmark]
        public int GeneratorParse() => _runner.Parse().Count;

        [Benchmark]
        public int GeneratorParseMergeEmit() => _runner.ParseMergeEmit();

        [Benchmark]
        public int RoslynParseOfEmittedCode() => _runner.ParseEmitted();
    }

    /// <summary>Incremental runs at 1,000 docs. Target: unrelated C# edit ≤ 5% of the cold run; one-doc edit re-parses one doc.</summary>
    public class GeneratorIncrementalBenchmarks
    {
        private GeneratorDriver _warm = null!;
        private CSharpCompilation _edited = null!;
        private CSharpCompilation _compilation = null!;
        private AdditionalText _oldDoc = null!;
        private AdditionalText _newDoc = null!;

        [GlobalSetup]
        public void Setup()
        {
            var docs = BenchDocs.Create(1000);
            var texts = BenchDocs.Texts(docs);
            _compilation = BenchDocs.Compilation();
            _edited = BenchDocs.Compilation("namespace Consumer { internal static class Placeholder { public static int Edited = 1; } }");
            _warm = BenchDocs.Driver(texts).RunGenerators(_compilation);

            // Doc #500 is a seed page (every 24th doc is one): edit a description.
            _oldDoc = texts[504];
            _newDoc = new BenchDocs.Doc(docs[504].Path, docs[504].Text.Replace("Output frame rate", "Output frame rate (edited)"));
            if (_newDoc.GetText()!.ToString() == _oldDoc.GetText()!.ToString())
            {
                throw new System.InvalidOperationException("the one-doc edit changed nothing");
            }
        }

        [Benchmark]
        public int UnrelatedCSharpEdit() => _warm.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;

        [Benchmark]
        public int OneDocEdit() => _warm.ReplaceAdditionalText(_oldDoc, _newDoc).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
    }
}
