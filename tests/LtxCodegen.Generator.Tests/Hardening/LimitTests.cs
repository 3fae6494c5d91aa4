using System.Linq;
using System.Text;
using LtxCodegen.Schema.Parsing;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static LtxCodegen.Generator.Tests.Hardening.HardeningDocs;

namespace LtxCodegen.Generator.Tests.Hardening
{
    /// <summary>
    /// What one doc may produce is capped (rows, parameters, allowed values, description and name length); each cap
    /// hit is a located LTXG0019 and the generated code stays small and compiling. Linear cost is shown structurally
    /// here (the collapsed-page repair of a one-line page equals the page with line breaks) and timed by
    /// <c>benchmarks/ ... generator-scaling</c>, never by a timed unit test.
    /// </summary>
    public class LimitTests
    {
        [Fact]
        public void A_table_of_more_rows_than_the_cap_is_cut_at_the_row_that_exceeds_it()
        {
            var rows = Enumerable.Range(0, 1100).Select(i => "| `p" + i + "` | boolean | - | - | P |").ToArray();
            var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("big.md", Page("model_big", rows)) });
            Compiles(run);
            var d = Assert.Single(Located(run, "LTXG0019"), x => x.GetMessage().Contains("rows"));
            Assert.Equal(6 + 1001, Line(d));

            // 1,000 rows read, 500 parameters kept (the parameter cap).
            var request = run.Output.GetTypeByMetadataName("Consumer.Models.BigRequest")!;
            Assert.Equal(500, request.GetMembers().OfType<IPropertySymbol>().Count(p => p.Name.StartsWith("P", System.StringComparison.Ordinal)));
            Assert.Contains(Located(run, "LTXG0019"), x => x.GetMessage().Contains("500 parameters") && Line(x) == 6 + 501);
        }

        [Fact]
        public void Two_docs_whose_merged_parameters_exceed_the_cap_are_reported()
        {
            var a = ModelJson("model_m", Enumerable.Range(0, 300).Select(i => "{\"name\": \"a" + i + "\", \"type\": \"boolean\"}").ToArray());
            var b = ModelJson("model_m", Enumerable.Range(0, 300).Select(i => "{\"name\": \"b" + i + "\", \"type\": \"boolean\"}").ToArray());
            var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("a.json", a), HardeningDocs.Schema("b.json", b) });
            Compiles(run);
            var d = Assert.Single(Located(run, "LTXG0019"));
            Assert.Equal("/p/schemas/b.json", d.Location.GetLineSpan().Path);
            Assert.Contains("'b200'", d.GetMessage());
        }

        [Fact]
        public void Too_many_allowed_values_drop_the_list_with_a_diagnostic()
        {
            var values = string.Join(",", Enumerable.Range(0, 100_000).Select(i => "\"v" + i + "\""));
            var json = ModelJson("model_o", "{\"name\": \"mode\", \"type\": \"string\", \"allowedValues\": [" + values + "]}");
            var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("o.json", json) });
            Compiles(run);
            Assert.Contains("500 values", Assert.Single(Located(run, "LTXG0019")).GetMessage());
            var mode = run.Output.GetTypeByMetadataName("Consumer.Models.ORequest")!.GetMembers("Mode").OfType<IPropertySymbol>().Single();
            Assert.Equal("string?", mode.Type.ToDisplayString());
        }

        [Fact]
        public void Duplicate_allowed_values_are_kept_once_in_order()
        {
            var json = ModelJson("model_o", "{\"name\": \"mode\", \"type\": \"string\", \"allowedValues\": [\"b\", \"a\", \"b\", \"c\", \"a\"]}");
            var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("o.json", json) });
            Compiles(run);
            Assert.Contains("KnownValues", run.Source("O.g.cs"));
            Assert.Contains("Known = { \"b\", \"a\", \"c\" }", run.Source("O.g.cs"));
        }

        [Fact]
        public void Long_descriptions_and_names_are_cut_or_refused_with_a_diagnostic()
        {
            var longName = new string('n', 300);
            var run = GeneratorHarness.Run(new[]
            {
                HardeningDocs.Schema("d.md", Page("model_d",
                    "| `prompt` | string | yes | - | " + new string('x', 10_000) + " |",
                    "| `" + longName + "` | string | - | - | P |")),
            });

            Compiles(run);
            var diagnostics = Located(run, "LTXG0019");
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("4000 characters") && Line(d) == 7);
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("200 characters") && Line(d) == 8);
            Assert.True(run.Source("D.g.cs").Length < 20_000, "output " + run.Source("D.g.cs").Length);
        }

        [Fact]
        public void A_provider_page_of_more_models_than_the_cap_is_cut_at_the_model_that_exceeds_it()
        {
            var sections = string.Concat(Enumerable.Range(0, 205).Select(i =>
                "## M" + i + "\n\n**Model ID:** `model_m" + i + "`\n\n| Parameter | Type | Required | Default | Min | Max | Allowed Values | Description |\n|---|---|---|---|---|---|---|---|\n| `a` | boolean | No | - | - | - | - | A |\n\n"));
            var page = "---\ntitle: Many\n---\n\n# Many\n\n" + sections;
            var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("many.md", page) });
            Compiles(run);
            var d = Assert.Single(Located(run, "LTXG0019"));
            Assert.Contains("200 models", d.GetMessage());
            Assert.Contains("'model_m200'", d.GetMessage());
            Assert.Equal(201, run.HintNames.Count());
        }

        [Fact]
        public void A_doc_larger_than_the_cap_is_not_read()
        {
            var page = Page("model_huge", "| `a` | string | - | - | A |") + new string(' ', 4 * 1024 * 1024);
            var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("huge.md", page) });
            Compiles(run);
            Assert.Contains("4194304 characters", Assert.Single(Located(run, "LTXG0019")).GetMessage());
            Assert.Null(run.Output.GetTypeByMetadataName("Consumer.Models.HugeRequest"));
        }

        [Fact]
        public void Markdown_nested_beyond_the_readers_depth_is_a_limit_not_an_internal_error()
        {
            var page = Page("model_deep", "| `a` | string | - | - | A |") + "\n" + Repeat("**x ", 20_000) + "\n";
            var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("deep.md", page) });
            Compiles(run);
            var d = Assert.Single(Located(run, "LTXG0019"));
            Assert.Contains("nesting", d.GetMessage());
        }

        [Fact]
        public void A_one_line_page_of_headings_repairs_to_the_page_with_line_breaks()
        {
            var oneLine = "# T " + Repeat("## A ", 20_000) + "**Model ID:** `model_t` | Parameter | Type | |---|---| | `a` | string |";
            var repaired = CollapsedPageRepair.Repair(oneLine).Text;
            Assert.Equal(20_000, repaired.Split('\n').Count(l => l == "## A"));
            Assert.Contains("| `a` | string |", repaired);
        }
    }
}
