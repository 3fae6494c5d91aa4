using System;
using System.IO;
using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>What the generator reads from the consumer's compilation when a type is defined more than once.</summary>
    public sealed class CompilationFeaturesTests
    {
        private const string Polyfill = @"
namespace System.Runtime.CompilerServices
{
    public sealed class RequiredMemberAttribute : System.Attribute { }
    public sealed class CompilerFeatureRequiredAttribute : System.Attribute { public CompilerFeatureRequiredAttribute(string name) { } }
}
namespace System.Diagnostics.CodeAnalysis
{
    public sealed class SetsRequiredMembersAttribute : System.Attribute { }
}";

        [Fact]
        public void A_polyfilled_RequiredMemberAttribute_next_to_the_frameworks_still_counts()
        {
            // A netstandard2.0 consumer referencing two libraries that both polyfill the attributes publicly:
            // GetTypeByMetadataName answers null there.
            var netstandard = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "netstandard2.0-refs"), "*.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
            var first = GeneratorHarness.CreateCompilation(references: netstandard, sources: Polyfill).WithAssemblyName("PolyfillOne");
            var second = GeneratorHarness.CreateCompilation(references: netstandard, sources: Polyfill).WithAssemblyName("PolyfillTwo");
            var consumer = GeneratorHarness.CreateCompilation(
                references: netstandard.Concat(new[] { GeneratorHarness.RuntimeReference, first.ToMetadataReference(), second.ToMetadataReference() }),
                sources: "public sealed class C { }");
            Assert.Null(consumer.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute"));

            var features = CompilationFeatures.Read(consumer);

            Assert.True(features.HasRequiredMemberAttributes);
            Assert.True(features.HasRuntime);
        }

        [Fact]
        public void Without_the_runtime_the_compilation_has_no_runtime()
        {
            var consumer = GeneratorHarness.CreateCompilation(
                references: GeneratorHarness.DefaultReferences.Where(r => r != GeneratorHarness.RuntimeReference),
                sources: "public sealed class C { }");

            Assert.False(CompilationFeatures.Read(consumer).HasRuntime);
        }
    }
}
