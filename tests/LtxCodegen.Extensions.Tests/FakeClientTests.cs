using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Extensions.Tests.Models;
using Microsoft.Extensions.DependencyInjection;

namespace LtxCodegen.Extensions.Tests
{
    /// <summary>
    /// How a consumer tests code that calls Scenario: the service takes <see cref="IScenarioClient"/>, the generated
    /// <c>Run{Model}Async</c> extends the interface, and the test swaps in a hand-written fake (no server, no credits).
    /// </summary>
    public sealed class FakeClientTests
    {
        [Fact]
        public async Task A_consumer_test_replaces_the_registered_client_with_a_hand_written_fake()
        {
            var fake = new FakeScenarioClient();
            var services = new ServiceCollection();
            services.AddScenarioClient(o => o.ApiKey = "unused");
            services.AddSingleton<IScenarioClient>(fake); // the test's override wins
            services.AddTransient<PosterService>();
            using var provider = services.BuildServiceProvider();

            var url = await provider.GetRequiredService<PosterService>().MakePosterAsync("A lighthouse at dusk");

            Assert.Equal("https://cdn.example/asset_fake.png", url);
            var request = Assert.IsType<MinimaxImage01Request>(Assert.Single(fake.Submitted));
            Assert.Equal("A lighthouse at dusk", request.Prompt);
            Assert.Equal("16:9", JsonDocument.Parse(Json(request)).RootElement.GetProperty("aspectRatio").GetString());
        }

        [Fact]
        public void Without_an_override_the_interface_resolves_to_the_real_client()
        {
            var services = new ServiceCollection();
            services.AddScenarioClient(o =>
            {
                o.ApiKey = "k";
                o.ApiSecret = "s";
                o.BaseAddress = new Uri("http://127.0.0.1:5999/v1/");
            });
            using var provider = services.BuildServiceProvider();

            var client = Assert.IsType<ScenarioClient>(provider.GetRequiredService<IScenarioClient>());
            Assert.Equal(new Uri("http://127.0.0.1:5999/v1/"), client.BaseAddress);
        }

        [Fact]
        public async Task The_same_service_runs_against_the_emulator_with_the_real_client()
        {
            await using var emulator = await TestEmulator.StartAsync();
            using var client = TestEmulator.Client(emulator);

            var url = await new PosterService(client).MakePosterAsync("A lighthouse at dusk");

            Assert.Equal("127.0.0.1", new Uri(url).Host);
            Assert.Equal(1, TestEmulator.Generates(emulator));
        }

        private static string Json(IScenarioRequest request)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                request.WriteJson(writer);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <summary>Consumer code: depends on the interface only.</summary>
        private sealed class PosterService
        {
            private readonly IScenarioClient _client;

            public PosterService(IScenarioClient client) => _client = client;

            public async Task<string> MakePosterAsync(string prompt, CancellationToken cancellationToken = default)
            {
                var job = await _client.RunMinimaxImage01Async(new MinimaxImage01Request { Prompt = prompt, AspectRatio = MinimaxImage01AspectRatio._16_9 }, cancellationToken: cancellationToken);
                var asset = await _client.GetAssetAsync(job.AssetIds[0], cancellationToken);
                return asset.Url!.AbsoluteUri;
            }
        }

        /// <summary>A hand-written fake: records what it is asked to run, answers at once, never touches the network.</summary>
        private sealed class FakeScenarioClient : IScenarioClient
        {
            public List<IScenarioRequest> Submitted { get; } = new();

            public Uri BaseAddress { get; } = new Uri("http://fake.invalid/v1/");

            public Task<ScenarioJob> SubmitAsync(IScenarioRequest request, CancellationToken cancellationToken = default)
            {
                Assert.Empty(request.Validate()); // the fake keeps the real client's contract: invalid requests never "run"
                Submitted.Add(request);
                return Task.FromResult(new ScenarioJob("job_fake", "success", 1, new[] { "asset_fake" }, cost: 1));
            }

            public Task<ScenarioJob> RunAsync(IScenarioRequest request, IProgress<ScenarioJob>? progress = null, CancellationToken cancellationToken = default) =>
                SubmitAsync(request, cancellationToken);

            public Task<ScenarioCostEstimate> EstimateCostAsync(IScenarioRequest request, CancellationToken cancellationToken = default) =>
                Task.FromResult(new ScenarioCostEstimate(request.ModelId, 1));

            public Task<ScenarioJobSearchResult> FindSubmittedJobAsync(IScenarioRequest request, DateTimeOffset since, IEnumerable<string>? excludeJobIds = null, CancellationToken cancellationToken = default) =>
                Task.FromResult(new ScenarioJobSearchResult(Array.Empty<ScenarioJob>(), true, 0));

            public Task<ScenarioJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
                Task.FromResult(new ScenarioJob(jobId, "success", 1, new[] { "asset_fake" }));

            public Task<ScenarioJob> WaitForJobAsync(string jobId, IProgress<ScenarioJob>? progress = null, CancellationToken cancellationToken = default) =>
                GetJobAsync(jobId, cancellationToken);

            public Task<ScenarioJob> CancelJobAsync(string jobId, CancellationToken cancellationToken = default) =>
                Task.FromResult(new ScenarioJob(jobId, "canceled"));

            public Task<string> UploadAssetAsync(string path, string? name = null, CancellationToken cancellationToken = default) =>
                Task.FromResult("asset_uploaded");

            public Task<string> UploadAssetAsync(Stream content, string name, string? contentType = null, CancellationToken cancellationToken = default) =>
                Task.FromResult("asset_uploaded");

            public Task<ScenarioAsset> GetAssetAsync(string assetId, CancellationToken cancellationToken = default) =>
                Task.FromResult(new ScenarioAsset(assetId, new Uri("https://cdn.example/" + assetId + ".png"), "image/png", "image"));

            public Task<ScenarioAsset> DownloadOutputAsync(ScenarioJob job, string path, int index = 0, CancellationToken cancellationToken = default) =>
                DownloadAssetAsync(job.AssetIds[index], path, cancellationToken);

            public async Task<ScenarioAsset> DownloadAssetAsync(string assetId, string path, CancellationToken cancellationToken = default)
            {
                await File.WriteAllBytesAsync(path, new byte[] { 0x89, 0x50, 0x4E, 0x47 }, cancellationToken);
                return await GetAssetAsync(assetId, cancellationToken);
            }

            public async Task<ScenarioAsset> DownloadAssetAsync(string assetId, Stream destination, CancellationToken cancellationToken = default)
            {
                await destination.WriteAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, cancellationToken);
                return await GetAssetAsync(assetId, cancellationToken);
            }
        }
    }
}
