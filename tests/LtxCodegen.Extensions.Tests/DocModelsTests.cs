using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LtxCodegen.Docs;
using LtxCodegen.Extensions.AI;
using LtxCodegen.Extensions.Tests.Models;
using Microsoft.Extensions.AI;

namespace LtxCodegen.Extensions.Tests
{
    /// <summary>
    /// LtxCodegen.Docs, the run-time reader a host other than the emulator uses: the descriptors it reads from the pages
    /// equal the ones the generator compiled from the same pages, and one of them drives a job end to end.
    /// </summary>
    public class DocModelsTests
    {
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "run-time-docs");

        [Fact]
        public void Pages_read_at_run_time_give_the_descriptors_the_generator_compiled()
        {
            var set = DocModels.ReadDirectory(Folder);
            Assert.False(set.HasErrors, string.Join(Environment.NewLine, set.Diagnostics.Select(d => d.Id + " " + d.Message)));
            Assert.Equal(ScenarioModels.All.Select(m => m.Id).OrderBy(i => i, StringComparer.Ordinal), set.Models.Select(m => m.Id));
            Assert.True(set.Models.Sum(m => m.Parameters.Count) > 10);
            foreach (var runTime in set.Models)
            {
                var compiled = ScenarioModels.All.Single(m => m.Id == runTime.Id);
                Assert.Equal(Describe(compiled), Describe(runTime));
            }
        }

        [Fact]
        public void A_folder_that_does_not_exist_is_a_clear_error()
        {
            var missing = Path.Combine(Folder, "nope");
            var error = Assert.Throws<DirectoryNotFoundException>(() => DocModels.ReadDirectory(missing));
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_bad_doc_is_located_and_the_good_ones_are_still_read()
        {
            var folder = Directory.CreateTempSubdirectory("ltx-docs-").FullName;
            try
            {
                foreach (var page in Directory.GetFiles(Folder))
                {
                    File.Copy(page, Path.Combine(folder, Path.GetFileName(page)));
                }

                File.WriteAllText(Path.Combine(folder, "broken.json"), "{ \"id\": \"model_broken\", \"inputs\": [ { \"name\": ");
                var set = DocModels.ReadDirectory(folder);
                var problem = Assert.Single(set.Diagnostics, d => d.File.EndsWith("broken.json", StringComparison.Ordinal));
                Assert.True(problem.Line >= 1 && problem.Column >= 1);
                Assert.Equal(ScenarioModels.All.Count, set.Models.Count);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public async Task A_model_read_at_run_time_validates_and_runs_through_the_image_generator()
        {
            // A text-to-image model of the pages: the prompt is its only required input.
            var model = DocModels.ReadDirectory(Folder).Models.First(m =>
                m.Parameters.Any(p => p.WireName == "prompt") && m.Parameters.Where(p => p.IsRequired).All(p => p.WireName == "prompt"));
            await using var emulator = await TestEmulator.StartAsync();
            using var client = TestEmulator.Client(emulator);
            using var generator = client.AsImageGenerator(model);

            var refused = await Assert.ThrowsAnyAsync<Exception>(() => generator.GenerateImagesAsync("a red fox", new ImageGenerationOptions
            {
                AdditionalProperties = new AdditionalPropertiesDictionary { ["noSuchParameter"] = 1 },
            }));
            Assert.Contains("noSuchParameter", refused.Message, StringComparison.Ordinal);
            Assert.Equal(0, TestEmulator.Generates(emulator));

            var response = await generator.GenerateImagesAsync("a red fox in snow");
            Assert.NotEmpty(response.Contents);
            var generate = Assert.Single(emulator.Requests.Find("POST", "/v1/generate/custom/" + model.Id));
            using var body = JsonDocument.Parse(generate.Body!);
            Assert.Equal("a red fox in snow", body.RootElement.GetProperty("prompt").GetString());
        }

        // Every field a host judges by, in one comparable text.
        private static string Describe(ScenarioModelDescriptor m) =>
            m.Id + "|" + m.Name + "|" + m.TypeName + "|" + m.Description + Environment.NewLine + string.Join(Environment.NewLine, m.Parameters.Select(p =>
                string.Join("|", p.WireName, p.PropertyName, p.Type, p.Description, p.IsRequired, p.DefaultJson, p.Minimum, p.Maximum, p.MultipleOf, p.MultipleOfIsError,
                    string.Join(",", p.Options), p.OptionsAreClosed, p.PairedWith, p.MaxLength, p.AssetKind,
                    string.Join(",", p.Conditions.Select(c => c.OtherWireName + ":" + c.WhenOtherIsSet + ":" + c.Message)), p.HasProseRules)));
    }
}
