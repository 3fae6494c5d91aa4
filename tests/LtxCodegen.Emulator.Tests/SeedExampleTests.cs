using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    /// <summary>
    /// Runs the cURL and JavaScript examples of the seed pages in the repository's <c>schemas/</c> against the emulator,
    /// changed only in host, credentials and an added input <c>video</c> (uploaded first), then follows the job to a
    /// downloaded asset. The pages have all whitespace collapsed onto one line, so the shell example gets its line
    /// breaks back (after each <c>\</c> continuation and around the heredoc); the JavaScript runs as it is.
    /// </summary>
    public class SeedExampleTests : EmulatorTestBase
    {
        private const string PublicBase = "https://api.cloud.scenario.com/v1/";

        /// <summary>The seed examples run against the built-in models: those the generator compiled from <c>schemas/</c>.</summary>
        protected override void Configure(ScenarioEmulatorOptions options)
        {
            options.Models = null;
        }

        public static TheoryData<string> SeedPages => new TheoryData<string> { "ltx-2-19b-extend-video.md", "ltx-2-19b-video-to-video.md" };

        [RequiresToolTheory("curl", "bash")]
        [MemberData(nameof(SeedPages))]
        public async Task Curl_example_runs_unchanged_but_for_host_credentials_and_video(string page)
        {
            var example = Extract(page, "cURL", "bash");
            Assert.StartsWith("curl -X POST \"" + PublicBase + "generate/custom/model_ltx-2-19b-", example, StringComparison.Ordinal);
            Assert.Contains("$(echo -n ':' | base64)", example);
            var video = await UploadVideoAsync(Http);

            var script = example
                .Replace(" \\ ", " \\\n", StringComparison.Ordinal)
                .Replace("<<'EOF' ", "<<'EOF'\n", StringComparison.Ordinal);
            Assert.EndsWith(" EOF", script, StringComparison.Ordinal);
            script = script[..^4] + "\nEOF\n";
            script = script
                .Replace(PublicBase, Emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal)
                .Replace("echo -n ':'", "echo -n '" + Key + ":" + Secret + "'", StringComparison.Ordinal);
            script = AddVideo(script, "<<'EOF'\n{ ", video);

            var file = Path.Combine(Path.GetTempPath(), "ltx-seed-" + Guid.NewGuid().ToString("N") + ".sh");
            await File.WriteAllTextAsync(file, script);
            try
            {
                var output = await RunAsync("bash", "\"" + file + "\"");
                var created = JsonNode.Parse(output)!;
                var jobId = (string)created["job"]!["jobId"]!;
                await FollowToDownloadAsync(jobId, video, page);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [RequiresToolTheory("node")]
        [MemberData(nameof(SeedPages))]
        public async Task JavaScript_example_runs_with_node_unchanged_but_for_host_credentials_and_video(string page)
        {
            var example = Extract(page, "JavaScript", "javascript");
            Assert.Contains("btoa(\":\")", example);
            Assert.Contains("await fetch(", example);
            var video = await UploadVideoAsync(Http);

            var script = example
                .Replace(PublicBase, Emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal)
                .Replace("btoa(\":\")", "btoa(\"" + Key + ":" + Secret + "\")", StringComparison.Ordinal);
            script = AddVideo(script, "const body = { ", video);

            var file = Path.Combine(Path.GetTempPath(), "ltx-seed-" + Guid.NewGuid().ToString("N") + ".mjs");
            await File.WriteAllTextAsync(file, script);
            try
            {
                var output = await RunAsync("node", "\"" + file + "\"");
                var match = Regex.Match(output, "jobId: '(job_[0-9a-f]+)'");
                Assert.True(match.Success, "node printed no job id: " + output);
                await FollowToDownloadAsync(match.Groups[1].Value, video, page);
            }
            finally
            {
                File.Delete(file);
            }
        }

        private async Task FollowToDownloadAsync(string jobId, string inputVideo, string page)
        {
            Assert.Equal(1, Emulator.Requests.Count("POST", "/v1/generate/custom/"));
            var post = Emulator.Requests.Find("POST", "/v1/generate/custom/")[0];
            Assert.Equal(200, post.StatusCode);
            Assert.Equal("/v1/generate/custom/model_" + Path.GetFileNameWithoutExtension(page), post.Path);
            Assert.Contains("\"video\": \"" + inputVideo + "\"", post.Body!.Replace("\"video\":\"", "\"video\": \"", StringComparison.Ordinal));

            var job = await WaitForJobAsync(Http, jobId);
            Assert.Equal("success", (string)job["status"]!);
            var assetId = (string)job["metadata"]!["assetIds"]![0]!;
            var asset = (await ReadJsonAsync(await Http.GetAsync("assets/" + assetId)))["asset"]!;
            Assert.Equal("video/mp4", (string)asset["mimeType"]!);
            using var raw = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var bytes = await raw.GetByteArrayAsync(new Uri((string)asset["url"]!));
            Assert.Equal(SampleMedia.GetVideo(), bytes);
        }

        private static string AddVideo(string script, string bodyStart, string video)
        {
            Assert.Contains(bodyStart, script);
            var index = script.IndexOf(bodyStart, StringComparison.Ordinal) + bodyStart.Length;
            return script[..index] + "\"video\": \"" + video + "\", " + script[index..];
        }

        /// <summary>The code block under <c>**{label}**</c> of a seed page, from the repository's copy.</summary>
        private static string Extract(string page, string label, string language)
        {
            var text = ReadRepoFile(Path.Combine("schemas", page));
            var match = Regex.Match(text, @"\*\*" + Regex.Escape(label) + @"\*\*\s*```" + language + @"\s(.*?)\s```", RegexOptions.Singleline);
            Assert.True(match.Success, "no " + label + " example in " + page);
            return match.Groups[1].Value;
        }

        private static async Task<string> RunAsync(string file, string arguments)
        {
            var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

            using var process = Process.Start(info)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                Assert.True(process.ExitCode == 0, file + " exited with " + process.ExitCode + ": " + await stderr + await stdout);
                return await stdout;
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
    }

    /// <summary>A theory that is reported as skipped, with the reason, when a tool it needs is not on the PATH.</summary>
    public sealed class RequiresToolTheoryAttribute : TheoryAttribute
    {
        public RequiresToolTheoryAttribute(params string[] tools)
        {
            var missing = tools.Where(t => !OnPath(t)).ToArray();
            if (missing.Length > 0)
            {
                Skip = "Skipped: " + string.Join(", ", missing) + " not found on PATH, so this seed example was not run.";
            }
        }

        private static bool OnPath(string tool) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(dir => File.Exists(Path.Combine(dir, tool)));
    }
}
