using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace LtxCodegen.Cli.Tests
{
    public sealed class CliCommandTests
    {
        private const string Extend = "model_ltx-2-19b-extend-video";
        private const string VideoToVideo = "model_ltx-2-19b-video-to-video";

        [Fact]
        public async Task Models_lists_both_ltx_models_with_parameters()
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(0, await cli.RunAsync("models"));
            var text = cli.Out.ToString();
            Assert.Contains(Extend, text);
            Assert.Contains(VideoToVideo, text);
            Assert.Contains("--extend-duration", text);
            Assert.Contains("1..20", text);
            Assert.Contains("16:9", text);
        }

        [Fact]
        public async Task Run_with_bad_values_exits_2_lists_every_error_and_sends_nothing()
        {
            await using var cli = await CliRun.StartAsync();
            var clip = cli.SampleClip();
            var code = await cli.RunAsync("run", Extend, "--video", clip, "--extend-duration", "99", "--aspect-ratio", "2:1", "--out", cli.Temp);
            Assert.Equal(2, code);
            var errors = cli.Error.ToString();
            Assert.Contains("--prompt", errors);
            Assert.Contains("--extend-duration", errors);
            Assert.Contains("--aspect-ratio", errors);
            Assert.Empty(cli.Emulator.Requests.Find("POST", "/v1/"));
        }

        [Fact]
        public async Task Run_with_unknown_option_or_model_exits_2()
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(2, await cli.RunAsync("run", Extend, "--prompt", "x", "--no-such-option", "1"));
            Assert.Equal(2, await cli.RunAsync("run", "model_nope", "--prompt", "x"));
            Assert.Equal(2, await cli.RunAsync("run", Extend, "--extend-duration", "abc"));
            Assert.Empty(cli.Emulator.Requests.Find("POST", "/v1/")); // only the free GET /v1/models/{id} lookup
        }

        [Fact]
        public async Task Dry_run_prints_the_body_and_sends_nothing()
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(0, await cli.RunAsync("run", Extend, "--prompt", "hills", "--video", "asset_x", "--extend-duration", "3", "--dry-run"));
            Assert.Contains("\"extendDuration\": 3", cli.Out.ToString());
            Assert.Equal(0, cli.Emulator.Requests.Total);
        }

        [Fact]
        public async Task Run_uploads_the_local_clip_submits_and_downloads_an_mp4()
        {
            await using var cli = await CliRun.StartAsync();
            var clip = cli.SampleClip();
            var outDir = Path.Combine(cli.Temp, "out");
            var code = await cli.RunAsync("run", "ltx-2-19b-extend-video", "--prompt", "The camera keeps gliding", "--video", clip,
                "--extend-duration", "2", "--out", outDir);
            Assert.True(code == 0, cli.Output);
            var mp4 = Assert.Single(Directory.GetFiles(outDir, "*.mp4"));
            Assert.Equal(File.ReadAllBytes(clip), File.ReadAllBytes(mp4));
            var post = Assert.Single(cli.Emulator.Requests.Find("POST", "/v1/generate/"));
            using var body = JsonDocument.Parse(post.Body!);
            Assert.StartsWith("asset_", body.RootElement.GetProperty("video").GetString());
            Assert.Equal(2, body.RootElement.GetProperty("extendDuration").GetDouble());
        }

        [Fact]
        public async Task A_failing_job_exits_1_with_the_reason()
        {
            await using var cli = await CliRun.StartAsync();
            cli.Emulator.Faults.FailNextJob("GPU out of memory", "Try a shorter clip");
            var clip = cli.SampleClip();
            var code = await cli.RunAsync("run", Extend, "--prompt", "x", "--video", clip, "--out", cli.Temp);
            Assert.Equal(1, code);
            Assert.Contains("GPU out of memory", cli.Error.ToString());
        }

        [Fact]
        public async Task Service_error_exits_3()
        {
            await using var cli = await CliRun.StartAsync();
            cli.Emulator.Faults.FailNext("POST", "/v1/generate/", System.Net.HttpStatusCode.InternalServerError, count: 1);
            var code = await cli.RunAsync("run", Extend, "--prompt", "x", "--video", "asset_missing_but_unchecked", "--out", cli.Temp);
            Assert.Equal(3, code);
        }

        [Fact]
        public async Task Jobs_wait_resumes_a_submitted_job_and_downloads_it()
        {
            await using var cli = await CliRun.StartAsync();
            using var client = new ScenarioClient(new ScenarioClientOptions { BaseAddress = cli.Emulator.BaseAddress, ApiKey = "cli-key", ApiSecret = "cli-secret" });
            var video = await client.UploadAssetAsync(cli.SampleClip());
            var model = ScenarioModels();
            var request = new DescriptorRequest(model, JsonDocument.Parse("{\"prompt\":\"x\",\"video\":\"" + video + "\"}").RootElement);
            var job = await client.SubmitAsync(request);
            var outDir = Path.Combine(cli.Temp, "resumed");
            Assert.Equal(0, await cli.RunAsync("jobs", "wait", job.JobId, "--out", outDir));
            Assert.Single(Directory.GetFiles(outDir, "*.mp4"));
        }

        [Fact]
        public async Task Jobs_wait_for_an_unknown_job_is_bad_input()
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(2, await cli.RunAsync("jobs", "wait", "job_does_not_exist", "--out", cli.Temp));
        }

        [Fact]
        public async Task Pull_writes_the_model_json()
        {
            await using var cli = await CliRun.StartAsync();
            var dir = Path.Combine(cli.Temp, "schemas");
            Assert.Equal(0, await cli.RunAsync("pull", VideoToVideo, "--dir", dir));
            var file = Path.Combine(dir, "ltx-2-19b-video-to-video.json");
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            Assert.Equal(VideoToVideo, json.RootElement.GetProperty("model").GetProperty("id").GetString());
            Assert.Equal(2, await cli.RunAsync("pull", "model_unknown", "--dir", dir));
        }

        [Fact]
        public async Task Demo_runs_both_models_without_credentials()
        {
            await using var cli = await CliRun.StartAsync();
            var outDir = Path.Combine(cli.Temp, "demo");
            var code = await Program.RunAsync(new[] { "demo", "--out", outDir }, cli.Host(withCredentials: false));
            Assert.True(code == 0, cli.Output);
            Assert.Equal(2, Directory.GetFiles(outDir, "*.mp4").Length);
            Assert.Contains(Path.GetFullPath(outDir), cli.Out.ToString());
            Assert.Equal(0, cli.Emulator.Requests.Total); // its own embedded emulator, not the configured service
        }

        [Fact]
        public async Task Without_credentials_run_uses_the_embedded_emulator_and_says_so()
        {
            await using var cli = await CliRun.StartAsync();
            var clip = cli.SampleClip();
            var outDir = Path.Combine(cli.Temp, "offline");
            var code = await Program.RunAsync(new[] { "run", Extend, "--prompt", "x", "--video", clip, "--out", outDir }, cli.Host(withCredentials: false));
            Assert.True(code == 0, cli.Output);
            Assert.Single(cli.Error.ToString().Split('\n'), l => l.Contains("embedded emulator", StringComparison.Ordinal));
            Assert.Single(Directory.GetFiles(outDir, "*.mp4"));
            Assert.Equal(0, cli.Emulator.Requests.Total);
        }

        [Fact]
        public async Task Cancel_while_waiting_prints_the_job_id_to_resume_with()
        {
            var options = CliRun.FastOptions();
            options.RunningDuration = TimeSpan.FromSeconds(30); // upload jobs would take as long: pass an asset id instead of a file
            options.RequireExistingInputAssets = false;
            await using var cli = await CliRun.StartAsync(options);
            var clip = "asset_0123456789abcdef";
            using var cts = new System.Threading.CancellationTokenSource();
            var run = cli.RunAsync(new[] { "run", Extend, "--prompt", "x", "--video", clip, "--out", cli.Temp }, cts.Token);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (cli.Emulator.Requests.Count("GET", "/v1/jobs/") == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            cts.Cancel();
            var code = await run;
            Assert.True(code == 130, code + cli.Output + string.Join("\n", cli.Emulator.Requests.Snapshot()));
            var post = Assert.Single(cli.Emulator.Requests.Find("POST", "/v1/generate/"));
            var jobId = cli.Out.ToString().Split(' ', '\n').Single(w => w.StartsWith("job_", StringComparison.Ordinal) && !w.Contains('.'));
            Assert.Contains("ltx jobs wait " + jobId, cli.Error.ToString());
        }

        [Fact]
        public async Task A_new_model_descriptor_gets_typed_options_with_no_cli_change()
        {
            var model = new ScenarioModelDescriptor("model_test-image", "Test image", "TestImage", new[]
            {
                new ScenarioParameterDescriptor("prompt", "Prompt", ScenarioParameterType.String, isRequired: true, maxLength: 20),
                new ScenarioParameterDescriptor("numSamples", "NumSamples", ScenarioParameterType.Integer, minimum: 1, maximum: 4),
                new ScenarioParameterDescriptor("hdr", "Hdr", ScenarioParameterType.Boolean),
                new ScenarioParameterDescriptor("styles", "Styles", ScenarioParameterType.StringArray),
                new ScenarioParameterDescriptor("guidance", "Guidance", ScenarioParameterType.Number, minimum: 0, maximum: 10),
            });
            var options = CliRun.FastOptions();
            options.Models = new[] { model };
            await using var cli = await CliRun.StartAsync(options);
            var host = cli.Host();
            var typed = new CliHost
            {
                Out = host.Out, Error = host.Error, ApiKey = host.ApiKey, ApiSecret = host.ApiSecret, BaseAddress = host.BaseAddress,
                PollInterval = host.PollInterval, Models = new[] { model },
            };

            Assert.Equal(0, await Program.RunAsync(new[] { "models" }, typed));
            Assert.Contains("--num-samples", cli.Out.ToString());

            Assert.Equal(2, await Program.RunAsync(new[] { "run", "test-image", "--prompt", "a prompt that is far too long", "--num-samples", "9" }, typed));
            Assert.Contains("--num-samples", cli.Error.ToString());
            Assert.Equal(0, cli.Emulator.Requests.Total);

            var outDir = Path.Combine(cli.Temp, "img");
            var code = await Program.RunAsync(new[] { "run", "test-image", "--prompt", "cat", "--num-samples", "2", "--hdr", "--styles", "a", "b", "--guidance", "2.5", "--out", outDir }, typed);
            Assert.True(code == 0, cli.Output);
            var post = Assert.Single(cli.Emulator.Requests.Find("POST", "/v1/generate/"));
            using var body = JsonDocument.Parse(post.Body!);
            Assert.Equal(2, body.RootElement.GetProperty("numSamples").GetInt64());
            Assert.True(body.RootElement.GetProperty("hdr").GetBoolean());
            Assert.Equal(new[] { "a", "b" }, body.RootElement.GetProperty("styles").EnumerateArray().Select(e => e.GetString()).ToArray());
            Assert.Equal(2.5, body.RootElement.GetProperty("guidance").GetDouble());
            Assert.Single(Directory.GetFiles(outDir, "*.png"));
        }

        [Fact]
        public async Task Unreachable_service_exits_3()
        {
            await using var cli = await CliRun.StartAsync();
            var closedPort = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            closedPort.Start();
            var port = ((System.Net.IPEndPoint)closedPort.LocalEndpoint).Port;
            closedPort.Stop();
            var host = cli.Host();
            var unreachable = new CliHost
            {
                Out = host.Out, Error = host.Error, ApiKey = host.ApiKey, ApiSecret = host.ApiSecret, PollInterval = host.PollInterval,
                BaseAddress = new Uri("http://127.0.0.1:" + port + "/v1/"),
            };
            var code = await Program.RunAsync(new[] { "run", Extend, "--prompt", "x", "--video", "asset_abc", "--out", cli.Temp }, unreachable);
            Assert.True(code == 3, code + cli.Output);
        }

        [Fact]
        public async Task Help_for_a_model_lists_its_options_and_exits_0()
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(0, await cli.RunAsync("run", Extend, "--help"));
            Assert.Contains("--num-inference-steps", cli.Out.ToString());
            Assert.Contains("[1..20]", cli.Out.ToString());
        }

        private static ScenarioModelDescriptor ScenarioModels() =>
            LtxCodegen.Cli.Models.ScenarioModels.Find(Extend)!;
    }
}
