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
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();
        private (string Path, string Text)[] _docs = null!;
        private AdditionalText[] _texts = null!;
        private CSharpCompilation _compilation = null!;

        [Params(2, 100, 1000)]
        public int Docs { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _docs = BenchDocs.Create(Docs);
            _texts = _docs.Select(d => (AdditionalText)new BenchDocs.Doc(d.Path, d.Text)).ToArray();
            _compilation = BenchDocs.Compilation();
        }

        [Benchmark(Baseline = true)]
        public int MarkdigOnly()
        {
            var blocks = 0;
            foreach (var doc in _docs)
            {
                blocks += Markdown.Parse(doc.Text, Pipeline).Count;
            }

            return blocks;
        }

        [Benchmark]
        public int GeneratorCold()
        {
            var driver = BenchDocs.Driver(_texts).RunGenerators(_compilation);
            return driver.GetRunResult().GeneratedTrees.Length;
        }
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
            var texts = docs.Select(d => (AdditionalText)new BenchDocs.Doc(d.Path, d.Text)).ToArray();
            _compilation = BenchDocs.Compilation();
            _edited = BenchDocs.Compilation("namespace Consumer { internal static class Placeholder { public static int Edited = 1; } }");
            _warm = BenchDocs.Driver(texts).RunGenerators(_compilation);
            _oldDoc = texts[500];
            _newDoc = new BenchDocs.Doc(docs[500].Path, docs[500].Text.Replace("Frames per second", "Frames per second (edited)"));
        }

        [Benchmark]
        public int UnrelatedCSharpEdit() => _warm.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;

        [Benchmark]
        public int OneDocEdit() => _warm.ReplaceAdditionalText(_oldDoc, _newDoc).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
    }
}
