using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static LtxCodegen.Generator.Tests.Hardening.HardeningDocs;

namespace LtxCodegen.Generator.Tests.Hardening
{
    /// <summary>Line endings, look-alike names and bidi controls: what displays is what compiles.</summary>
    public class TextHygieneTests
    {
        private static readonly char[] BidiControls =
        {
            '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
        };

        [Fact]
        public void A_doc_with_lone_cr_line_ends_keeps_its_table_and_its_line_numbers()
        {
            var page = Page("model_cr", "| `prompt` | string | yes | - | P |", "| `seed` | integer | - | `x` | S |").Replace("\n", "\r");
            var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("cr.md", page) });
            Compiles(run);
            Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Models.CrRequest"));
            Assert.Equal(8, Line(Assert.Single(Located(run, "LTXG0010"))));
        }

        [Fact]
        public void Mixed_line_ends_are_read_alike()
        {
            var lf = Page("model_le", "| `prompt` | string | yes | - | P |", "| `steps` | integer | - | `4` | Steps (1-10) |");
            var mixed = string.Concat(lf.Split('\n').Select((l, i) => l + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n")));
            var a = GeneratorHarness.Run(new[] { HardeningDocs.Schema("le.md", lf) });
            var b = GeneratorHarness.Run(new[] { HardeningDocs.Schema("le.md", mixed) });
            Compiles(b);
            Assert.Equal(a.Source("Le.g.cs"), b.Source("Le.g.cs"));
        }

        [Fact]
        public void A_name_with_a_cyrillic_letter_is_warned_and_so_is_its_latin_look_alike()
        {
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("c.md", Page("model_c", "| `prompt` | string | yes | - | P |", "| `pr\u043Empt` | string | - | - | Q |")),
            });

            Compiles(run);
            var warnings = Located(run, "LTXG0020");
            Assert.Equal(2, warnings.Count);
            Assert.All(warnings, w => Assert.Equal(8, Line(w)));
            Assert.Contains(warnings, w => w.GetMessage().Contains("Latin and Cyrillic") && w.GetMessage().Contains("U+043E"));
            Assert.Contains(warnings, w => w.GetMessage().Contains("looks like 'prompt'"));
            Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        }

        [Fact]
        public void Two_models_whose_type_names_look_alike_are_warned()
        {
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("a.md", Page("model_video", "| `prompt` | string | yes | - | P |")),
                HardeningDocs.Schema("b.md", Page("model_vid\u0435o", "| `prompt` | string | yes | - | P |")),
            });

            Compiles(run);
            var warnings = Located(run, "LTXG0020");
            Assert.Contains(warnings, w => w.GetMessage().Contains("look like those of model 'model_video'") && w.Location.GetLineSpan().Path.EndsWith("b.md", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Names_in_one_script_and_latin_with_cjk_are_not_warned()
        {
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("c.md", Page("model_c", "| `prompt` | string | yes | - | P |", "| `\u0440\u0430\u0437\u043C\u0435\u0440` | integer | - | - | Q |", "| `size_\u65E5\u672C` | integer | - | - | R |")),
            });

            Compiles(run);
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "LTXG0020");
        }

        [Fact]
        public void Bidi_controls_never_reach_generated_code_or_messages()
        {
            var evil = string.Concat(BidiControls.Select(c => "a" + c));
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("b.md", "# Evil" + evil + " — API Reference\n\n**Model ID:** `model_b`\n\n" + TableHeader +
                    "| `prompt` | string | yes | `d" + evil + "` | Desc " + evil + " |\n" +
                    "| `mode" + evil + "` | string | - | - | Possible values are x" + evil + ", y. |\n" +
                    "| `n` | integer | - | `" + evil + "` | N |\n"),
            });

            Compiles(run);
            foreach (var hint in run.HintNames)
            {
                var text = run.Source(hint);
                Assert.True(text.IndexOfAny(BidiControls) < 0, hint + " holds a bidi control");
            }

            Assert.NotEmpty(run.GeneratorDiagnostics);
            Assert.All(run.GeneratorDiagnostics, d => Assert.True(d.GetMessage().IndexOfAny(BidiControls) < 0, d.ToString()));
        }
    }
}
