using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    public class SeedGenerationTests
    {
        private static readonly string[] ExtendVideoParameters =
        {
            "prompt", "video", "videoStrength", "extendDuration", "contextDuration", "aspectRatio", "resolution", "width", "height", "fps",
            "numInferenceSteps", "guidanceScale", "cameraMotion", "cameraMotionStrength", "generateAudio", "audioStrength", "enhancePrompt",
            "seed", "negativePrompt",
        };

        private static readonly string[] VideoToVideoParameters =
        {
            "prompt", "video", "videoStrength", "image", "imageStrength", "negativePrompt", "resolution", "width", "height", "cameraMotion",
            "cameraMotionStrength", "duration", "aspectRatio", "fps", "audioSource", "modality", "modalityStrength", "numInferenceSteps",
            "guidanceScale", "enhancePrompt", "seed",
        };

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public void Shipped_schemas_compile_without_any_diagnostic(LanguageVersion version)
        {
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas(), version);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.CompileDiagnostics);
            Assert.Contains("Ltx2_19bExtendVideo.g.cs", run.HintNames);
            Assert.Contains("Ltx2_19bVideoToVideo.g.cs", run.HintNames);
            Assert.Contains("ScenarioModels.g.cs", run.HintNames);
        }

        [Fact]
        public void Shipped_schemas_expose_every_page_parameter_plus_the_input_media()
        {
            var run = GeneratorHarness.Run(TestDocs.ShippedSchemas());
            AssertParameters(run.Output, "Consumer.Models.Ltx2_19bExtendVideoRequest", ExtendVideoParameters);
            AssertParameters(run.Output, "Consumer.Models.Ltx2_19bVideoToVideoRequest", VideoToVideoParameters);
        }

        [Fact]
        public void Seed_pages_alone_generate_every_parameter_of_the_pages()
        {
            var run = GeneratorHarness.Run(TestDocs.Seeds());
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.CompileDiagnostics);
            AssertParameters(run.Output, "Consumer.Models.Ltx2_19bExtendVideoRequest", ExtendVideoParameters.Where(p => p != "video").ToArray());
            AssertParameters(run.Output, "Consumer.Models.Ltx2_19bVideoToVideoRequest", VideoToVideoParameters.Where(p => p != "video" && p != "image").ToArray());
        }

        private static void AssertParameters(Compilation compilation, string typeName, string[] wireNames)
        {
            var type = compilation.GetTypeByMetadataName(typeName);
            Assert.NotNull(type);
            var actual = type!.GetMembers().OfType<IPropertySymbol>()
                .Select(p => p.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "ScenarioParameterAttribute"))
                .Where(a => a is not null)
                .Select(a => (string)a!.ConstructorArguments[0].Value!)
                .ToList();
            Assert.Equal(wireNames.OrderBy(x => x), actual.OrderBy(x => x));
        }
    }
}
