using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LtxCodegen;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>The ten-line program of docs/readme/runtime.md, line for line, run against the emulator.</summary>
    [Collection(nameof(ProcessStateCollection))]
    public sealed class ReadmeProgramTests
    {
        [Fact]
        public void The_readme_shows_exactly_the_program_this_test_runs()
        {
            var readme = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "readme", "runtime.md"));
            var block = Regex.Match(readme, "```csharp\\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
            var readmeLines = Lines(block);
            Assert.InRange(readmeLines.Length, 5, 10); // the "ten-line program" (blank lines aside)

            var source = File.ReadAllText(Path.Combine(RepoRoot(), "tests", "LtxCodegen.Runtime.Tests", "ReadmeProgramTests.cs"));
            var body = Lines(Regex.Match(source, "// readme:begin\\n(.*?)// readme:end", RegexOptions.Singleline).Groups[1].Value);
            var usings = readmeLines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("using var", StringComparison.Ordinal)).ToArray();
            Assert.Equal(readmeLines.Skip(usings.Length).ToArray(), body);
            Assert.All(usings, u => Assert.Contains("\n" + u + "\n", source));
        }

        [Fact]
        public async Task The_readme_program_extends_a_clip_end_to_end()
        {
            await using var emulator = await Emu.StartAsync();
            var dir = Path.GetDirectoryName(Emu.TempFile(".mp4"))!;
            File.Copy(Emu.ClipPath, Path.Combine(dir, "input.mp4"));
            var saved = (Environment.CurrentDirectory, Console.Out);
            var output = new StringWriter();
            Environment.SetEnvironmentVariable("SCENARIO_API_KEY", Emu.Key);
            Environment.SetEnvironmentVariable("SCENARIO_API_SECRET", Emu.Secret);
            Environment.SetEnvironmentVariable("SCENARIO_API_URL", emulator.BaseAddress.ToString());
            Environment.CurrentDirectory = dir;
            Console.SetOut(output);
            try
            {
                await ProgramAsync();
            }
            finally
            {
                Environment.CurrentDirectory = saved.CurrentDirectory;
                Console.SetOut(saved.Out);
                Environment.SetEnvironmentVariable("SCENARIO_API_KEY", null);
                Environment.SetEnvironmentVariable("SCENARIO_API_SECRET", null);
                Environment.SetEnvironmentVariable("SCENARIO_API_URL", null);
            }

            Assert.Equal(File.ReadAllBytes(Emu.ClipPath), File.ReadAllBytes(Path.Combine(dir, "extended.mp4")));
            Assert.Contains("Saved extended.mp4 from job job_", output.ToString());
            Assert.Equal(1, emulator.Requests.Count("POST", "/v1/generate/custom/" + Ltx2_19bExtendVideoModel.Id));
        }

        private static async Task ProgramAsync()
        {
            // readme:begin
            // Credentials from SCENARIO_API_KEY / SCENARIO_API_SECRET (SCENARIO_API_URL points it at the emulator).
            using var client = new ScenarioClient(new ScenarioClientOptions());
            var video = await client.UploadAssetAsync("input.mp4");
            var request = new Ltx2_19bExtendVideoRequest { Prompt = "The camera keeps gliding over the hills", Video = video, ExtendDuration = 4 };
            var job = await client.RunLtx2_19bExtendVideoAsync(request, new Progress<ScenarioJob>(j => Console.WriteLine($"{j.Status} {j.Progress:P0}")));
            await client.DownloadAssetAsync(job.AssetIds[0], "extended.mp4");
            Console.WriteLine($"Saved extended.mp4 from job {job.JobId}");
            // readme:end
        }

        private static string[] Lines(string text) =>
            text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LtxCodegen.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("LtxCodegen.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Tests that change process-wide state (current directory, environment, console) run alone.</summary>
    [CollectionDefinition(nameof(ProcessStateCollection), DisableParallelization = true)]
    public sealed class ProcessStateCollection
    {
    }
}
