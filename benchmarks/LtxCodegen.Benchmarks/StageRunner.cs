using System.Collections.Generic;
using System.Linq;
using System.Text;
using LtxCodegen.Schema.Names;
using LtxCodegen.Generator.Emitting;
using LtxCodegen.Schema.Merging;
using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Parsing;
using Markdig;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Benchmarks
{
    /// <summary>The generator's stages called directly (no driver), for the stage benchmarks.</summary>
    internal sealed class StageRunner
    {
        private static readonly GenerationOptions Options = new GenerationOptions("Bench.Models", (int)LanguageVersion.Latest, true, true);

        private readonly (string Path, string Text)[] _docs;
        private readonly string[] _rebuilt;
        private readonly string[] _emitted;

        public StageRunner((string Path, string Text)[] docs)
        {
            _docs = docs;
            _rebuilt = docs.Select(d => d.Path.EndsWith(".json", System.StringComparison.Ordinal) || !CollapsedPageRepair.LooksCollapsed(d.Text)
                ? d.Text
                : CollapsedPageRepair.Repair(d.Text).Text).ToArray();
            _emitted = Emit(Parse()).ToArray();
        }

        public int MarkdigAsGiven() => Count(_docs.Select(d => d.Text));

        public int MarkdigOnRebuilt() => Count(_rebuilt);

        public List<ParsedDoc> Parse() => _docs.Select(d => DocParser.Parse(new DocInput(d.Path, d.Text))).ToList();

        public int ParseMergeEmit() => Emit(Parse()).Sum(s => s.Length);

        public int ParseEmitted()
        {
            var nodes = 0;
            foreach (var source in _emitted)
            {
                var tree = CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), BenchDocs.ParseOptions);
                nodes += tree.GetRoot().FullSpan.Length;
            }

            return nodes;
        }

        private static IEnumerable<string> Emit(List<ParsedDoc> parsed)
        {
            var merged = NameAllocator.Name(ModelMerger.Merge(parsed));
            foreach (var model in merged.Models)
            {
                yield return ModelSourceEmitter.Emit(model, Options);
            }

            yield return RegistryEmitter.Emit(merged.Models.Select(m => new ModelSummary(m.Id, Naming.Stem(m.Id))).ToEquatableArray(), Options);
        }

        private static int Count(IEnumerable<string> texts)
        {
            var blocks = 0;
            foreach (var text in texts)
            {
                blocks += Markdown.Parse(text, MarkdownBlocks.Pipeline).Count;
            }

            return blocks;
        }
    }
}
