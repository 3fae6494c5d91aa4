using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LtxCodegen.Emulator;

// The quick start packs the runtime project like PackageFixture does: never two packs of the same project at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace LtxCodegen.Package.Tests
{
    /// <summary>
    /// The README's "Quick start for a consumer project", run as a new user runs it: its shell blocks and its Program.cs,
    /// taken from the README text, in a fresh folder with its own package cache, against the emulator.
    /// </summary>
    public sealed class ReadmeQuickStartTests
    {
        private static readonly string RepositoryRoot = typeof(ReadmeQuickStartTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "LtxCodegen.RepositoryRoot").Value!;

        [Fact]
        public async Task The_quick_start_pasted_into_a_fresh_console_project_runs_against_the_emulator()
        {
            var section = QuickStart(File.ReadAllText(Path.Combine(RepositoryRoot, "README.md")));
            var shell = Blocks(section, "bash");
            var program = Assert.Single(Blocks(section, "csharp"));
            Assert.Equal(3, shell.Count);
            Assert.Equal(4, Lines(shell[0]).Length); // the four-line local-feed recipe
            Assert.DoesNotContain("using MyApp", program);
            Assert.Equal(docsQuickStart(), section);

            var root = Path.Combine(Path.GetTempPath(), "ltxcodegen-quickstart-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(root);
            try
            {
                var environment = new Dictionary<string, string?>
                {
                    ["LTX"] = RepositoryRoot,
                    ["NUGET_PACKAGES"] = Path.Combine(root, "packages"), // a new user's empty cache
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                    ["DOTNET_NOLOGO"] = "1",
                    ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                    ["DOTNET_CLI_UI_LANGUAGE"] = "en",
                    ["MSBUILDDISABLENODEREUSE"] = "1", // no build server left behind
                    ["UseSharedCompilation"] = "false",
                    ["SCENARIO_API_URL"] = null,
                    ["SCENARIO_API_KEY"] = null,
                    ["SCENARIO_API_SECRET"] = null,
                };

                // 1. Pack, new console project, nuget.config, add package. 2. Model docs and the input clip.
                var setup = await Bash(shell[0] + "\n" + shell[1], root, environment, TimeSpan.FromMinutes(6));
                Assert.True(setup.ExitCode == 0, setup.ToString());
                var app = Path.Combine(root, "MyApp");
                var config = File.ReadAllText(Path.Combine(app, "nuget.config"));
                Assert.Contains("ltx-feed", config);
                Assert.Contains("https://api.nuget.org/v3/index.json", config);
                File.WriteAllText(Path.Combine(app, "Program.cs"), program);

                // 3. The emulator the README starts in a second terminal, here in-process on a free port.
                var run = Lines(shell[2]);
                Assert.Equal(3, run.Length);
                Assert.StartsWith("dotnet run --project \"$LTX/emulator/LtxCodegen.Emulator\"", run[0]);
                var exports = Regex.Matches(run[1], @"(SCENARIO_API_\w+)=(\S+)").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
                Assert.Matches(@"^http://127\.0\.0\.1:\d+/v1/$", exports["SCENARIO_API_URL"]);
                await using var emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions
                {
                    ApiKey = exports["SCENARIO_API_KEY"],
                    ApiSecret = exports["SCENARIO_API_SECRET"],
                    QueuedDuration = TimeSpan.FromMilliseconds(100),
                    RunningDuration = TimeSpan.FromMilliseconds(400),
                });
                environment["SCENARIO_API_URL"] = Regex.Replace(exports["SCENARIO_API_URL"], @":\d+/", ":" + emulator.Port + "/");
                environment["SCENARIO_API_KEY"] = exports["SCENARIO_API_KEY"];
                environment["SCENARIO_API_SECRET"] = exports["SCENARIO_API_SECRET"];

                var result = await Bash(run[2], app, environment, TimeSpan.FromMinutes(4));

                Assert.True(result.ExitCode == 0, result.ToString());
                Assert.DoesNotMatch(new Regex(@":\s+(warning|error)\s", RegexOptions.IgnoreCase), result.Output);
                var size = Regex.Match(result.Output, @"Downloaded (\d+) bytes from job job_");
                Assert.True(size.Success, result.ToString());
                Assert.Equal(new FileInfo(Path.Combine(app, "input.mp4")).Length, long.Parse(size.Groups[1].Value)); // the emulator echoes the clip
                Assert.Equal(File.ReadAllBytes(Path.Combine(app, "input.mp4")), File.ReadAllBytes(Path.Combine(app, "extended.mp4")));
                Assert.Equal(1, emulator.Requests.Count("POST", "/v1/generate/custom/model_ltx-2-19b-extend-video"));
            }
            finally
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            static string docsQuickStart() => QuickStart(File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "readme", "package.md")));
        }

        private static Task<ProcessResult> Bash(string script, string directory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout) =>
            ProcessRunner.RunAsync("bash", new[] { "-euo", "pipefail", "-c", script }, directory, environment, timeout);

        private static string QuickStart(string readme)
        {
            var start = readme.IndexOf("### Quick start for a consumer project", StringComparison.Ordinal);
            Assert.True(start >= 0, "README has no quick start section");
            var end = readme.IndexOf("\n#", start + 10, StringComparison.Ordinal);
            return readme.Substring(start, (end < 0 ? readme.Length : end) - start).Replace("\r\n", "\n");
        }

        private static List<string> Blocks(string section, string language) =>
            Regex.Matches(section, "```" + language + "\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

        private static string[] Lines(string block) =>
            block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).ToArray();
    }
}
