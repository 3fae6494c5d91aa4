using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static LtxCodegen.Generator.Tests.Hardening.HardeningDocs;

namespace LtxCodegen.Generator.Tests.Hardening
{
    /// <summary>
    /// Generated code names the runtime and the BCL through namespace aliases (<c>__Ltx::</c>, <c>__LtxMeta::</c>,
    /// <c>__Sys::</c>) declared in its namespace block: user code that reuses those names, or names a type
    /// <c>System</c> or <c>LtxCodegen</c>, must change nothing.
    /// </summary>
    public class AliasQualifierTests
    {
        /// <summary>User types named like the aliases and like the namespaces the aliases stand for, in the generated namespace and its parent.</summary>
        private const string HostileTypes =
            "namespace Consumer.Models { public class __Ltx { } public class __LtxMeta { } public class __Sys { } public class System { } public class LtxCodegen { } }\n" +
            "namespace Consumer { public class __Ltx { } public class __LtxMeta { } public class __Sys { } public class System { } public class LtxCodegen { } }";

        /// <summary>Uses the typed API the aliases spell: request, option struct known value and equality, typed call.</summary>
        private const string UsesApi =
            "namespace Consumer.App { public static class Use {\n" +
            "  public static bool Auto() { var r = new global::Consumer.Models.Ltx2_19bExtendVideoRequest(\"p\", \"asset\") { AspectRatio = global::Consumer.Models.Ltx2_19bExtendVideoAspectRatio.Auto }; return r.AspectRatio == \"auto\" && r.AspectRatio.Value.IsKnown && r.AspectRatio.Value.ToString() == \"auto\"; }\n" +
            "  public static global::System.Threading.Tasks.Task<global::LtxCodegen.ScenarioJob> Submit(global::LtxCodegen.IScenarioClient c) => global::Consumer.Models.Ltx2_19bExtendVideoClientExtensions.SubmitLtx2_19bExtendVideoAsync(c, new global::Consumer.Models.Ltx2_19bExtendVideoRequest(\"p\", \"asset\"));\n" +
            "} }";

        [Fact]
        public void A_users_global_using_aliases_with_the_same_names_are_hidden_not_clashing()
        {
            var globalUsings = "global using __Ltx = System.Text;\nglobal using __LtxMeta = System.IO;\nglobal using __Sys = System.Linq;";
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas(), LanguageVersion.Latest, sources: new[] { globalUsings, HostileTypes, UsesApi });

            Compiles(run);
            Assert.Contains("using __Ltx = global::LtxCodegen;", run.Source("Ltx2_19bExtendVideo.g.cs"));
            Assert.True(CallAuto(run));
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public void User_types_named_like_the_aliases_or_System_or_LtxCodegen_do_not_capture_a_reference(LanguageVersion version)
        {
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas(), version, sources: new[] { HostileTypes, UsesApi });

            Compiles(run);
            Assert.True(CallAuto(run));
        }

        [Fact]
        public void Generated_code_names_the_runtime_and_the_BCL_only_through_the_aliases()
        {
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas());

            foreach (var name in run.HintNames)
            {
                var lines = run.Source(name).Split('\n');
                var directives = lines.Where(l => l.TrimStart().StartsWith("using ", System.StringComparison.Ordinal)).ToList();
                Assert.Equal(new[] { "\tusing __Ltx = global::LtxCodegen;", "\tusing __LtxMeta = global::LtxCodegen.Metadata;", "\tusing __Sys = global::System;" }, directives);
                var body = string.Join("\n", lines.Except(directives));
                Assert.DoesNotContain("global::LtxCodegen", body);
                Assert.DoesNotContain("global::System", body);
                Assert.Contains("__Sys::", body);
            }
        }

        private static bool CallAuto(GenerationRun run) =>
            (bool)GeneratorHarness.Load(run.Output).GetType("Consumer.App.Use")!.GetMethod("Auto")!.Invoke(null, null)!;
    }
}
