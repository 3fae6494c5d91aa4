using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LtxCodegen.Analyzer.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using static LtxCodegen.Analyzer.Tests.Infrastructure.AnalyzerTest;

namespace LtxCodegen.Analyzer.Tests
{
    /// <summary>
    /// A type defined in two referenced assemblies (here a library's internal copy of the runtime's rule attributes, where
    /// GetTypeByMetadataName returns null): the analyzer still finds the one the consumer binds to.
    /// </summary>
    public sealed class DuplicateTypeTests
    {
        private const string Model = "model_test-video";

        [Fact]
        public Task Rule_attributes_also_defined_internally_by_another_reference_are_still_read()
        {
            var test = new AnalyzerTest(LanguageVersion.Latest)
            {
                TestCode = """
                    using Demo;
                    class C { TestRequest M() => new TestRequest { Fps = {|#0:120|} }; }
                    """,
            };
            test.TestState.Sources.Add(("Models.cs", TestModels.Source));
            test.TestState.AdditionalReferences.Add(Library("CopiesRuntimeAttributes", """
                namespace LtxCodegen.Metadata
                {
                    internal sealed class ScenarioModelAttribute : System.Attribute { }
                    internal sealed class ScenarioParameterAttribute : System.Attribute { }
                    internal sealed class ScenarioRangeAttribute : System.Attribute { }
                }
                """));
            test.ExpectedDiagnostics.Add(Diagnostic("LTX1001").WithLocation(0).WithArguments(Model, "fps must be between 1 and 60 (got 120)."));
            return test.RunAsync();
        }

        private static MetadataReference Library(string name, string source)
        {
            var compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.All.Where(reference => reference.Display?.Contains("LtxCodegen") != true),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
