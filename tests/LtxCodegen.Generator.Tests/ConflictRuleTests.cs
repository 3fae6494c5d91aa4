using System;
using System.Collections.Generic;
using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using LtxCodegen.Schema;
using LtxCodegen.Schema.Model;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>
    /// Two docs that describe the same model differently: a rule (a later stated page date, a structured value over
    /// prose, model JSON over a page) settles it with an LTXG0022 warning at both places; anything else is LTXG0008.
    /// </summary>
    public sealed class ConflictRuleTests
    {
        // A docs-site provider page as Scenario publishes them: front matter, the auto-generated note with its date,
        // one model with the eight-column table.
        private static string ProviderPage(string? date, string allowed, string min = "-", string max = "-", string strengthDescription = "Strength") =>
            "---\ntitle: Pixa | Scenario Docs\n---\n\n" +
            (date is null ? string.Empty : "> This page is auto-generated from model configurations. Last updated: " + date + ".\n\n") +
            "## Pixa Background Removal\n\nRemoves backgrounds.\n\n**Model ID:** `model_m`\n\n" +
            "| Parameter | Type | Required | Default | Min | Max | Allowed Values | Description |\n" +
            "| --- | --- | --- | --- | --- | --- | --- | --- |\n" +
            "| `image` | file | Yes | - | - | - | - | Input image |\n" +
            "| `outputFormat` | string | No | `rgba` | - | - | " + allowed + " | Output format |\n" +
            "| `strength` | number | No | - | " + min + " | " + max + " | - | " + strengthDescription + " |\n";

        private static string Json(string allowed) =>
            "{\"model\": {\"id\": \"model_m\", \"inputs\": [\n" +
            "  {\"name\": \"outputFormat\", \"type\": \"string\", \"allowedValues\": [" + allowed + "]}\n]}}";

        private static ParameterSpec Merged(IEnumerable<Doc> docs, string wireName) =>
            ModelDocs.Merge(docs.Select(d => ModelDocs.Read(d.Path, d.Text))).Models.Single().Parameters.Single(p => p.WireName == wireName);

        private static Diagnostic[] Settled(GenerationRun run) => run.GeneratorDiagnostics.Where(d => d.Id == "LTXG0022").ToArray();

        [Theory]
        [InlineData("2026-04-09", "2026-07-01")]
        [InlineData("2026-07-01", "2026-04-09")]
        public void The_page_stating_the_later_date_wins_in_either_file_order(string dateOfA, string dateOfB)
        {
            var a = new Doc("/p/schemas/a.md", ProviderPage(dateOfA, dateOfA == "2026-07-01" ? "`rgba`, `alpha`, `png`" : "`rgba`, `alpha`"));
            var b = new Doc("/p/schemas/b.md", ProviderPage(dateOfB, dateOfB == "2026-07-01" ? "`rgba`, `alpha`, `png`" : "`rgba`, `alpha`"));

            var run = GeneratorHarness.Run(new[] { a, b });

            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Empty(run.CompileDiagnostics);
            Assert.Equal(new[] { "rgba", "alpha", "png" }, Merged(new[] { a, b }, "outputFormat").Options!.Value.Values);
            var warnings = Settled(run);
            Assert.Equal(2, warnings.Length);
            Assert.All(warnings, w =>
            {
                Assert.Equal(DiagnosticSeverity.Warning, w.Severity);
                var message = w.GetMessage();
                Assert.Contains("parameter 'outputFormat'", message, StringComparison.Ordinal);
                Assert.Contains("a.md(16,", message, StringComparison.Ordinal);
                Assert.Contains("b.md(16,", message, StringComparison.Ordinal);
                Assert.Contains("; rgba, alpha, png is kept", message, StringComparison.Ordinal);
                Assert.Contains("Last updated: 2026-07-01 over 2026-04-09", message, StringComparison.Ordinal);
            });
        }

        [Fact]
        public void The_warning_is_reported_at_both_docs_at_the_parameter_rows()
        {
            var run = GeneratorHarness.Run(new[]
            {
                new Doc("/p/schemas/a.md", ProviderPage("2026-04-09", "`rgba`, `alpha`")),
                new Doc("/p/schemas/b.md", ProviderPage("2026-07-01", "`rgba`, `png`")),
            });

            var places = Settled(run).Select(d => d.Location.GetLineSpan()).Select(s => (s.Path, s.StartLinePosition.Line)).OrderBy(p => p.Path, StringComparer.Ordinal);
            Assert.Equal(new[] { ("/p/schemas/a.md", 15), ("/p/schemas/b.md", 15) }, places);
        }

        [Fact]
        public void The_result_does_not_depend_on_the_order_the_build_lists_the_files()
        {
            var docs = new[]
            {
                new Doc("/p/schemas/a.md", ProviderPage("2026-07-01", "`rgba`, `png`")),
                new Doc("/p/schemas/b.md", ProviderPage("2026-04-09", "`rgba`, `alpha`")),
                new Doc("/p/schemas/c.json", Json("\"rgba\", \"webp\"")),
            };

            static string[] Report(GenerationRun run) =>
                run.GeneratorDiagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage()).ToArray();

            var forward = GeneratorHarness.Run(docs);
            var backward = GeneratorHarness.Run(docs.Reverse());
            Assert.Equal(Report(forward), Report(backward));
            Assert.Equal(new[] { "rgba", "webp" }, Merged(docs.Reverse(), "outputFormat").Options!.Value.Values);
        }

        [Fact]
        public void A_structured_value_refines_a_prose_one_even_from_the_older_page_and_silently()
        {
            var older = new Doc("/p/schemas/a.md", ProviderPage("2026-04-09", "`rgba`, `alpha`", min: "0", max: "2"));
            var newer = new Doc("/p/schemas/b.md", ProviderPage("2026-07-01", "`rgba`, `alpha`", strengthDescription: "Strength (0-1)."));

            var run = GeneratorHarness.Run(new[] { older, newer });

            Assert.Empty(run.GeneratorDiagnostics);
            var strength = Merged(new[] { older, newer }, "strength");
            Assert.Equal(new Sourced<double>(2.0, RuleOrigin.Structured), strength.Maximum);
        }

        [Theory]
        [InlineData("/p/schemas/a.json", "/p/schemas/b.md")]
        [InlineData("/p/schemas/z.json", "/p/schemas/b.md")]
        public void Model_json_wins_over_a_page_whichever_path_sorts_first(string jsonPath, string pagePath)
        {
            var docs = new[] { new Doc(pagePath, ProviderPage("2026-07-01", "`rgba`, `alpha`")), new Doc(jsonPath, Json("\"rgba\", \"webp\"")) };

            var run = GeneratorHarness.Run(docs);

            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Empty(run.CompileDiagnostics);
            Assert.Equal(new[] { "rgba", "webp" }, Merged(docs, "outputFormat").Options!.Value.Values);
            var warnings = Settled(run);
            Assert.Equal(new[] { jsonPath, pagePath }.OrderBy(p => p, StringComparer.Ordinal), warnings.Select(w => w.Location.GetLineSpan().Path).OrderBy(p => p, StringComparer.Ordinal));
            Assert.All(warnings, w => Assert.Contains("rgba, webp is kept: model JSON refines a docs page", w.GetMessage(), StringComparison.Ordinal));
        }

        public static IEnumerable<object[]> Unsettled() => new[]
        {
            new object[] { "two pages stating the same date", new Doc("/p/schemas/a.md", ProviderPage("2026-04-09", "`rgba`, `alpha`")), new Doc("/p/schemas/b.md", ProviderPage("2026-04-09", "`rgba`, `png`")) },
            new object[] { "a page without a date", new Doc("/p/schemas/a.md", ProviderPage(null, "`rgba`, `alpha`")), new Doc("/p/schemas/b.md", ProviderPage("2026-07-01", "`rgba`, `png`")) },
            new object[] { "two model JSON files", new Doc("/p/schemas/a.json", Json("\"rgba\", \"alpha\"")), new Doc("/p/schemas/b.json", Json("\"rgba\", \"png\"")) },
        };

        [Theory]
        [MemberData(nameof(Unsettled))]
        public void A_disagreement_no_rule_settles_stays_an_error(string what, Doc a, Doc b)
        {
            var run = GeneratorHarness.Run(new[] { b, a });

            var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "LTXG0008");
            Assert.True(error.Severity == DiagnosticSeverity.Error, what);
            Assert.Equal(b.Path, error.Location.GetLineSpan().Path);
            Assert.Contains("the allowed values", error.GetMessage(), StringComparison.Ordinal);
            Assert.Empty(Settled(run));
            Assert.Equal(new[] { "rgba", "alpha" }, Merged(new[] { b, a }, "outputFormat").Options!.Value.Values);
        }

        [Fact]
        public void A_page_keeps_the_date_it_states_and_model_json_none()
        {
            var page = ModelDocs.Read("/p/a.md", ProviderPage("2026-04-09", "`rgba`"));
            Assert.Equal(new DateTime(2026, 4, 9), page.StatedDate);
            Assert.False(page.IsModelJson);

            Assert.Null(ModelDocs.Read("/p/a.md", ProviderPage(null, "`rgba`")).StatedDate);
            Assert.Null(ModelDocs.Read("/p/a.md", ProviderPage("2026-13-40", "`rgba`")).StatedDate);

            // A date in a model's own description is not the page's.
            var inModel = ProviderPage(null, "`rgba`").Replace("Removes backgrounds.", "Removes backgrounds. Last updated: 2026-04-09.");
            Assert.Null(ModelDocs.Read("/p/a.md", inModel).StatedDate);

            var json = ModelDocs.Read("/p/a.json", "{\"model\": {\"id\": \"model_m\", \"description\": \"Last updated: 2026-04-09.\", \"inputs\": []}}");
            Assert.Null(json.StatedDate);
            Assert.True(json.IsModelJson);
        }

        [Fact]
        public void The_catalogue_pages_that_share_a_model_generate_without_errors()
        {
            // Copied byte for byte from the catalogue (corpus/catalogue): model_pixa-background-removal is on both.
            var docs = new[] { "catalogue/background-removal-models-pixa.md", "catalogue/background-removal-models-pixelcut.md" }
                .Select(p => TestDocs.Schema("corpus/" + p)).ToArray();
            Assert.Equal(new DateTime(2026, 4, 9), ModelDocs.Read(docs[0].Path, docs[0].Text).StatedDate);
            Assert.Equal(new DateTime(2026, 7, 1), ModelDocs.Read(docs[1].Path, docs[1].Text).StatedDate);

            var run = GeneratorHarness.Run(docs);

            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Empty(run.CompileDiagnostics);
            Assert.Contains("PixaBackgroundRemoval.g.cs", run.HintNames);
        }
    }
}
