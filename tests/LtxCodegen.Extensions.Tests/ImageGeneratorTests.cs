using System;
using System.Drawing;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LtxCodegen.Emulator;
using LtxCodegen.Extensions.AI;
using LtxCodegen.Extensions.Tests.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace LtxCodegen.Extensions.Tests
{
    /// <summary><c>client.AsImageGenerator(descriptor)</c> against the emulator, behind MEAI's logging middleware.</summary>
    public sealed class ImageGeneratorTests
    {
        [Fact]
        public async Task An_edit_through_the_logging_pipeline_uploads_the_image_maps_the_options_and_returns_the_output()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var client = TestEmulator.Client(emulator);
            var logs = new ListLoggerProvider();
            using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            using var generator = client.AsImageGenerator(LongcatImageEditingModel.Descriptor)
                .AsBuilder()
                .UseLogging(loggerFactory)
                .Build();
            var input = new DataContent(SampleMedia.GetImage(), "image/png") { Name = "castle.png" };

            var response = await generator.EditImageAsync(input, "Make it a winter scene", new ImageGenerationOptions
            {
                Count = 2,
                AdditionalProperties = new AdditionalPropertiesDictionary { ["guidanceScale"] = 7.5, ["seed"] = 42 },
            });

            var image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
            Assert.Equal("image/png", image.MediaType);
            Assert.Equal(SampleMedia.GetImage(), image.Data.ToArray());
            var job = Assert.IsType<ScenarioJob>(response.RawRepresentation);
            Assert.Equal(job.JobId, image.AdditionalProperties![ScenarioImageGenerator.JobIdKey]);
            Assert.Equal(job.AssetIds[0], image.AdditionalProperties[ScenarioImageGenerator.AssetIdKey]);
            Assert.Equal(job.Cost, image.AdditionalProperties[ScenarioImageGenerator.CostKey]);
            Assert.NotNull(job.Cost);

            // One upload, one generate call, whose body holds the uploaded asset and the mapped options.
            Assert.Equal(1, TestEmulator.Uploads(emulator));
            var generate = Assert.Single(emulator.Requests.Find("POST", "/v1/generate/custom/" + LongcatImageEditingModel.Id));
            using var body = JsonDocument.Parse(generate.Body!);
            Assert.Equal("Make it a winter scene", body.RootElement.GetProperty("prompt").GetString());
            Assert.StartsWith("asset_", body.RootElement.GetProperty("referenceImage").GetString());
            Assert.DoesNotContain("pending", body.RootElement.GetProperty("referenceImage").GetString());
            Assert.Equal(2, body.RootElement.GetProperty("numOutputs").GetInt32());
            Assert.Equal(7.5, body.RootElement.GetProperty("guidanceScale").GetDouble());
            Assert.Equal(42, body.RootElement.GetProperty("seed").GetInt32());

            // The middleware saw the call go through (MEAI's LoggingImageGenerator).
            Assert.Contains(logs.Lines, l => l.Message.Contains("GenerateAsync invoked", StringComparison.Ordinal));
            Assert.Contains(logs.Lines, l => l.Message.Contains("GenerateAsync completed", StringComparison.Ordinal));
            Assert.Equal(LongcatImageEditingModel.Id, generator.GetService<ImageGeneratorMetadata>()!.DefaultModelId);
        }

        [Fact]
        public async Task An_image_size_becomes_the_models_aspect_ratio_and_Uri_format_returns_signed_urls()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var client = TestEmulator.Client(emulator);
            using var generator = client.AsImageGenerator(MinimaxImage01Model.Descriptor);

            var response = await generator.GenerateImagesAsync("A lighthouse at dusk", new ImageGenerationOptions
            {
                ImageSize = new Size(1920, 1080),
                ResponseFormat = ImageGenerationResponseFormat.Uri,
            });

            var image = Assert.IsType<UriContent>(Assert.Single(response.Contents));
            Assert.Equal("127.0.0.1", image.Uri.Host);
            Assert.Equal("image/png", image.MediaType);
            var generate = Assert.Single(emulator.Requests.Find("POST", "/v1/generate/custom/" + MinimaxImage01Model.Id));
            using var body = JsonDocument.Parse(generate.Body!);
            Assert.Equal("16:9", body.RootElement.GetProperty("aspectRatio").GetString());
            Assert.Equal(0, TestEmulator.Uploads(emulator));
        }

        [Fact]
        public async Task Values_the_model_does_not_accept_are_clear_errors_and_nothing_is_sent()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var client = TestEmulator.Client(emulator);
            using var edit = client.AsImageGenerator(LongcatImageEditingModel.Descriptor);
            using var text = client.AsImageGenerator(MinimaxImage01Model.Descriptor);
            var input = new DataContent(SampleMedia.GetImage(), "image/png");

            var range = await Assert.ThrowsAsync<ScenarioValidationException>(() => edit.EditImageAsync(input, "p", new ImageGenerationOptions { Count = 7 }));
            Assert.Equal("numOutputs", Assert.Single(range.Errors).Parameter);
            Assert.Contains("numOutputs", range.Message);

            var required = await Assert.ThrowsAsync<ScenarioValidationException>(() => edit.GenerateImagesAsync("no image given"));
            Assert.Equal("referenceImage", Assert.Single(required.Errors).Parameter);

            var unknown = await Assert.ThrowsAsync<ArgumentException>(() => text.GenerateImagesAsync("p", new ImageGenerationOptions
            {
                AdditionalProperties = new AdditionalPropertiesDictionary { ["AspectRatio"] = "1:1" },
            }));
            Assert.Contains("'AspectRatio' is not a parameter of model_minimax-image-01 (did you mean 'aspectRatio'?)", unknown.Message);

            var ratio = await Assert.ThrowsAsync<NotSupportedException>(() => text.GenerateImagesAsync("p", new ImageGenerationOptions { ImageSize = new Size(1000, 1100) }));
            Assert.Contains("no aspect ratio for ImageSize 1000x1100", ratio.Message);
            Assert.Contains("16:9", ratio.Message);

            var size = await Assert.ThrowsAsync<NotSupportedException>(() => edit.EditImageAsync(input, "p", new ImageGenerationOptions { ImageSize = new Size(512, 512) }));
            Assert.Contains("neither width/height nor an aspect ratio", size.Message);

            var format = await Assert.ThrowsAsync<NotSupportedException>(() => text.GenerateImagesAsync("p", new ImageGenerationOptions { MediaType = "image/webp" }));
            Assert.Contains("no output format parameter", format.Message);

            var model = await Assert.ThrowsAsync<NotSupportedException>(() => text.GenerateImagesAsync("p", new ImageGenerationOptions { ModelId = "model_other" }));
            Assert.Contains("runs model_minimax-image-01, not model_other", model.Message);

            var tooMany = await Assert.ThrowsAsync<NotSupportedException>(() => text.EditImagesAsync(new AIContent[] { input, input }, "p"));
            Assert.Contains("at most 1 input image(s) (subjectReference)", tooMany.Message);

            var notImage = await Assert.ThrowsAsync<NotSupportedException>(() => edit.EditImageAsync(new DataContent(new byte[] { 1, 2, 3 }, "audio/wav"), "p"));
            Assert.Contains("audio/wav, not an image", notImage.Message);

            Assert.Equal(0, TestEmulator.Uploads(emulator));
            Assert.Equal(0, TestEmulator.Generates(emulator));
        }

        [Fact]
        public async Task An_existing_asset_is_passed_by_id_without_a_new_upload()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var client = TestEmulator.Client(emulator);
            using var stream = new System.IO.MemoryStream(SampleMedia.GetImage());
            var assetId = await client.UploadAssetAsync(stream, "face.png");
            using var generator = client.AsImageGenerator(MinimaxImage01Model.Descriptor);

            var response = await generator.EditImagesAsync(new AIContent[] { new HostedFileContent(assetId) }, "A portrait",
                new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Hosted });

            var output = Assert.IsType<HostedFileContent>(Assert.Single(response.Contents));
            Assert.StartsWith("asset_", output.FileId);
            Assert.Equal(1, TestEmulator.Uploads(emulator)); // only the one above
            using var body = JsonDocument.Parse(Assert.Single(emulator.Requests.Find("POST", "/v1/generate/")).Body!);
            Assert.Equal(assetId, body.RootElement.GetProperty("subjectReference").GetString());
        }
    }
}
