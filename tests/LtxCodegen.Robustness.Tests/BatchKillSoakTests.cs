using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace LtxCodegen.Robustness.Tests
{
    /// <summary>
    /// Kill soak of <c>ltx batch</c>: the built CLI runs as a child process against an in-process emulator on loopback, is
    /// killed with SIGKILL at 5 random points (after a random number of outputs, so mid-submit, mid-wait or mid-download of
    /// other lines) and rerun each time; the last run must finish with every output, exactly one generate POST per line,
    /// one upload per distinct file, and no <c>.part</c> file. 20 lines in the normal suite; the full soak is 200 lines
    /// (<c>LTXCODEGEN_BATCH_SOAK_LINES=200</c>), like the emulator soak's <c>LTXCODEGEN_SOAK_JOBS</c>.
    /// </summary>
    public sealed class BatchKillSoakTests
    {
        private const int DistinctClips = 4;
        private const int Kills = 5;
        private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

        private readonly ITestOutputHelper _output;

        public BatchKillSoakTests(ITestOutputHelper output) => _output = output;

        /// <summary>20 lines in every test run; <c>LTXCODEGEN_BATCH_SOAK_LINES=200</c> for the full soak (about 45 s).</summary>
        [Fact]
        public Task Batch_killed_5_times_with_sigkill_resumes_to_every_output_paying_once()
        {
            var lines = int.TryParse(Environment.GetEnvironmentVariable("LTXCODEGEN_BATCH_SOAK_LINES"), out var n) && n >= Kills + 1 ? Math.Min(n, 10_000) : 20;
            return SoakAsync(lines, seed: 2026_12_02 + lines);
        }

        private async Task SoakAsync(int lines, int seed)
        {
            var random = new Random(seed);
            await using var emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions
            {
                ApiKey = "soak-key",
                ApiSecret = "soak-secret",
                QueuedDuration = TimeSpan.FromMilliseconds(20),
                RunningDuration = TimeSpan.FromMilliseconds(150),
                ProgressSteps = 2,
            });
            var folder = Path.Combine(Path.GetTempPath(), "ltx-batch-soak-" + Guid.NewGuid().ToString("N"));
            var outDir = Path.Combine(folder, "out");
            Directory.CreateDirectory(folder);
            try
            {
                for (var c = 0; c < DistinctClips; c++)
                {
                    File.WriteAllBytes(Path.Combine(folder, "clip" + c + ".mp4"), SampleMedia.GetVideo().Concat(new[] { (byte)c }).ToArray());
                }

                var batch = new StringBuilder();
                for (var i = 0; i < lines; i++)
                {
                    batch.Append("{\"id\": \"soak-").Append(i.ToString("000", CultureInfo.InvariantCulture)).Append("\", \"model\": \"model_ltx-2-19b-extend-video\", \"params\": {\"prompt\": \"soak-line-")
                        .Append(i).Append("-end\", \"video\": \"clip").Append(i % DistinctClips).Append(".mp4\", \"extendDuration\": 1}}\n");
                }

                var file = Path.Combine(folder, "requests.jsonl");
                File.WriteAllText(file, batch.ToString());

                var clock = Stopwatch.StartNew();
                var killedAt = new System.Collections.Generic.List<string>();
                // 5 distinct random kill points (outputs on disk), each followed by a random 0-40 ms so the kill lands at any phase.
                var targets = Enumerable.Range(1, lines - 1).OrderBy(_ => random.Next()).Take(Kills).OrderBy(t => t).ToArray();
                foreach (var target in targets)
                {
                    using var child = Start(emulator, file, outDir);
                    var started = clock.Elapsed;
                    if (Outputs(outDir) >= target)
                    {
                        // An earlier run went past this point: kill this one at a random moment of its start (ledger, resume).
                        await Task.Delay(random.Next(100, 1500));
                    }

                    while (!child.Process.HasExited && Outputs(outDir) < target && clock.Elapsed - started < RunTimeout)
                    {
                        await Task.Delay(5);
                    }

                    await Task.Delay(random.Next(0, 40));
                    if (child.Process.HasExited)
                    {
                        killedAt.Add("exited " + child.Process.ExitCode + " at " + Outputs(outDir));
                    }
                    else
                    {
                        child.Process.Kill(); // SIGKILL: no cleanup runs in the child
                        await child.Process.WaitForExitAsync();
                        killedAt.Add(Outputs(outDir) + "/" + lines + " (target " + target + ", " + (clock.Elapsed - started).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s)");
                    }
                }

                using (var last = Start(emulator, file, outDir))
                {
                    using var timeout = new CancellationTokenSource(RunTimeout);
                    await last.Process.WaitForExitAsync(timeout.Token);
                    Assert.True(last.Process.ExitCode == 0, "the last run exited " + last.Process.ExitCode + ":\n" + last.Output());
                }

                var posts = emulator.Requests.Find("POST", "/v1/generate/").Where(r => !r.Query.Contains("dryRun", StringComparison.Ordinal)).ToList();
                var uploads = emulator.Requests.Find("POST", "/v1/uploads").Where(r => r.Path == "/v1/uploads").ToList();
                var listings = emulator.Requests.Find("GET", "/v1/jobs").Count(r => r.Path == "/v1/jobs");
                _output.WriteLine(lines + " lines, " + Kills + " SIGKILLs at outputs " + string.Join(", ", killedAt) + "; total " + clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)
                    + " s; generate POSTs " + posts.Count + "; upload POSTs " + uploads.Count + " for " + DistinctClips + " distinct files; job-list reads (reconcile) " + listings
                    + "; downloads " + emulator.Requests.Find("GET", "/cdn/").Count + "; requests " + emulator.Requests.Total + ".");

                Assert.Equal(lines, Outputs(outDir));
                Assert.Empty(Directory.GetFiles(outDir, "*.part"));
                Assert.Equal(lines, posts.Count);
                for (var i = 0; i < lines; i++)
                {
                    var marker = "\"soak-line-" + i + "-end\"";
                    Assert.True(posts.Count(p => p.Body != null && p.Body.Contains(marker, StringComparison.Ordinal)) == 1, "line " + i + " was not sent exactly once");
                }

                Assert.Equal(DistinctClips, uploads.Count);
                var expected = SampleMedia.GetVideo().Length + 1;
                Assert.All(Directory.GetFiles(outDir, "*.mp4"), f => Assert.Equal(expected, new FileInfo(f).Length));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static int Outputs(string outDir) => Directory.Exists(outDir) ? Directory.GetFiles(outDir, "soak-*.mp4").Length : 0;

        private static Child Start(ScenarioEmulator emulator, string file, string outDir)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            info.ArgumentList.Add(LtxDll());
            foreach (var arg in new[] { "batch", file, "--out", outDir, "--concurrency", "8", "--reconcile-wait", "1" })
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["SCENARIO_API_KEY"] = "soak-key";
            info.Environment["SCENARIO_API_SECRET"] = "soak-secret";
            info.Environment["SCENARIO_API_URL"] = emulator.BaseAddress.ToString();
            info.Environment.Remove("SCENARIO_NO_SPEND");
            return new Child(Process.Start(info)!);
        }

        private static string LtxDll()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LtxCodegen.sln")))
            {
                dir = dir.Parent;
            }

            Assert.NotNull(dir);
            var configuration = AppContext.BaseDirectory.Contains(Path.DirectorySeparatorChar + "Release" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(dir!.FullName, "cli", "LtxCodegen.Cli", "bin", configuration, "net10.0", "ltx.dll");
            Assert.True(File.Exists(dll), "build the CLI first: " + dll);
            return dll;
        }

        /// <summary>A child process whose output is drained (so it never blocks) and which is killed if still running at disposal.</summary>
        private sealed class Child : IDisposable
        {
            private readonly StringBuilder _text = new StringBuilder();

            public Child(Process process)
            {
                Process = process;
                process.OutputDataReceived += (_, e) => Append(e.Data);
                process.ErrorDataReceived += (_, e) => Append(e.Data);
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                process.StandardInput.Close();
            }

            public Process Process { get; }

            public string Output()
            {
                lock (_text)
                {
                    return _text.Length > 20_000 ? _text.ToString(_text.Length - 20_000, 20_000) : _text.ToString();
                }
            }

            private void Append(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (_text)
                {
                    _text.AppendLine(line);
                }
            }

            public void Dispose()
            {
                if (!Process.HasExited)
                {
                    Process.Kill();
                    Process.WaitForExit(10_000);
                }

                Process.Dispose();
            }
        }
    }
}
