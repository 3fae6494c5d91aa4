using System.Linq;
using LtxCodegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LtxCodegen.Generator.Tests
{
    /// <summary>Docs full of quotes, comment terminators, XML, keywords and unicode still give compiling, escaped code.</summary>
    public class HostileDocTests
    {
        private const string HostileJson = @"{
  ""model"": {
    ""id"": ""model_evil-\""quote\""-*/-2"",
    ""name"": ""Evil */ </summary> <script> \"" \\ \u2028 model"",
    ""shortDescription"": ""#endregion */ /* // \r\n }} {{ \u0085 end"",
    ""inputs"": [
      { ""name"": ""prompt"", ""type"": ""string"", ""description"": ""Ends */ here </summary><para> & \""quoted\"" \\ back \u2028 line"", ""required"": { ""always"": true } },
      { ""name"": ""class"", ""type"": ""string"", ""default"": ""a\""b"", ""allowedValues"": [""a\""b"", ""</summary>"", ""*/"", ""class"", ""\u00f1and\u00fa"", ""16:9"", ""-Z"", ""Z"", ""Value""] },
      { ""name"": ""gr\u00f6\u00dfe"", ""type"": ""number"", ""description"": ""Size (1-10)."" },
      { ""name"": ""modelId"", ""type"": ""model"", ""default"": ""x\""y"" },
      { ""name"": ""we\""ird name"", ""type"": ""boolean"" },
      { ""name"": ""validate"", ""type"": ""string_array"" },
      { ""name"": ""123start"", ""type"": ""integer"", ""min"": -5, ""max"": 5 },
      { ""name"": ""null"", ""type"": ""object"" }
    ]
  }
}";

        private const string HostilePage = "# Hostile */ </summary> — API Reference\n\n**Model ID:** `model_hostile-page`\n\n" +
            "| Parameter | Type | Required | Default | Description |\n|---|---|---|---|---|\n" +
            "| `string` | string | yes | - | \"Quoted\" */ </c> <b>bold</b> & `code` \\| pipe |\n" +
            "| `namespace` | number | - | `1e3` | Between 1 and 10000 |\n" +
            "| `über_größe` | assetId[] | - | - | Up to 3 images. |\n";

        [Theory]
        [InlineData(LanguageVersion.CSharp9)]
        [InlineData(LanguageVersion.Latest)]
        public void Hostile_docs_generate_compiling_escaped_code(LanguageVersion version)
        {
            var docs = new[] { new Doc("/repo/schemas/evil.json", HostileJson), new Doc("/repo/schemas/hostile.md", HostilePage) };
            var run = GeneratorHarness.Run(docs, version);
            Assert.Empty(run.CompileDiagnostics);
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "LTXG0007" && d.GetMessage().Contains("'class'"));
            Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "LTXG0006" && d.GetMessage().Contains("we\"ird name"));

            var model = run.Output.GetTypeByMetadataName("Consumer.Models.EvilQuote2Model");
            Assert.NotNull(model);
            var id = model!.GetMembers("Id").OfType<IFieldSymbol>().Single().ConstantValue;
            Assert.Equal("model_evil-\"quote\"-*/-2", id);

            var request = run.Output.GetTypeByMetadataName("Consumer.Models.EvilQuote2Request")!;
            var wireNames = request.GetMembers().OfType<IPropertySymbol>()
                .SelectMany(p => p.GetAttributes().Where(a => a.AttributeClass?.Name == "ScenarioParameterAttribute"))
                .Select(a => (string)a.ConstructorArguments[0].Value!)
                .ToList();
            Assert.Contains("we\"ird name", wireNames);
            Assert.Contains("gr\u00f6\u00dfe", wireNames);
            Assert.Contains("modelId", wireNames);
            Assert.NotNull(request.GetMembers("Gr\u00f6\u00dfe").SingleOrDefault());
            Assert.NotNull(request.GetMembers("ModelIdValue").SingleOrDefault());
            Assert.NotNull(request.GetMembers("ValidateValue").SingleOrDefault());
            Assert.NotNull(request.GetMembers("_123start").SingleOrDefault());

            var page = run.Output.GetTypeByMetadataName("Consumer.Models.HostilePageRequest");
            Assert.NotNull(page);
            Assert.NotNull(page!.GetMembers("\u00dcberGr\u00f6\u00dfe").SingleOrDefault());
        }

        [Fact]
        public void Non_ascii_model_ids_get_valid_identifiers_and_file_names()
        {
            var json = "{\"model\": {\"id\": \"model_\u00fcber-v\u00eddeo-\u65e5\u672c\", \"inputs\": [{\"name\": \"prompt\", \"type\": \"string\"}]}}";
            var run = GeneratorHarness.Run(new[] { new Doc("/repo/schemas/u.json", json) });
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Empty(run.CompileDiagnostics);
            Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Models.\u00dcberV\u00eddeo\u65e5\u672cRequest"));
            Assert.All(run.HintNames, h => Assert.True(h.All(c => c < 128), h));
        }

        [Fact]
        public void A_collapsed_hostile_page_still_compiles()
        {
            var collapsed = HostilePage.Replace("\n", " ");
            var run = GeneratorHarness.Run(new[] { new Doc("/repo/schemas/hostile.md", collapsed) });
            Assert.Empty(run.CompileDiagnostics);
            Assert.NotNull(run.Output.GetTypeByMetadataName("Consumer.Models.HostilePageRequest"));
        }
    }
}
