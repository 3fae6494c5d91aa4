using System.Linq;
using LtxCodegen.Schema.Model;
using LtxCodegen.Schema.Parsing;
using LtxCodegen.Generator.Tests.Infrastructure;
using Xunit;
using static LtxCodegen.Generator.Tests.Hardening.HardeningDocs;

namespace LtxCodegen.Generator.Tests.Hardening
{
    /// <summary>
    /// Prose rules are a pure function of the description: no pattern can backtrack badly, so no rule is lost to
    /// a regex timeout on a busy machine (and a timeout, should one still happen, is a diagnostic).
    /// </summary>
    public class ProseDeterminismTests
    {
        // Each of these made a pattern of the old main backtrack quadratically (a long whitespace run after a colon,
        // a whitespace run inside a list, a run of unclosed parentheses in a list), so its 200 ms timeout fired and
        // every rule of the description was silently dropped. Read directly here, without the description cap.
        public static TheoryData<string> Hostile => new TheoryData<string>
        {
            "Max 500 characters. Options:" + new string(' ', 30_000),
            "Max 500 characters. Possible values are a" + new string(' ', 30_000) + "x",
            "Max 500 characters. Possible values are " + new string('(', 30_000),
        };

        [Theory]
        [MemberData(nameof(Hostile))]
        public void Hostile_descriptions_keep_their_rules(string description)
        {
            var findings = ProseRules.Read(description, ParameterKind.String, null);
            Assert.False(findings.TimedOut);
            Assert.Equal(500, findings.MaxLength);
        }

        [Fact]
        public void Every_parameter_of_a_hostile_page_gets_its_rule_every_time()
        {
            var row = "| `p{0}` | string | - | - | Max 500 characters. Options:" + new string(' ', 3000) + "a, b. |";
            var rows = Enumerable.Range(0, 5).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, row, i)).ToArray();
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("h.md", Page("model_h", rows)) });
                Compiles(run);
                Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "LTXG0021");
                Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(run.Source("H.g.cs"), "ScenarioMaxLength\\(500\\)").Count);
            }
        }

        [Fact]
        public void A_description_longer_than_the_cap_is_read_up_to_the_cap_and_reported()
        {
            var description = "Max 500 characters. " + new string('x', 100_000);
            var run = GeneratorHarness.Run(new[] { HardeningDocs.Schema("h.md", Page("model_h", "| `prompt` | string | - | - | " + description + " |")) });
            Compiles(run);
            Assert.Single(Located(run, "LTXG0019"));
            Assert.Contains("ScenarioMaxLength(500)", run.Source("H.g.cs"));
        }
    }
}
