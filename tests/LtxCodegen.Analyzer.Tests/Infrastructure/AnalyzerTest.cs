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

        public List<ISourceGenerator> Generators { get; } = new List<ISourceGenerator>();

        protected override IEnumerable<System.Type> GetSourceGenerators() => Generators.Select(g => g.GetType());

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
