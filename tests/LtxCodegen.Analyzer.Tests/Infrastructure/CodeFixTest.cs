using System.Threading.Tasks;
using LtxCodegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Analyzer.Tests.Infrastructure
{
    /// <summary>Runs a code fix (and fix-all in document, project and solution scope) against the hand-written models.</summary>
    internal sealed class CodeFixTest<TCodeFix> : CSharpCodeFixTest<ScenarioRequestAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        public CodeFixTest(LanguageVersion languageVersion)
        {
            ReferenceAssemblies = TestReferences.None;
            TestSetup.Apply(TestState, SolutionTransforms, languageVersion);
            TestState.Sources.Add(("Models.cs", TestModels.Source));
            FixedState.Sources.Add(("Models.cs", TestModels.Source));
        }

        public static Task VerifyAsync(string source, string fixedSource, LanguageVersion languageVersion = LanguageVersion.CSharp9, int? iterations = null)
        {
            var test = new CodeFixTest<TCodeFix>(languageVersion);
            test.TestState.Sources.Insert(0, ("Consumer.cs", SourceText.From(source)));
            test.FixedState.Sources.Insert(0, ("Consumer.cs", SourceText.From(fixedSource)));
            if (iterations is { } count)
            {
                test.NumberOfFixAllIterations = count;
                test.NumberOfIncrementalIterations = count;
            }

            return test.RunAsync();
        }
    }
}
