using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LtxCodegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LtxCodegen.Analyzer.Tests.Infrastructure
{
    /// <summary>Runs <see cref="ScenarioRequestAnalyzer"/> on a consumer file plus the hand-written request models.</summary>
    internal sealed class AnalyzerTest : CSharpAnalyzerTest<ScenarioRequestAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest(LanguageVersion languageVersion)
        {
            ReferenceAssemblies = TestReferences.None;
            TestSetup.Apply(TestState, SolutionTransforms, languageVersion);
        }

        /// <summary>Runs the LtxCodegen generator on the repo's schemas/ docs (added by <see cref="WithSeeds"/>).</summary>
        public bool UseGenerator { get; private set; }

        protected override IEnumerable<System.Type> GetSourceGenerators() =>
            UseGenerator ? new[] { typeof(LtxCodegen.Generator.LtxCodegenGenerator) } : Enumerable.Empty<System.Type>();

        /// <summary>Adds the seed docs and the generator: the consumer code talks to real generated request classes.</summary>
        public AnalyzerTest WithSeeds()
        {
            UseGenerator = true;
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            SeedDocs.AddTo(TestState);
            return this;
        }

        /// <summary>Checks <paramref name="consumer"/> (with markup) against the classes generated from the seed docs.</summary>
        public static Task VerifySeedsAsync(LanguageVersion languageVersion, string consumer, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest(languageVersion) { TestCode = consumer }.WithSeeds();
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>Checks <paramref name="consumer"/> (with markup) against the hand-written models.</summary>
        public static Task VerifyAsync(LanguageVersion languageVersion, string consumer, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest(languageVersion) { TestCode = consumer };
            test.TestState.Sources.Add(("Models.cs", TestModels.Source));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<ScenarioRequestAnalyzer, DefaultVerifier>.Diagnostic(id);
    }
}
