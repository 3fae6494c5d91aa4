using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    /// <summary>The built-in models are the ones the generator compiled from the repository's <c>schemas/</c>.</summary>
    public class BuiltInModelTests
    {
        [Fact]
        public async Task Built_in_models_are_the_generated_ltx_models_with_their_video_input()
        {
            await using var emulator = await ScenarioEmulator.StartAsync();
            var ids = emulator.Models.Select(m => m.Id).ToArray();
            Assert.Contains(TestModels.ExtendVideoId, ids);
            Assert.Contains(TestModels.VideoToVideoId, ids);
            foreach (var id in new[] { TestModels.ExtendVideoId, TestModels.VideoToVideoId })
            {
                var model = emulator.Models.Single(m => m.Id == id);
                var video = model.Find("video");
                Assert.NotNull(video);
                Assert.Equal(ScenarioParameterType.Asset, video!.Type);
                Assert.True(video.IsRequired);
                Assert.Equal("video", video.AssetKind);
                Assert.True(model.Find("cameraMotion")!.OptionsAreClosed);
            }
        }

        [Fact]
        public void Built_in_descriptors_agree_with_the_hand_written_test_models_on_every_rule()
        {
            foreach (var expected in TestModels.All)
            {
                var actual = LtxCodegen.Emulator.Models.ScenarioModels.Find(expected.Id);
                Assert.NotNull(actual);
                Assert.Equal(expected.Parameters.Select(p => p.WireName).OrderBy(n => n, StringComparer.Ordinal),
                             actual!.Parameters.Select(p => p.WireName).OrderBy(n => n, StringComparer.Ordinal));
                foreach (var e in expected.Parameters)
                {
                    var a = actual.Find(e.WireName)!;
                    var where = expected.Id + "." + e.WireName;
                    Assert.True(e.Type == a.Type, where + " type " + a.Type);
                    Assert.True(e.IsRequired == a.IsRequired, where + " required");
                    Assert.True(e.Minimum == a.Minimum && e.Maximum == a.Maximum, where + " range " + a.Minimum + ".." + a.Maximum);
                    Assert.True(e.Options.SequenceEqual(a.Options) && e.OptionsAreClosed == a.OptionsAreClosed, where + " options " + string.Join(",", a.Options));
                    Assert.True(e.PairedWith == a.PairedWith, where + " pair " + a.PairedWith);
                }
            }
        }

        [Fact]
        public async Task Models_given_in_options_are_added_to_the_built_in_ones()
        {
            var extra = new ScenarioModelDescriptor("model_extra", "Extra", "Extra", new[]
            {
                new ScenarioParameterDescriptor("prompt", "Prompt", ScenarioParameterType.String, isRequired: true),
            });
            await using var emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions { Models = new[] { extra } });
            Assert.Contains(emulator.Models, m => m.Id == "model_extra");
            Assert.Contains(emulator.Models, m => m.Id == TestModels.ExtendVideoId);
            await using var bare = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions { Models = new[] { extra }, IncludeBuiltInModels = false });
            Assert.Equal("model_extra", Assert.Single(bare.Models).Id);
        }

        [Fact]
        public async Task The_seed_request_body_with_a_video_is_valid_for_the_built_in_model()
        {
            await using var emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions { RequireExistingInputAssets = false });
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ScenarioEmulatorOptions.DefaultApiKey + ":" + ScenarioEmulatorOptions.DefaultApiSecret)));
            var body = "{ \"prompt\": \"A fantasy landscape\", \"video\": \"asset_1\", \"videoStrength\": 1, \"extendDuration\": 4, \"aspectRatio\": \"auto\", \"resolution\": \"auto\", " +
                       "\"numInferenceSteps\": 40, \"guidanceScale\": 3, \"cameraMotion\": \"none\", \"cameraMotionStrength\": 1, \"generateAudio\": true, \"audioStrength\": 1, \"enhancePrompt\": false }";
            var response = await http.PostAsync("generate/custom/" + TestModels.ExtendVideoId + "?dryRun=true", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            // 4 s × 5 CU at 40 steps, plus the 0.25 CU/s quality gate.
            Assert.Equal(21, doc.RootElement.GetProperty("creativeUnitsCost").GetDouble());
        }
    }
}
