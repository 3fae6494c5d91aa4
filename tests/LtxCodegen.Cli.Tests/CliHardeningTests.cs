using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LtxCodegen.Cli.Tests
{
    /// <summary>Issue 12, CLI: one test per defect class an adversarial pass found.</summary>
    public sealed class CliHardeningTests
    {
        private const string Extend = "model_ltx-2-19b-extend-video";

        [Theory]
        [InlineData("../escaped")]
        [InlineData("ABSOLUTE")]
        public async Task Output_names_come_from_the_cli_not_from_the_job_id_the_server_sends(string hostileJobId)
        {
            await using var cli = await CliRun.StartAsync();
            var jobId = hostileJobId == "ABSOLUTE" ? Path.Combine(cli.Temp, "absolute-escape") : hostileJobId;
            var clip = LtxCodegen.Emulator.SampleMedia.GetVideo();
            await using var stub = await StubServer.StartAsync((server, context) =>
            {
                var path = context.Request.Path.Value ?? "";
                var job = "{\"job\":{\"jobId\":" + Json(jobId) + ",\"status\":\"{0}\",\"progress\":1,\"metadata\":{\"assetIds\":{1}}}}";
                if (context.Request.Method == "POST" && path.StartsWith("/v1/generate/", StringComparison.Ordinal))
                {
                    return StubServer.WriteJsonAsync(context, 200, job.Replace("{0}", "queued").Replace("{1}", "[]"));
                }

                // Any other GET under /v1/ is the job: a client that sends "../x" raw asks for /v1/x.
                if (context.Request.Method == "GET" && path.StartsWith("/v1/", StringComparison.Ordinal) && !path.StartsWith("/v1/assets/", StringComparison.Ordinal))
                {
                    return StubServer.WriteJsonAsync(context, 200, job.Replace("{0}", "success").Replace("{1}", "[\"asset_out1\"]"));
                }

                if (path == "/v1/assets/asset_out1")
                {
                    return StubServer.WriteJsonAsync(context, 200, "{\"asset\":{\"id\":\"asset_out1\",\"url\":" + Json(server.Root + "files/out.mp4")
                        + ",\"mimeType\":\"video/mp4\",\"kind\":\"video\",\"status\":\"success\",\"properties\":{\"size\":" + clip.Length + "}}}");
                }

                if (path == "/files/out.mp4")
                {
                    context.Response.ContentType = "video/mp4";
                    context.Response.ContentLength = clip.Length;
                    return context.Response.Body.WriteAsync(clip, 0, clip.Length);
                }

                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            });

            var outDir = Path.Combine(cli.Temp, "out", "inner");
            var code = await Program.RunAsync(new[] { "run", Extend, "--prompt", "x", "--video", "asset_in", "--out", outDir }, cli.Host(stub.BaseAddress));

            var written = Directory.GetFiles(cli.Temp, "*", SearchOption.AllDirectories);
            Assert.All(written, f => Assert.StartsWith(Path.GetFullPath(outDir) + Path.DirectorySeparatorChar, f));
            Assert.False(File.Exists(jobId + ".mp4"), cli.Output);
            if (code == 0)
            {
                var file = Assert.Single(Directory.GetFiles(outDir));
                Assert.Matches(@"^ltx-2-19b-extend-video-\d{8}-\d{6}(-\d+)?\.mp4$", Path.GetFileName(file));
            }
            else
            {
                Assert.DoesNotContain("Unhandled", cli.Output, StringComparison.Ordinal); // a runtime that refuses the id: a message, not a crash
            }
        }

        [Fact]
        public void Output_paths_are_sanitized_and_stay_in_the_folder()
        {
            var root = Path.Combine(Path.GetTempPath(), "ltx-out-" + Guid.NewGuid().ToString("N"));
            try
            {
                var folder = OutputFolder.Prepare(root);
                foreach (var stem in new[] { "..", "../../x", "/etc/passwd", "a\\..\\..\\b", "CON", "\u001b[31mred", "", new string('a', 500) })
                {
                    var path = folder.PathFor(stem, 0, 1, "/../../.mp4");
                    Assert.True(folder.IsInside(path), path);
                    Assert.Equal(Path.GetFullPath(root), Path.GetDirectoryName(path));
                    Assert.EndsWith(".bin", path, StringComparison.Ordinal);
                }

                Assert.Equal("_CON", OutputFolder.SafeName("CON"));
                Assert.Equal(".mp4", OutputFolder.SafeExtension(".MP4"));
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        [Fact]
        public async Task Pull_redacts_an_error_body_that_echoes_the_credentials()
        {
            await using var cli = await CliRun.StartAsync();
            await using var stub = await StubServer.StartAsync((_, context) =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                return StubServer.WriteJsonAsync(context, 401,
                    "{\"reason\":\"invalid credentials cli-secret\",\"echo\":{\"Authorization\":" + Json(header) + "},\"raw\":" + Json("Authorization: " + header) + "}");
            });

            var code = await Program.RunAsync(new[] { "pull", "model_x", "--dir", Path.Combine(cli.Temp, "schemas") }, cli.Host(stub.BaseAddress));

            Assert.Equal(3, code);
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("cli-key:cli-secret"));
            Assert.Contains("401", cli.Error.ToString(), StringComparison.Ordinal);
            Assert.Contains("Check SCENARIO_API_KEY and SCENARIO_API_SECRET", cli.Error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(token, cli.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("cli-secret", cli.Output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(cli.Temp, "schemas")) && Directory.EnumerateFiles(Path.Combine(cli.Temp, "schemas")).Any());
        }

        [Fact]
        public async Task Server_text_is_printed_without_escape_codes_or_control_characters()
        {
            await using var cli = await CliRun.StartAsync();
            cli.Emulator.Faults.FailNextJob("GPU \u001b[31mout of memory\u001b[0m \u001b]0;pwned\u0007\u202Egnp.exe\r\nForged: line\u0008", "hint \u009b2J");
            var code = await cli.RunAsync("run", Extend, "--prompt", "x", "--video", cli.SampleClip(), "--out", cli.Temp);

            Assert.Equal(1, code);
            var error = cli.Error.ToString();
            Assert.Contains("out of memory", error, StringComparison.Ordinal);
            Assert.DoesNotContain(error, c => c == '\u001b' || c == '\u0007' || c == '\u0008' || c == '\u009b' || c == '\u202E');
            Assert.DoesNotContain(error.Split('\n'), l => l.StartsWith("Forged", StringComparison.Ordinal));
            Assert.Equal("a b", TerminalText.StripControls("a\u001b[1;31m\r\n\u200Fb"));
        }

        [Theory]
        [InlineData("nope.mp4", false)]
        [InlineData("nope.mp4", true)]
        [InlineData("clips/take1", false)]
        [InlineData("notes.txt", true)]
        public async Task A_missing_local_file_is_bad_input_before_anything_is_sent(string value, bool dryRun)
        {
            await using var cli = await CliRun.StartAsync();
            var args = new[] { "run", Extend, "--prompt", "x", "--video", Path.Combine(cli.Temp, value), "--out", cli.Temp };
            var code = await cli.RunAsync(dryRun ? args.Append("--dry-run").ToArray() : args);

            Assert.True(code == 2, code + cli.Output);
            Assert.Contains("--video: no such file", cli.Error.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, cli.Emulator.Requests.Total);
        }

        [Fact]
        public async Task A_local_file_of_a_type_the_service_does_not_take_is_bad_input_not_a_crash()
        {
            await using var cli = await CliRun.StartAsync();
            var notes = Path.Combine(cli.Temp, "notes.txt");
            File.WriteAllText(notes, "not a video");
            var code = await cli.RunAsync("run", Extend, "--prompt", "x", "--video", notes, "--out", cli.Temp);

            Assert.True(code == 2, code + cli.Output);
            Assert.Contains("is not a media file", cli.Error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", cli.Output, StringComparison.Ordinal);
            Assert.Equal(0, cli.Emulator.Requests.Total);
        }

        [Fact]
        public async Task Out_pointing_at_a_file_is_refused_before_anything_is_sent()
        {
            await using var cli = await CliRun.StartAsync();
            var file = Path.Combine(cli.Temp, "results.mp4");
            File.WriteAllText(file, "keep me");
            var code = await cli.RunAsync("run", Extend, "--prompt", "x", "--video", cli.SampleClip(), "--out", file);

            Assert.True(code == 2, code + cli.Output);
            Assert.Contains("is an existing file", cli.Error.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, cli.Emulator.Requests.Total);
            Assert.Equal("keep me", File.ReadAllText(file));
        }

        [Fact]
        public async Task A_failure_after_submit_prints_the_job_id_and_the_resume_command()
        {
            var options = CliRun.FastOptions();
            options.RequireExistingInputAssets = false;
            await using var cli = await CliRun.StartAsync(options);
            cli.Emulator.Faults.FailNext("GET", "/v1/assets/", HttpStatusCode.InternalServerError, count: 1000);
            var outDir = Path.Combine(cli.Temp, "out");
            var code = await cli.RunAsync("run", Extend, "--prompt", "x", "--video", "asset_0123456789abcdef", "--out", outDir);

            Assert.True(code == 3, code + cli.Output);
            var post = Assert.Single(cli.Emulator.Requests.Find("POST", "/v1/generate/"));
            var jobId = cli.Out.ToString().Split(' ', '\n').First(w => w.StartsWith("job_", StringComparison.Ordinal));
            Assert.Contains("resume with: ltx jobs wait " + jobId + " --out " + outDir, cli.Error.ToString(), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal("'my out $(x)'\\'''", ErrorHandling.ShellQuote("my out $(x)'"));
            }
        }

        [Fact]
        public async Task Every_exception_becomes_a_message_and_an_exit_code()
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(2, await cli.RunAsync("jobs", "wait", ""));
            Assert.Contains("The job id is empty", cli.Error.ToString(), StringComparison.Ordinal);
            Assert.Equal(2, await cli.RunAsync("jobs", "wait", "../x"));

            var host = cli.Host();
            Assert.Equal(ExitCodes.Unexpected, await ErrorHandling.RunAsync(host, () => throw new InvalidOperationException("boom")));
            Assert.Equal(ExitCodes.BadInput, await ErrorHandling.RunAsync(host, () => throw new ArgumentException("bad value", "jobId")));
            var output = cli.Output;
            Assert.Contains("boom", output, StringComparison.Ordinal);
            Assert.Contains("Bad input: bad value", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.Equal(0, cli.Emulator.Requests.Total);
        }

        [Fact]
        public async Task Jobs_wait_for_a_job_that_does_not_exist_names_no_resume_command_and_no_csharp_method()
        {
            await using var cli = await CliRun.StartAsync();
            var code = await cli.RunAsync("jobs", "wait", "job_doesnotexist", "--out", cli.Temp);

            Assert.Equal(2, code);
            var error = cli.Error.ToString();
            Assert.Contains("No job 'job_doesnotexist'", error, StringComparison.Ordinal);
            Assert.DoesNotContain("resume", error, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Async", error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Pull_says_what_it_replaces_and_writes_the_doc_pretty_printed()
        {
            await using var cli = await CliRun.StartAsync();
            var dir = Path.Combine(cli.Temp, "schemas");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, "ltx-2-19b-extend-video.json");
            File.WriteAllText(file, "{\"model\":{\"id\":\"model_hand-edited\"}}");

            Assert.Equal(0, await cli.RunAsync("pull", Extend, "--dir", dir));
            Assert.Contains("Replaced " + file + " (the doc of model_hand-edited", cli.Out.ToString(), StringComparison.Ordinal);
            var text = File.ReadAllText(file);
            Assert.Contains("\n  \"model\": {", text, StringComparison.Ordinal);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);

            Assert.Equal(0, await cli.RunAsync("pull", Extend, "--dir", dir));
            Assert.Contains("already up to date", cli.Out.ToString(), StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(dir));
        }

        private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);
    }
}
