using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Emulator;
using LtxCodegen.Emulator.Models;

namespace LtxCodegen.Benchmarks
{
    /// <summary>
    /// Per-job client overhead in CPU time (a timed harness, not BenchmarkDotNet: the figure is process CPU over
    /// 1,000 whole jobs). Each job is submit → poll until success → read the asset → download to a file, once through
    /// <see cref="ScenarioClient"/> and once through a hand-written <see cref="HttpClient"/> loop; the emulator's
    /// request log proves both made the same calls. Target: client ≤ 1.1× the hand-written loop's CPU time.
    /// <para>
    /// <c>--emulator in-process</c> (the default, as specified) counts the emulator's CPU on both sides;
    /// <c>--emulator process</c> runs the standalone emulator in a child process, so this process's CPU is the
    /// client's alone. <c>--only client</c> (or <c>hand</c>) runs one loop alone, for a profiler.
    /// </para>
    /// </summary>
    internal static class ClientCpuHarness
    {
        private const string Key = "bench";
        private const string Secret = "bench-secret";

        private static readonly SteppedClock Clock = new SteppedClock();

        public static async Task<int> RunAsync(string[] args)
        {
            var jobs = Arg(args, "--jobs", 1000);
            var rounds = Arg(args, "--rounds", 3);
            var outOfProcess = args.SkipWhile(a => a != "--emulator").Skip(1).FirstOrDefault() == "process";
            var folder = Path.Combine(Path.GetTempPath(), "ltx-cpu-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            ScenarioEmulator? emulator = null;
            Process? child = null;
            try
            {
                Uri baseAddress;
                if (outOfProcess)
                {
                    (child, baseAddress) = await StartChildEmulatorAsync();
                }
                else
                {
                    // A clock that moves only when a job has been submitted: every job is queued at submit and done
                    // at its first poll, on both sides, so the two loops make exactly the same calls.
                    emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions
                    {
                        ApiKey = Key,
                        ApiSecret = Secret,
                        QueuedDuration = TimeSpan.FromSeconds(1),
                        RunningDuration = TimeSpan.FromSeconds(1),
                        TimeProvider = Clock,
                    });
                    baseAddress = emulator.BaseAddress;
                }

                using var client = new ScenarioClient(new ScenarioClientOptions
                {
                    BaseAddress = baseAddress,
                    ApiKey = Key,
                    ApiSecret = Secret,
                    PollInterval = TimeSpan.FromMilliseconds(1),
                    MaxPollInterval = TimeSpan.FromMilliseconds(1),
                });
                using var http = new HttpClient { BaseAddress = baseAddress };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":" + Secret)));

                // One real input video, uploaded once and named by every job of both loops.
                var clip = Path.Combine(folder, "clip.mp4");
                File.WriteAllBytes(clip, SampleMedia.GetVideo());
                // The upload is a job of its own: keep the still clock moving until it is done.
                var upload = client.UploadAssetAsync(clip);
                while (await Task.WhenAny(upload, Task.Delay(50)) != upload)
                {
                    Clock.JobSubmitted();
                }

                var video = await upload;

                Func<Task> hand = () => HandWrittenJobAsync(http, video, Path.Combine(folder, "hand.mp4"));
                Func<Task> generated = () => ClientJobAsync(client, video, Path.Combine(folder, "client.mp4"));

                // Warm-up (tiered JIT reaches its optimised code after some hundreds of calls, connection pool), then
                // the same-calls check on the in-process emulator's log.
                for (var i = 0; i < 3; i++)
                {
                    await Loop(hand, 100);
                    await Loop(generated, 100);
                    await Task.Delay(200);
                }

                if (emulator != null)
                {
                    var handCalls = await CallsOf(emulator, hand, 20);
                    var clientCalls = await CallsOf(emulator, generated, 20);
                    Console.WriteLine("calls per 20 jobs, hand-written: " + handCalls);
                    Console.WriteLine("calls per 20 jobs, ScenarioClient: " + clientCalls);
                    if (handCalls != clientCalls)
                    {
                        Console.Error.WriteLine("the two loops do not make the same calls");
                        return 1;
                    }
                }

                // --only client|hand: run one loop alone (for a profiler: dotnet-trace collect -- dotnet … client-cpu --only client).
                var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
                if (only is "client" or "hand")
                {
                    var alone = await Measure.RunAsync(only == "client" ? generated : hand, jobs);
                    Console.WriteLine(alone.Row(only, jobs, 1.0));
                    return 0;
                }

                var handRuns = new List<Measure>();
                var clientRuns = new List<Measure>();
                for (var r = 0; r < rounds; r++)
                {
                    handRuns.Add(await Measure.RunAsync(hand, jobs));
                    clientRuns.Add(await Measure.RunAsync(generated, jobs));
                }

                var h = handRuns.OrderBy(m => m.CpuMs).ElementAt(rounds / 2);
                var c = clientRuns.OrderBy(m => m.CpuMs).ElementAt(rounds / 2);
                Console.WriteLine(FormattableString.Invariant($"emulator: {(outOfProcess ? "child process (client CPU only)" : "in process (CPU of both)")}; {jobs} jobs per round, {rounds} rounds, median round by CPU"));
                Console.WriteLine("| Loop | CPU per job | Wall per job | Allocated per job | Ratio (CPU) |");
                Console.WriteLine("|---|---:|---:|---:|---:|");
                Console.WriteLine(h.Row("Hand-written HttpClient", jobs, 1.0));
                Console.WriteLine(c.Row("ScenarioClient", jobs, c.CpuMs / h.CpuMs));
                Console.WriteLine(FormattableString.Invariant($"all rounds, CPU ms: hand {string.Join(" / ", handRuns.Select(m => m.CpuMs.ToString("F0", CultureInfo.InvariantCulture)))}; client {string.Join(" / ", clientRuns.Select(m => m.CpuMs.ToString("F0", CultureInfo.InvariantCulture)))}"));
                Console.WriteLine(FormattableString.Invariant($"target <= 1.1x: {(c.CpuMs / h.CpuMs <= 1.1 ? "met" : "not met")} ({c.CpuMs / h.CpuMs:F2}x)"));
                return 0;
            }
            finally
            {
                if (emulator != null)
                {
                    await emulator.DisposeAsync();
                }

                if (child != null)
                {
                    child.Kill(entireProcessTree: true);
                    child.WaitForExit();
                    child.Dispose();
                }

                Directory.Delete(folder, recursive: true);
            }
        }

        private static async Task HandWrittenJobAsync(HttpClient http, string video, string path)
        {
            var body = new StringContent("{\"prompt\":\"bench\",\"video\":\"" + video + "\"}", Encoding.UTF8, "application/json");
            using var submit = await http.PostAsync("generate/custom/" + Ltx2_19bExtendVideoModel.Id, body);
            submit.EnsureSuccessStatusCode();
            var submitted = JsonDocument.Parse(await submit.Content.ReadAsStreamAsync());
            var job = submitted.RootElement.GetProperty("job");
            var jobId = job.GetProperty("jobId").GetString();
            Clock.JobSubmitted();
            while (job.GetProperty("status").GetString() != "success")
            {
                // The poll interval before every poll, as the client does (1 ms here, for both).
                await Task.Delay(1);
                submitted.Dispose();
                submitted = JsonDocument.Parse(await http.GetStreamAsync("jobs/" + jobId));
                job = submitted.RootElement.GetProperty("job");
            }

            var assetId = job.GetProperty("metadata").GetProperty("assetIds")[0].GetString()!;
            submitted.Dispose();

            using var asset = JsonDocument.Parse(await http.GetStreamAsync("assets/" + assetId));
            var url = asset.RootElement.GetProperty("asset").GetProperty("url").GetString();
            using var download = await http.GetStreamAsync(url);
            using var file = File.Create(path);
            await download.CopyToAsync(file);
        }

        private static async Task ClientJobAsync(ScenarioClient client, string video, string path)
        {
            // The first progress report is the submitted job (before any poll).
            var job = await client.RunAsync(new Ltx2_19bExtendVideoRequest { Prompt = "bench", Video = video }, Clock);
            await client.DownloadOutputAsync(job, path);
        }

        private static async Task Loop(Func<Task> job, int count)
        {
            for (var i = 0; i < count; i++)
            {
                await job();
            }
        }

        // The calls a loop makes, as "METHOD kind × n" counted in the emulator's log.
        private static async Task<string> CallsOf(ScenarioEmulator emulator, Func<Task> job, int count)
        {
            emulator.Requests.Clear();
            await Loop(job, count);
            return string.Join(", ", emulator.Requests.Snapshot()
                .GroupBy(r => r.Method + " " + Kind(r.Path))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key + " x" + g.Count()));
        }

        private static string Kind(string path)
        {
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 1 ? "/" + parts[0] + "/" + parts[1] + (parts.Length > 2 ? "/…" : "") : path;
        }

        private static async Task<(Process, Uri)> StartChildEmulatorAsync()
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "LtxCodegen.Emulator.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { dll, "--port", "0", "--api-key", Key, "--api-secret", Secret, "--queued-ms", "0", "--running-ms", "0" })
            {
                start.ArgumentList.Add(a);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator");
            while (await process.StandardOutput.ReadLineAsync() is string line)
            {
                var at = line.IndexOf("http://127.0.0.1:", StringComparison.Ordinal);
                if (at >= 0)
                {
                    _ = process.StandardOutput.ReadToEndAsync();
                    return (process, new Uri(line.Substring(at).Trim()));
                }
            }

            throw new InvalidOperationException("the emulator exited before naming its address");
        }

        private static int Arg(string[] args, string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
        }

        /// <summary>
        /// The in-process emulator's clock: it stands still, and moves 10 s when a job has been submitted (the
        /// client's first progress report, or the hand-written loop's own call). A still clock outside of that keeps
        /// signed URLs valid however long a run takes.
        /// </summary>
        private sealed class SteppedClock : TimeProvider, IProgress<ScenarioJob>
        {
            private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
            private ScenarioJob? _last;

            public override DateTimeOffset GetUtcNow() => new DateTimeOffset(Interlocked.Read(ref _ticks), TimeSpan.Zero);

            public void JobSubmitted() => Interlocked.Add(ref _ticks, TimeSpan.FromSeconds(10).Ticks);

            public void Report(ScenarioJob value)
            {
                if (_last?.JobId != value.JobId)
                {
                    _last = value;
                    JobSubmitted();
                }
            }
        }

        private sealed record Measure(double CpuMs, double WallMs, long Bytes)
        {
            public static async Task<Measure> RunAsync(Func<Task> job, int count)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var process = Process.GetCurrentProcess();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var wall = Stopwatch.StartNew();
                await Loop(job, count);
                wall.Stop();
                process.Refresh();
                return new Measure((process.TotalProcessorTime - cpu).TotalMilliseconds, wall.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - bytes);
            }

            public string Row(string name, int jobs, double ratio) => FormattableString.Invariant(
                $"| {name} | {CpuMs * 1000 / jobs:F0} µs | {WallMs * 1000 / jobs:F0} µs | {Bytes / 1024.0 / jobs:F1} KB | {ratio:F2} |");
        }
    }
}
