using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    /// <summary>Docs read at startup (<c>--schemas</c>, <see cref="ScenarioEmulatorOptions.SchemasDirectory"/>): served, validated and run.</summary>
    public sealed class RunTimeDocsTests : IDisposable
    {
        private static readonly string Catalogue = Path.Combine(AppContext.BaseDirectory, "run-time-docs");
        private static readonly Regex AddressLine = new Regex(@"listening on (http://127\.0\.0\.1:\d+/v1/)", RegexOptions.CultureInvariant);
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "ltx-emulator-docs-" + Guid.NewGuid().ToString("N"));

        public RunTimeDocsTests()
        {
            Directory.CreateDirectory(_folder);
            File.Copy(Path.Combine(Catalogue, "third-party-model-generation-bfl.md"), Path.Combine(_folder, "bfl.md"));
            File.WriteAllText(Path.Combine(_folder, "broken.json"), "{\n  \"model\": { \"id\": \"model_broken\", \n");
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public async Task Options_folder_serves_validates_and_reports_bad_docs_with_their_place()
        {
            var options = new ScenarioEmulatorOptions { ApiKey = "K", ApiSecret = "S", SchemasDirectory = _folder, QueuedDuration = TimeSpan.FromMilliseconds(20), RunningDuration = TimeSpan.FromMilliseconds(100) };
            await using var emulator = await ScenarioEmulator.StartAsync(options);
            using var http = Client(emulator.BaseAddress.ToString());

            var bad = Assert.Single(emulator.DocDiagnostics, d => d.Id == "LTXG0001");
            Assert.Equal(Path.Combine(_folder, "broken.json"), bad.File);
            Assert.True(bad.Line >= 1);
            Assert.Contains(emulator.Models, m => m.Id == "model_flux-krea-dev");

            var model = await http.GetAsync("models/model_flux-krea-dev");
            Assert.Equal(HttpStatusCode.OK, model.StatusCode);
            Assert.Contains("\"promptStrength\"", await model.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var refused = await http.PostAsync("generate/custom/model_flux-krea-dev", Json("{\"prompt\":\"x\",\"steps\":51}"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("steps", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Standalone_emulator_with_schemas_runs_a_job_of_a_catalogue_model_end_to_end()
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "LtxCodegen.Emulator.dll");
            var info = new ProcessStartInfo("dotnet", "\"" + dll + "\" --port 0 --api-key K --api-secret S --queued-ms 20 --running-ms 100 --schemas \"" + _folder + "\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["LTX_SCHEMAS"] = string.Empty;
            using var process = Process.Start(info)!;
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                var address = await ReadAddressAsync(process);
                using var http = Client(address);

                var submitted = await http.PostAsync("generate/custom/model_flux-krea-dev", Json("{\"prompt\":\"a fox\",\"steps\":30}"));
                Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
                var jobId = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("job").GetProperty("jobId").GetString();

                string? status = null;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                while (status != "success")
                {
                    await Task.Delay(50, timeout.Token);
                    var job = JsonDocument.Parse(await http.GetStringAsync("jobs/" + jobId, timeout.Token)).RootElement.GetProperty("job");
                    status = job.GetProperty("status").GetString();
                    Assert.NotEqual("failure", status);
                }
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            var stderr = await errors;
            Assert.Contains(Path.Combine(_folder, "broken.json") + "(", stderr, StringComparison.Ordinal);
            Assert.Contains("error LTXG0001", stderr, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Standalone_emulator_with_a_missing_folder_exits_2()
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "LtxCodegen.Emulator.dll");
            var info = new ProcessStartInfo("dotnet", "\"" + dll + "\" --port 0 --schemas \"" + Path.Combine(_folder, "missing") + "\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, process.ExitCode);
            Assert.Contains("does not exist", error, StringComparison.Ordinal);
        }

        private static HttpClient Client(string address)
        {
            var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("K:S")));
            return http;
        }

        private static StringContent Json(string body) => new StringContent(body, Encoding.UTF8, "application/json");

        private static async Task<string> ReadAddressAsync(Process process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The emulator exited before printing its address.");
                var match = AddressLine.Match(line);
                if (match.Success)
                {
                    return match.Groups[1].Value;
                }
            }
        }
    }
}
