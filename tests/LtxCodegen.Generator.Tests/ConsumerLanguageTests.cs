using System;
using System.IO;
using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>The generated code fits the consumer: C# 9 gets constructors, C# 11+ with the attributes gets required.</summary>
    public class ConsumerLanguageTests
    {
        private const string UsesConstructor = "namespace Consumer { public static class Use { public static object Make() => new Consumer.Models.Ltx2_19bExtendVideoRequest(\"p\", \"asset\") { Fps = 24 }; } }";
        private const string UsesInitializer = "namespace Consumer { public static class Use { public static object Make() => new Consumer.Models.Ltx2_19bExtendVideoRequest { Prompt = \"p\", Video = \"asset\", Fps = 24 }; } }";

        private static MetadataReference[] NetStandardReferences() =>
            Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "netstandard2.0-refs"), "*.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToArray();

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.CSharp8)]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.CSharp10)]
        public void Before_csharp_11_required_values_go_through_the_constructor(LanguageVersion version)
        {
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas(), version, sources: UsesConstructor);
            Assert.Empty(run.CompileDiagnostics);
            Assert.DoesNotContain("public required ", run.Source("Ltx2_19bExtendVideo.g.cs"));
            var type = run.Output.GetTypeByMetadataName("Consumer.Models.Ltx2_19bExtendVideoRequest")!;
            var ctor = Assert.Single(type.InstanceConstructors);
            Assert.Equal(new[] { "prompt", "video" }, ctor.Parameters.Select(p => p.Name));
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp11)]
        [InlineData(LanguageVersion.Latest)]
        [InlineData(LanguageVersion.Preview)]
        public void From_csharp_11_required_members_and_both_constructors(LanguageVersion version)
        {
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas(), version, sources: new[] { UsesInitializer, UsesConstructor.Replace("Use", "Use2") });
            Assert.Empty(run.CompileDiagnostics);
            var type = run.Output.GetTypeByMetadataName("Consumer.Models.Ltx2_19bExtendVideoRequest")!;
            Assert.True(type.GetMembers("Prompt").OfType<IPropertySymbol>().Single().IsRequired);
            Assert.Equal(2, type.InstanceConstructors.Length);
        }

        [Fact]
        public void Required_members_must_be_set_in_csharp_11()
        {
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas(), LanguageVersion.Latest, sources: "namespace Consumer { public static class Use { public static object Make() => new Consumer.Models.Ltx2_19bExtendVideoRequest { Prompt = \"p\" }; } }");
            Assert.Contains(run.CompileDiagnostics, d => d.Id == "CS9035");
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public void A_netstandard20_consumer_without_RequiredMemberAttribute_compiles(LanguageVersion version)
        {
            var references = NetStandardReferences();
            Assert.Contains(references, r => Path.GetFileName(r.Display) == "netstandard.dll");
            var docs = TestDocs.ShippedSchemas().Concat(TestDocs.Corpus().Select(TestDocs.Schema));
            var run = GeneratorHarness.Run(docs, version, references, sources: UsesConstructor);
            Assert.Empty(run.CompileDiagnostics);
            Assert.DoesNotContain("public required ", run.Source("Ltx2_19bExtendVideo.g.cs"));
        }
    }
}
