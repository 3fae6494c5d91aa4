using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using LtxCodegen.Emulator;
using LtxCodegen.Emulator.Models;

namespace LtxCodegen.Benchmarks
{
    /// <summary>
    /// Per-job client overhead: submit → poll → download through ScenarioClient vs a hand-written HttpClient loop making
    /// the same calls, against the in-process emulator with zero job durations. Target: ≤ 1.1× CPU time.
    /// </summary>
    public class ClientOverheadBenchmarks
    {
        private const int Jobs = 20;
        private ScenarioEmulator _emulator = null!;
        private ScenarioClient _client = null!;
        private HttpClient _http = null!;
        private string _folder = null!;

        [GlobalSetup]
        public void Setup()
        {
            _emulator = ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions
            {
                ApiKey = "key",
                ApiSecret = "secret",
                QueuedDuration = TimeSpan.Zero,
                RunningDuration = TimeSpan.Zero,
                RequireExistingInputAssets = false,
            }).GetAwaiter().GetResult();
            _client = new ScenarioClient(new ScenarioClientOptions
            {
                BaseAddress = _emulator.BaseAddress,
                ApiKey = "key",
                ApiSecret = "secret",
                PollInterval = TimeSpan.FromMilliseconds(1),
                MaxPollInterval = TimeSpan.FromMilliseconds(1),
            });
            _http = new HttpClient { BaseAddress = _emulator.BaseAddress };
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("key:secret")));
            _folder = Path.Combine(Path.GetTempPath(), "ltx-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _client.Dispose();
            _http.Dispose();
            _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Directory.Delete(_folder, recursive: true);
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = Jobs)]
        public async Task HandWrittenHttpClient()
        {
            for (var i = 0; i < Jobs; i++)
            {
                var body = new StringContent("{\"prompt\":\"bench\",\"video\":\"asset_bench\"}", Encoding.UTF8, "application/json");
                using var submit = await _http.PostAsync("generate/custom/" + Ltx2_19bExtendVideoModel.Id, body);
                submit.EnsureSuccessStatusCode();
                using var submitted = JsonDocument.Parse(await submit.Content.ReadAsStringAsync());
                var jobId = submitted.RootElement.GetProperty("job").GetProperty("jobId").GetString();
                string assetId;
                while (true)
                {
                    using var poll = JsonDocument.Parse(await _http.GetStringAsync("jobs/" + jobId));
                    var job = poll.RootElement.GetProperty("job");
                    if (job.GetProperty("status").GetString() == "success")
                    {
                        assetId = job.GetProperty("metadata").GetProperty("assetIds")[0].GetString()!;
                        break;
                    }

                    await Task.Delay(1);
                }

                using var asset = JsonDocument.Parse(await _http.GetStringAsync("assets/" + assetId));
                var url = asset.RootElement.GetProperty("asset").GetProperty("url").GetString();
                using var download = await _http.GetStreamAsync(url);
                using var file = File.Create(Path.Combine(_folder, "hand.mp4"));
                await download.CopyToAsync(file);
            }
        }

        [Benchmark(OperationsPerInvoke = Jobs)]
        public async Task ScenarioClientJobs()
        {
            for (var i = 0; i < Jobs; i++)
            {
                var job = await _client.SubmitAsync(new Ltx2_19bExtendVideoRequest { Prompt = "bench", Video = "asset_bench" });
                var done = await _client.WaitForJobAsync(job.JobId);
                await _client.DownloadAssetAsync(done.AssetIds[0], Path.Combine(_folder, "client.mp4"));
            }
        }
    }
}
