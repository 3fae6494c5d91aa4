using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    /// <summary>Starts a fast emulator (jobs finish in ~250 ms) and talks to it with a raw HttpClient.</summary>
    public abstract class EmulatorTestBase : IAsyncLifetime
    {
        public const string Key = "test-key";
        public const string Secret = "test-secret";
        public const string OtherKey = "other-key";
        public const string OtherSecret = "other-secret";

        protected ScenarioEmulator Emulator { get; private set; } = null!;

        protected HttpClient Http { get; private set; } = null!;

        protected HttpClient OtherHttp { get; private set; } = null!;

        protected HttpClient Anonymous { get; private set; } = null!;

        /// <summary>Adjusts the options before the start. By default the hand-written <see cref="TestModels"/> replace the built-in models.</summary>
        protected virtual void Configure(ScenarioEmulatorOptions options)
        {
        }

        public async Task InitializeAsync()
        {
            var options = new ScenarioEmulatorOptions
            {
                Models = TestModels.All,
                QueuedDuration = TimeSpan.FromMilliseconds(50),
                RunningDuration = TimeSpan.FromMilliseconds(200),
                ProgressSteps = 4,
                MinimumPartSize = 1024,
            };
            options.Credentials.Add(new EmulatorCredentials(Key, Secret));
            options.Credentials.Add(new EmulatorCredentials(OtherKey, OtherSecret));
            Configure(options);
            Emulator = await ScenarioEmulator.StartAsync(options);
            Http = CreateClient(Key, Secret);
            OtherHttp = CreateClient(OtherKey, OtherSecret);
            Anonymous = CreateClient(null, null);
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            OtherHttp.Dispose();
            Anonymous.Dispose();
            await Emulator.DisposeAsync();
        }

        protected HttpClient CreateClient(string? key, string? secret)
        {
            var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
            {
                BaseAddress = Emulator.BaseAddress,
                Timeout = TimeSpan.FromSeconds(15),
            };
            if (key is not null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":" + secret)));
            }

            return client;
        }

        protected static StringContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

        protected static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response) =>
            JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        /// <summary>Uploads the bundled clip through the multipart flow and returns the imported asset id.</summary>
        protected async Task<string> UploadVideoAsync(HttpClient http, byte[]? data = null, int parts = 1)
        {
            data ??= SampleMedia.GetVideo();
            var create = await http.PostAsync("uploads", Json(new JsonObject
            {
                ["fileName"] = "clip.mp4", ["contentType"] = "video/mp4", ["kind"] = "video", ["parts"] = parts, ["fileSize"] = data.Length,
            }.ToJsonString()));
            Assert.Equal(200, (int)create.StatusCode);
            var upload = (await ReadJsonAsync(create))["upload"]!;
            var partSize = (data.Length + parts - 1) / parts;
            using var raw = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            foreach (var part in upload["parts"]!.AsArray())
            {
                var n = (int)part!["number"]!;
                var slice = data.AsSpan((n - 1) * partSize, Math.Min(partSize, data.Length - ((n - 1) * partSize))).ToArray();
                var put = await raw.PutAsync(new Uri((string)part["url"]!), new ByteArrayContent(slice));
                Assert.Equal(200, (int)put.StatusCode);
            }

            var id = (string)upload["id"]!;
            var complete = await http.PostAsync("uploads/" + id + "/action", Json("{\"action\":\"complete\"}"));
            Assert.Equal(200, (int)complete.StatusCode);
            var jobId = (string)upload["jobId"]!;
            var job = await WaitForJobAsync(http, jobId);
            Assert.Equal("success", (string)job["status"]!);
            return (string)job["metadata"]!["output"]!["entityId"]!;
        }

        protected async Task<JsonNode> WaitForJobAsync(HttpClient http, string jobId, Action<JsonNode>? onPoll = null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                var response = await http.GetAsync("jobs/" + jobId, timeout.Token);
                Assert.Equal(200, (int)response.StatusCode);
                var job = (await ReadJsonAsync(response))["job"]!;
                onPoll?.Invoke(job);
                var status = (string)job["status"]!;
                if (status is "success" or "failure" or "canceled")
                {
                    return job;
                }

                await Task.Delay(20, timeout.Token);
            }
        }

        protected static string ExtendBody(string videoId, string extra = "") =>
            "{\"prompt\":\"A fantasy landscape\",\"video\":\"" + videoId + "\"" + extra + "}";

        protected static string ReadRepoFile(string relative) => File.ReadAllText(Path.Combine(RepoRoot, relative));

        public static string RepoRoot
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LtxCodegen.sln")))
                {
                    dir = dir.Parent;
                }

                return dir?.FullName ?? throw new InvalidOperationException("LtxCodegen.sln not found above " + AppContext.BaseDirectory);
            }
        }
    }
}
