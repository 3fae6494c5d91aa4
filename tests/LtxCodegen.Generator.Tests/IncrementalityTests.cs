using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    public class IncrementalityTests
    {
        // Every tracking name the generator has (Steps): the test below fails if one is not tracked.
        private static readonly string[] TrackedSteps =
        {
            LtxCodegenGenerator.Steps.DocInputs, LtxCodegenGenerator.Steps.ParsedDocs, LtxCodegenGenerator.Steps.MergedModels,
            LtxCodegenGenerator.Steps.Options, LtxCodegenGenerator.Steps.ModelSources, LtxCodegenGenerator.Steps.Registry,
        };

        private static Doc[] Docs() => TestDocs.ShippedSchemas()
            .Concat(new[] { TestDocs.Schema("corpus/json/model_cartwheel-text-to-motion.json"), TestDocs.Schema("corpus/provider-pages/docs-provider-clarity-ai-upscale.md") })
            .ToArray();

        [Fact]
        public void An_unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
        {
            var compilation = GeneratorHarness.CreateCompilation(sources: "namespace Consumer { public class A { } }");
            var driver = GeneratorHarness.CreateDriver(Docs()).RunGenerators(compilation);
            var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { public class B { public int X; } }", new CSharpParseOptions(LanguageVersion.Latest)));
            var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

            foreach (var name in TrackedSteps)
            {
                Assert.True(result.TrackedSteps.ContainsKey(name), "step not tracked: " + name);
                foreach (var step in result.TrackedSteps[name])
                {
                    foreach (var (_, reason) in step.Outputs)
                    {
                        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " ran: " + reason);
                    }
                }
            }
        }

        [Fact]
        public void Editing_one_doc_reruns_only_that_doc()
        {
            var docs = Docs();
            var texts = docs.Select(d => new GeneratorHarness.InMemoryAdditionalText(d.Path, d.Text)).ToList();
            var compilation = GeneratorHarness.CreateCompilation(sources: "namespace Consumer { public class A { } }");
            var driver = GeneratorHarness.CreateDriver(texts.Cast<AdditionalText>()).RunGenerators(compilation);
            Assert.Equal(docs.Length, driver.GetRunResult().Results.Single().TrackedSteps[LtxCodegenGenerator.Steps.DocInputs].Length);

            var target = docs.Single(d => d.Path.EndsWith("model_cartwheel-text-to-motion.json", StringComparison.Ordinal));
            var additional = texts.Single(t => t.Path == target.Path);
            var changed = new ReplacementText(target.Path, target.Text.Replace("How long the animation lasts, in seconds.", "How long the animation lasts (seconds)."));
            Assert.NotEqual(target.Text, changed.GetText().ToString());
            driver = driver.ReplaceAdditionalText(additional, changed).RunGenerators(compilation);
            var result = driver.GetRunResult().Results.Single();

            var parsed = result.TrackedSteps[LtxCodegenGenerator.Steps.ParsedDocs];
            var modifiedDocs = parsed.Where(s => s.Outputs.Any(o => o.Reason == IncrementalStepRunReason.Modified)).ToList();
            Assert.Single(modifiedDocs);
            Assert.All(parsed.Except(modifiedDocs), s => Assert.All(s.Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason)));

            var sources = result.TrackedSteps[LtxCodegenGenerator.Steps.ModelSources];
            var rerun = sources.SelectMany(s => s.Outputs).Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).ToList();
            var output = Assert.Single(rerun);
            Assert.Contains("CartwheelTextToMotion", output.Value.ToString());
            Assert.Contains(result.TrackedSteps[LtxCodegenGenerator.Steps.Registry].Single().Outputs.Single().Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        }

        [Fact]
        public void No_pipeline_output_holds_a_symbol_syntax_node_or_compilation()
        {
            var compilation = GeneratorHarness.CreateCompilation(sources: "namespace Consumer { public class A { } }");
            var result = GeneratorHarness.CreateDriver(Docs()).RunGenerators(compilation).GetRunResult().Results.Single();
            Assert.NotEmpty(result.TrackedSteps);
            // Our steps (Roslyn's own input steps, such as "Compilation", are not pipeline values of ours).
            foreach (var step in TrackedSteps.SelectMany(name => result.TrackedSteps[name]))
            {
                foreach (var (value, _) in step.Outputs)
                {
                    AssertNoRoslynObjects(value, step.Name ?? "?", new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
                }
            }
        }

        private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen, int depth)
        {
            if (value is null || depth > 40)
            {
                return;
            }

            Assert.False(value is ISymbol || value is SyntaxNode || value is Compilation || value is SemanticModel || value is SyntaxTree, path + " holds " + value.GetType());
            var type = value.GetType();
            if (type.IsPrimitive || type.IsEnum || value is string || value is decimal)
            {
                return;
            }

            if (!type.IsValueType && !seen.Add(value))
            {
                return;
            }

            if (value is IEnumerable sequence)
            {
                var i = 0;
                foreach (var item in sequence)
                {
                    AssertNoRoslynObjects(item, path + "[" + i++ + "]", seen, depth + 1);
                }

                return;
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                AssertNoRoslynObjects(field.GetValue(value), path + "." + field.Name, seen, depth + 1);
            }
        }

        private sealed class ReplacementText : AdditionalText
        {
            private readonly SourceText _text;

            public ReplacementText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
        }
    }
}
