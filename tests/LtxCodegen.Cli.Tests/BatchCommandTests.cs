using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LtxCodegen.Batch;
using LtxCodegen.Batch.Sqlite;
using LtxCodegen.Emulator;

namespace LtxCodegen.Cli.Tests
{
    /// <summary><c>ltx batch</c> in process against the emulator on loopback.</summary>
    public sealed class BatchCommandTests
    {
        private const string Extend = "model_ltx-2-19b-extend-video";

        private static string Line(string id, string prompt, string video, int seconds = 2) =>
            "{\"id\": \"" + id + "\", \"model\": \"" + Extend + "\", \"params\": {\"prompt\": \"" + prompt + "\", \"video\": \"" + video + "\", \"extendDuration\": " + seconds + "}}";

        private static string WriteBatch(CliRun cli, params string[] lines)
        {
            var path = Path.Combine(cli.Temp, "requests.jsonl");
            File.WriteAllText(path, string.Join("\n", lines) + "\n");
            return path;
        }

        private static string Clip(CliRun cli, string name, byte extra)
        {
            var bytes = SampleMedia.GetVideo().Concat(new[] { extra }).ToArray();
            var path = Path.Combine(cli.Temp, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        private static int GeneratePosts(CliRun cli) => cli.Emulator.Requests.Find("POST", "/v1/generate/").Count(r => !r.Query.Contains("dryRun", StringComparison.Ordinal));

        [Fact]
        public async Task Batch_file_errors_exit_2_with_line_numbers_and_send_nothing()
        {
            await using var cli = await CliRun.StartAsync();
            var file = WriteBatch(cli, Line("a", "x", "asset_1"), "{broken", Line("a", "y", "asset_2"), Line("b", "z", "nope.mp4", seconds: 99));
            var code = await cli.RunAsync("batch", file, "--out", Path.Combine(cli.Temp, "out"));
            Assert.Equal(2, code);
            var errors = cli.Error.ToString();
            Assert.Contains("requests.jsonl:2: Not valid JSON", errors);
            Assert.Contains("requests.jsonl:3: 'a': The id is already used on line 1", errors);
            Assert.Contains("requests.jsonl:4: 'b': params.extendDuration", errors);
            Assert.Contains("requests.jsonl:4: 'b': params.video: no such file", errors);
            Assert.Equal(0, cli.Emulator.Requests.Total);
            Assert.False(Directory.Exists(Path.Combine(cli.Temp, "out")));
        }

        [Fact]
        public async Task Batch_uploads_each_distinct_file_once_downloads_every_output_and_a_rerun_sends_nothing_paid()
        {
            await using var cli = await CliRun.StartAsync();
            Clip(cli, "a.mp4", 1);
            Clip(cli, "same-as-a.mp4", 1);
            Clip(cli, "b.mp4", 2);
            var file = WriteBatch(cli, Line("hero-01", "one", "a.mp4"), Line("hero-02", "two", "same-as-a.mp4"), Line("hero-03", "three", "b.mp4"), Line("hero-04", "four", "a.mp4"));
            var outDir = Path.Combine(cli.Temp, "out");
            var code = await cli.RunAsync("batch", file, "--out", outDir, "--concurrency", "2");
            Assert.True(code == 0, cli.Output);
            Assert.Equal(new[] { "hero-01.mp4", "hero-02.mp4", "hero-03.mp4", "hero-04.mp4" },
                Directory.GetFiles(outDir, "*.mp4").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(2, cli.Emulator.Requests.Count("POST", "/v1/uploads") - cli.Emulator.Requests.Find("POST", "/v1/uploads/").Count);
            Assert.Equal(4, GeneratePosts(cli));
            Assert.Contains("Done 4/4", cli.Out.ToString());
            Assert.Contains("Spent 42 CU", cli.Out.ToString());
            Assert.Empty(Directory.GetFiles(outDir, "*.part"));

            cli.Emulator.Requests.Clear();
            cli.Out.GetStringBuilder().Clear();
            Assert.Equal(0, await cli.RunAsync("batch", file, "--out", outDir));
            Assert.Contains("Done 4/4 (4 in earlier runs)", cli.Out.ToString());
            Assert.Empty(cli.Emulator.Requests.Find("POST", "/v1/"));
        }

        [Fact]
        public async Task Max_cost_below_the_estimate_exits_2_before_any_paid_call()
        {
            var options = CliRun.FastOptions();
            options.RequireExistingInputAssets = false;
            await using var cli = await CliRun.StartAsync(options);
            var file = WriteBatch(cli, Line("a", "x", "asset_1", 4), Line("b", "y", "asset_2", 4));
            var code = await cli.RunAsync("batch", file, "--out", Path.Combine(cli.Temp, "out"), "--max-cost", "30");
            Assert.Equal(2, code);
            Assert.Contains("would cost about 42 creative units", cli.Error.ToString());
            Assert.Contains("over the cap of 30", cli.Error.ToString());
            Assert.Equal(0, GeneratePosts(cli));
            Assert.Equal(2, cli.Emulator.Requests.Find("POST", "/v1/generate/").Count);
            Assert.Empty(cli.Emulator.Requests.Find("POST", "/v1/uploads"));

            Assert.Equal(0, await cli.RunAsync("batch", file, "--out", Path.Combine(cli.Temp, "out"), "--max-cost", "42"));
            Assert.Equal(2, GeneratePosts(cli));
        }

        [Fact]
        public async Task A_failed_job_exits_1_with_its_reason_and_the_rerun_sends_only_that_line_again()
        {
            var options = CliRun.FastOptions();
            options.RequireExistingInputAssets = false;
            await using var cli = await CliRun.StartAsync(options);
            cli.Emulator.Faults.FailNextJob("GPU out of memory", "Try a shorter clip");
            var file = WriteBatch(cli, Line("a", "x", "asset_1"), Line("b", "y", "asset_2"));
            var outDir = Path.Combine(cli.Temp, "out");
            Assert.Equal(1, await cli.RunAsync("batch", file, "--out", outDir, "--concurrency", "1"));
            Assert.Contains("GPU out of memory", cli.Error.ToString());
            Assert.Single(Directory.GetFiles(outDir, "*.mp4"));

            Assert.Equal(0, await cli.RunAsync("batch", file, "--out", outDir));
            Assert.Equal(3, GeneratePosts(cli));
            Assert.Equal(2, Directory.GetFiles(outDir, "*.mp4").Length);
        }

        [Fact]
        public async Task A_submit_whose_answer_was_lost_is_found_in_the_job_list_not_sent_again()
        {
            var options = CliRun.FastOptions();
            options.RequireExistingInputAssets = false;
            await using var cli = await CliRun.StartAsync(options);
            var file = WriteBatch(cli, Line("a", "lost answer", "asset_1"), Line("b", "fine", "asset_2"));
            var outDir = Path.Combine(cli.Temp, "out");

            // Priced by an earlier run (so the first POST is a's generate call), whose answer is then lost after the job was made.
            var plan = ScenarioBatchFile.Read(file, LtxCodegen.Cli.Models.ScenarioModels.All);
            using (var ledger = SqliteScenarioBatchLedger.Open(Path.Combine(outDir, SqliteScenarioBatchLedger.DefaultFileName)))
            {
                foreach (var line in plan.Lines)
                {
                    await ledger.WriteLineAsync(new ScenarioBatchLineRecord(line.Id, line.RequestHash) { Estimate = 10.5 });
                }
            }

            cli.Emulator.Faults.ResetNext("POST", "/v1/generate/", afterHandling: true);
            var code = await cli.RunAsync("batch", file, "--out", outDir, "--concurrency", "1", "--reconcile-wait", "0");
            Assert.True(code == 0, cli.Output);
            Assert.Equal(2, Directory.GetFiles(outDir, "*.mp4").Length);
            var posts = cli.Emulator.Requests.Find("POST", "/v1/generate/").Where(r => !r.Query.Contains("dryRun", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, posts.Count);
            Assert.Single(posts, p => p.Body!.Contains("lost answer", StringComparison.Ordinal));
            Assert.Contains(cli.Emulator.Requests.Find("GET", "/v1/jobs"), r => r.Path == "/v1/jobs");
        }

        [Fact]
        public async Task A_line_cut_off_between_submitting_and_submitted_is_resumed_from_the_ledger_without_a_second_post()
        {
            var options = CliRun.FastOptions();
            options.RequireExistingInputAssets = false;
            await using var cli = await CliRun.StartAsync(options);
            var file = WriteBatch(cli, Line("a", "crashed", "asset_1"), Line("b", "never sent", "asset_2"));
            var outDir = Path.Combine(cli.Temp, "out");
            var plan = ScenarioBatchFile.Read(file, LtxCodegen.Cli.Models.ScenarioModels.All);

            // As if a run had written "submitting" for both lines, sent a's POST and been killed before the answers.
            using (var client = new ScenarioClient(new ScenarioClientOptions { BaseAddress = cli.Emulator.BaseAddress, ApiKey = "cli-key", ApiSecret = "cli-secret" }))
            {
                await client.SubmitAsync(new ScenarioBatchRequest(plan.Lines[0], new System.Collections.Generic.Dictionary<string, string>()));
            }

            using (var ledger = SqliteScenarioBatchLedger.Open(Path.Combine(outDir, SqliteScenarioBatchLedger.DefaultFileName)))
            {
                foreach (var line in plan.Lines)
                {
                    await ledger.WriteLineAsync(new ScenarioBatchLineRecord(line.Id, line.RequestHash)
                    {
                        State = ScenarioBatchLineState.Submitting,
                        SubmittingAt = DateTimeOffset.UtcNow.AddSeconds(-1),
                        Attempts = 1,
                        Estimate = 10.5,
                    });
                }
            }

            var code = await cli.RunAsync("batch", file, "--out", outDir, "--reconcile-wait", "0");
            Assert.True(code == 0, cli.Output);
            var posts = cli.Emulator.Requests.Find("POST", "/v1/generate/").Where(r => !r.Query.Contains("dryRun", StringComparison.Ordinal)).ToList();
            Assert.Single(posts, p => p.Body!.Contains("crashed", StringComparison.Ordinal));
            Assert.Single(posts, p => p.Body!.Contains("never sent", StringComparison.Ordinal));
            Assert.Equal(2, Directory.GetFiles(outDir, "*.mp4").Length);
        }

        [Fact]
        public async Task An_unresolvable_submit_needs_a_decision_and_resubmit_unknown_pays_again()
        {
            var options = CliRun.FastOptions();
            options.RequireExistingInputAssets = false;
            await using var cli = await CliRun.StartAsync(options);
            var file = WriteBatch(cli, Line("a", "unknown", "asset_1"));
            var outDir = Path.Combine(cli.Temp, "out");
            var plan = ScenarioBatchFile.Read(file, LtxCodegen.Cli.Models.ScenarioModels.All);
            using (var ledger = SqliteScenarioBatchLedger.Open(Path.Combine(outDir, SqliteScenarioBatchLedger.DefaultFileName)))
            {
                await ledger.WriteLineAsync(new ScenarioBatchLineRecord("a", plan.Lines[0].RequestHash)
                {
                    State = ScenarioBatchLineState.Submitting,
                    SubmittingAt = DateTimeOffset.UtcNow.AddSeconds(-1),
                    Attempts = 1,
                    Estimate = 10.5,
                });
            }

            // The job list cannot be read: no proof either way.
            cli.Emulator.Faults.FailNext("GET", "/v1/jobs", System.Net.HttpStatusCode.Forbidden, count: 1);
            Assert.Equal(1, await cli.RunAsync("batch", file, "--out", outDir, "--reconcile-wait", "0"));
            Assert.Contains("needs a decision", cli.Error.ToString());
            Assert.Contains("--resubmit-unknown", cli.Error.ToString());
            Assert.Equal(0, GeneratePosts(cli));

            cli.Emulator.Faults.FailNext("GET", "/v1/jobs", System.Net.HttpStatusCode.Forbidden, count: 1);
            Assert.Equal(0, await cli.RunAsync("batch", file, "--out", outDir, "--reconcile-wait", "0", "--resubmit-unknown"));
            Assert.Equal(1, GeneratePosts(cli));
        }

        [Fact]
        public async Task A_changed_line_already_sent_or_a_foreign_file_in_the_way_stops_the_batch_with_exit_2()
        {
            var options = CliRun.FastOptions();
            options.RequireExistingInputAssets = false;
            await using var cli = await CliRun.StartAsync(options);
            var outDir = Path.Combine(cli.Temp, "out");
            var file = WriteBatch(cli, Line("a", "x", "asset_1"));
            Assert.Equal(0, await cli.RunAsync("batch", file, "--out", outDir));

            File.WriteAllText(file, Line("a", "changed", "asset_1") + "\n" + Line("b", "new", "asset_1") + "\n");
            File.WriteAllText(Path.Combine(outDir, "b.mp4"), "mine");
            cli.Emulator.Requests.Clear();
            Assert.Equal(2, await cli.RunAsync("batch", file, "--out", outDir, "--schemas", Path.Combine(cli.Temp, "no-such-folder")));
            Assert.Contains("Cannot read the model docs in", cli.Error.ToString());
            Assert.Equal(2, await cli.RunAsync("batch", file, "--out", outDir));
            var errors = cli.Error.ToString();
            Assert.Contains("requests.jsonl:1: 'a': The line changed since an earlier run sent it", errors);
            Assert.Contains("requests.jsonl:2: 'b': The output folder already has b.mp4", errors);
            Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "b.mp4")));
            Assert.Equal(0, GeneratePosts(cli));
        }

        [Fact]
        public async Task Ctrl_c_exits_130_and_the_rerun_finishes_without_sending_twice()
        {
            var options = CliRun.FastOptions();
            options.RequireExistingInputAssets = false;
            options.RunningDuration = TimeSpan.FromSeconds(2);
            await using var cli = await CliRun.StartAsync(options);
            var file = WriteBatch(cli, Line("a", "x", "asset_1"), Line("b", "y", "asset_2"));
            var outDir = Path.Combine(cli.Temp, "out");
            using var cancel = new System.Threading.CancellationTokenSource();
            var run = cli.RunAsync(new[] { "batch", file, "--out", outDir }, cancel.Token);
            while (GeneratePosts(cli) < 2 && !run.IsCompleted)
            {
                await Task.Delay(20);
            }

            cancel.Cancel();
            Assert.Equal(130, await run);
            Assert.Contains("Rerun the same command to resume", cli.Error.ToString());
            Assert.Equal(0, await cli.RunAsync("batch", file, "--out", outDir));
            Assert.Equal(2, GeneratePosts(cli));
            Assert.Equal(2, Directory.GetFiles(outDir, "*.mp4").Length);
        }
    
        [Fact]
        public async Task The_live_view_renders_progress_and_a_summary_in_a_terminal()
        {
            var options = CliRun.FastOptions();
            options.RequireExistingInputAssets = false;
            await using var cli = await CliRun.StartAsync(options);
            var file = WriteBatch(cli, Line("a", "x", "asset_1"), Line("b\u202e", "y", "asset_2"));
            var host = new CliHost
            {
                Out = cli.Out,
                Error = cli.Error,
                ApiKey = "cli-key",
                ApiSecret = "cli-secret",
                BaseAddress = cli.Emulator.BaseAddress,
                PollInterval = TimeSpan.FromMilliseconds(50),
                Interactive = true,
            };
            var code = await Program.RunAsync(new[] { "batch", file, "--out", Path.Combine(cli.Temp, "out") }, host);
            Assert.True(code == 0, cli.Output);
            var text = cli.Out.ToString();
            Assert.Contains("2/2 done", text);
            Assert.Contains("spent 21 CU", text);
            Assert.Contains("Done 2/2", text);
            Assert.DoesNotContain("\u202e", text);
        }
    
        [Fact]
        public async Task A_line_priced_only_after_its_upload_is_not_sent_when_it_would_go_over_the_cap()
        {
            // The emulator will not price a stand-in asset id: both lines are priced after the upload, 10.5 CU each.
            await using var cli = await CliRun.StartAsync();
            Clip(cli, "a.mp4", 1);
            var file = WriteBatch(cli, Line("a", "x", "a.mp4"), Line("b", "y", "a.mp4"));
            var outDir = Path.Combine(cli.Temp, "out");
            Assert.Equal(1, await cli.RunAsync("batch", file, "--out", outDir, "--max-cost", "15", "--concurrency", "1"));
            Assert.Contains("2 line(s) are priced after their input files are uploaded", cli.Out.ToString());
            Assert.Contains("not sent (cost cap)", cli.Error.ToString());
            Assert.Equal(1, GeneratePosts(cli));
            Assert.Single(Directory.GetFiles(outDir, "*.mp4"));
        }
    }
}
