using System.Linq;
using System.Text;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>
    /// The generated source, checked in as Snapshots/*.verified.cs. A mismatch writes *.received.cs; accept a change
    /// with LTXCODEGEN_ACCEPT_SNAPSHOTS=1.
    /// </summary>
    public class SnapshotTests
    {
        [Theory]
        [InlineData("Ltx2_19bExtendVideo")]
        [InlineData("Ltx2_19bVideoToVideo")]
        [InlineData("ScenarioModels")]
        public void Shipped_schemas(string stem)
        {
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas());
            Snapshot.Verify("Shipped." + stem, run.Source(stem + ".g.cs"));
        }

        [Fact]
        public void Seed_page_alone_in_a_csharp9_consumer()
        {
            var run = GeneratorHarness.Run(new[] { TestDocs.Schema("seeds/ltx-2-19b-extend-video.md") }, LanguageVersion.CSharp9);
            Snapshot.Verify("Seed.CSharp9.Ltx2_19bExtendVideo", run.Source("Ltx2_19bExtendVideo.g.cs"));
        }

        [Theory]
        [InlineData("corpus/markdown/model_kling-v3-omni-video.md", "KlingV3OmniVideo")]
        [InlineData("corpus/json/model_cartwheel-text-to-motion.json", "CartwheelTextToMotion")]
        [InlineData("corpus/provider-pages/docs-provider-clarity-ai-upscale.md", "ClarityProUpscaler")]
        public void One_doc_per_corpus_format(string path, string stem)
        {
            var run = GeneratorHarness.Run(new[] { TestDocs.Schema(path) });
            Snapshot.Verify("Corpus." + stem, run.Source(stem + ".g.cs"));
        }

        [Fact]
        public void Corpus_diagnostics()
        {
            var sb = new StringBuilder();
            foreach (var path in TestDocs.Corpus())
            {
                var run = GeneratorHarness.Run(new[] { TestDocs.Schema(path) });
                sb.Append("## ").Append(path).Append('\n');
                sb.Append("generated: ").Append(string.Join(", ", run.HintNames.OrderBy(h => h))).Append('\n');
                foreach (var d in run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start))
                {
                    var span = d.Location.GetLineSpan();
                    sb.Append(d.Id).Append(' ').Append(d.Severity).Append(" (").Append(span.StartLinePosition.Line + 1).Append(',').Append(span.StartLinePosition.Character + 1)
                        .Append("): ").Append(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                }

                sb.Append('\n');
            }

            Snapshot.Verify("Corpus.Diagnostics", sb.ToString(), ".txt");
        }
    }
}
