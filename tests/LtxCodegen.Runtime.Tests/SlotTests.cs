using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>The client's job limit and the service's parallel-jobs 429: wait for a slot, never resend blindly.</summary>
    public sealed class SlotTests
    {
        [Fact]
        public async Task A_parallel_jobs_429_waits_for_this_clients_job_to_finish_then_sends_once_more()
        {
            await using var emulator = await Emu.StartAsync(o =>
            {
                o.MaxParallelJobs = 1;
                o.RunningDuration = TimeSpan.FromMilliseconds(400);
            });
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            var first = await client.SubmitAsync(request);
            Assert.Equal(1, client.JobsInFlight);

            var second = await client.SubmitAsync(request);

            Assert.NotEqual(first.JobId, second.JobId);
            var log = emulator.Requests.Snapshot();
            var generates = log.Where(r => r.Is("POST", "/v1/generate/")).ToList();
            Assert.Equal(new[] { 200, 429, 200 }, generates.Select(r => r.StatusCode));
            // Between the refusal and the resend the client polled its own job until it had ended.
            var between = log.Where(r => r.Sequence > generates[1].Sequence && r.Sequence < generates[2].Sequence).ToList();
            Assert.Contains(between, r => r.Is("GET", "/v1/jobs/" + first.JobId));
            Assert.True((await client.GetJobAsync(first.JobId)).IsTerminal);
            Assert.Equal(3, emulator.JobCount); // the upload's job and exactly two generate jobs
        }

        [Fact]
        public async Task A_parallel_jobs_429_caused_by_another_process_backs_off_boundedly()
        {
            await using var emulator = await Emu.StartAsync(o =>
            {
                o.MaxParallelJobs = 1;
                o.RunningDuration = TimeSpan.FromMilliseconds(600);
            });
            using var other = Emu.Client(emulator);
            using var client = Emu.Client(emulator, o =>
            {
                o.RetryDelay = TimeSpan.FromMilliseconds(50);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            });
            var request = await Requests.ExtendAsync(client);
            await other.SubmitAsync(request);

            var job = await client.SubmitAsync(request);

            Assert.NotNull(job.JobId);
            var generates = emulator.Requests.Find("POST", "/v1/generate/");
            Assert.Equal(200, generates[^1].StatusCode);
            var refusals = generates.Count(r => r.StatusCode == 429);
            Assert.InRange(refusals, 1, 12); // ~600 ms of running job / 50–200 ms backoff
            Assert.Equal(generates.Count - 1, refusals + 1); // the other's job, the refusals, ours
        }

        [Fact]
        public async Task A_slot_that_never_frees_ends_after_SlotWaitTimeout_with_nothing_created()
        {
            await using var emulator = await Emu.StartAsync(o => o.MaxParallelJobs = 0);
            using var client = Emu.Client(emulator, o =>
            {
                o.SlotWaitTimeout = TimeSpan.FromMilliseconds(400);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
            });
            var request = await Requests.ExtendAsync(client);
            var jobsBefore = emulator.JobCount;

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.SubmitAsync(request));

            Assert.True(ex.IsParallelJobLimit);
            Assert.Equal("parallel-custom-jobs", ex.ActionName);
            Assert.Equal(0, ex.ActionLimit);
            Assert.False(ex.JobMayExist);
            Assert.Contains("SlotWaitTimeout", ex.Message);
            Assert.Equal(jobsBefore, emulator.JobCount);
            Assert.All(emulator.Requests.Find("POST", "/v1/generate/"), r => Assert.Equal(429, r.StatusCode));
            Assert.Equal(0, client.JobsInFlight);
        }

        [Fact]
        public async Task MaxConcurrentJobs_holds_a_submit_until_a_job_of_the_client_ends()
        {
            // The emulator allows two parallel jobs too: a client that ever had three running would meet a 429.
            await using var emulator = await Emu.StartAsync(o =>
            {
                o.RunningDuration = TimeSpan.FromMilliseconds(300);
                o.MaxParallelJobs = 2;
            });
            using var client = Emu.Client(emulator, o => o.MaxConcurrentJobs = 2);
            var request = await Requests.ExtendAsync(client);

            var jobs = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.SubmitAsync(request)));

            Assert.Equal(5, jobs.Select(j => j.JobId).Distinct().Count());
            Assert.InRange(client.JobsInFlight, 1, 2);
            var finished = await Task.WhenAll(jobs.Select(j => client.WaitForJobAsync(j.JobId)));
            Assert.All(finished, d => Assert.True(d.IsSuccess));
            Assert.Equal(0, client.JobsInFlight);
            Assert.Equal(5, emulator.Requests.Count("POST", "/v1/generate/"));
            Assert.Equal(0, emulator.Requests.Snapshot().Count(r => r.StatusCode == 429));
        }

        [Fact]
        public async Task Clients_made_from_one_options_object_share_the_job_limit()
        {
            await using var emulator = await Emu.StartAsync(o => o.RunningDuration = TimeSpan.FromMilliseconds(300));
            var options = Emu.Options(emulator, o => o.MaxConcurrentJobs = 1);
            using var first = new ScenarioClient(options);
            using var second = new ScenarioClient(options);
            var request = await Requests.ExtendAsync(first);

            var a = await first.SubmitAsync(request);
            Assert.Equal(1, second.JobsInFlight);
            var b = await second.SubmitAsync(request); // waits for the first client's job: it polls it until it ends

            var log = emulator.Requests.Snapshot();
            var generates = log.Where(r => r.Is("POST", "/v1/generate/")).ToList();
            Assert.Equal(2, generates.Count);
            Assert.Contains(log, r => r.Is("GET", "/v1/jobs/" + a.JobId) && r.Sequence < generates[1].Sequence);
            Assert.Equal(1, first.JobsInFlight);
            await first.WaitForJobAsync(b.JobId);
            Assert.Equal(0, second.JobsInFlight);
        }

        [Fact]
        public async Task Canceling_a_submit_that_waits_for_a_slot_sends_nothing_and_frees_nothing_it_did_not_hold()
        {
            await using var emulator = await Emu.StartAsync(o =>
            {
                o.RunningDuration = TimeSpan.FromSeconds(30);
                o.RequireExistingInputAssets = false;
            });
            using var client = Emu.Client(emulator, o => o.MaxConcurrentJobs = 1);
            var request = new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_anything" };
            await client.SubmitAsync(request);
            using var cancel = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SubmitAsync(request, cancel.Token));

            Assert.Equal(1, emulator.Requests.Count("POST", "/v1/generate/"));
            Assert.Equal(1, client.JobsInFlight);
        }

        [Fact]
        public async Task A_submit_whose_outcome_is_unknown_frees_its_slot()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o => o.MaxConcurrentJobs = 1);
            var request = await Requests.ExtendAsync(client);
            emulator.Faults.ResetNext("POST", "/v1/generate/", afterHandling: true);

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.SubmitAsync(request));

            Assert.True(ex.JobMayExist);
            Assert.Equal(0, client.JobsInFlight);
        }
    }
}
