using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>Submitting, polling, failures, cancellation and resuming, against the emulator.</summary>
    public sealed class JobTests
    {
        [Fact]
        public async Task A_failed_job_throws_with_its_id_status_and_reason_and_hint()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            emulator.Faults.FailNextJob("GPU out of memory", "Lower the resolution");

            var ex = await Assert.ThrowsAsync<ScenarioJobFailedException>(() => client.RunAsync(request));

            Assert.Equal("failure", ex.Status);
            Assert.False(string.IsNullOrEmpty(ex.JobId));
            Assert.Contains("GPU out of memory", ex.Reason);
            Assert.Contains("Lower the resolution", ex.Reason);
            Assert.Contains(ex.JobId!, ex.Message);
            Assert.True(ex.Job.IsFailure);
        }

        [Fact]
        public async Task A_canceled_job_throws_with_status_canceled()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            emulator.Faults.CancelNextJob();

            var ex = await Assert.ThrowsAsync<ScenarioJobFailedException>(() => client.RunAsync(request));

            Assert.Equal("canceled", ex.Status);
            Assert.NotNull(ex.JobId);
        }

        [Fact]
        public async Task Wrong_credentials_fail_at_once_with_401_and_no_retry()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o => o.ApiSecret = "wrong-secret");

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetJobAsync("job_x"));

            Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
            Assert.Equal("GET /v1/jobs/job_x", ex.RequestPath);
            Assert.Equal(1, emulator.Requests.Count("GET", "/v1/jobs/"));
            Assert.DoesNotContain("wrong-secret", ex.ToString());
        }

        [Fact]
        public async Task An_unknown_job_fails_at_once_with_404_while_waiting()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.WaitForJobAsync("job_missing"));

            Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
            Assert.Equal("job_missing", ex.JobId);
            Assert.NotNull(ex.TraceId);
            Assert.Equal(1, emulator.Requests.Count("GET", "/v1/jobs/"));
        }

        [Fact]
        public async Task Cancellation_during_polling_stops_at_once_and_carries_the_job_id()
        {
            await using var emulator = await Emu.StartAsync(o => { o.RunningDuration = TimeSpan.FromSeconds(30); o.RequireExistingInputAssets = false; });
            using var client = Emu.Client(emulator, o => o.PollInterval = o.MaxPollInterval = TimeSpan.FromSeconds(5));
            var request = new Ltx2_19bExtendVideoRequest { Prompt = "slow", Video = "asset_elsewhere" };
            using var cts = new CancellationTokenSource();
            var progress = new SyncProgress<ScenarioJob>(j =>
            {
                if (j.Status == "queued" || j.Status == "in-progress")
                {
                    cts.CancelAfter(50);
                }
            });

            var watch = Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<ScenarioWaitCanceledException>(() => client.RunAsync(request, progress, cts.Token));

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), "took " + watch.Elapsed);
            Assert.IsAssignableFrom<OperationCanceledException>(ex);
            Assert.False(string.IsNullOrEmpty(ex.JobId));
            Assert.Equal(ex.JobId, (await client.GetJobAsync(ex.JobId)).JobId);
        }

        [Fact]
        public async Task A_job_that_outlasts_JobTimeout_throws_a_timeout_with_its_id()
        {
            await using var emulator = await Emu.StartAsync(o => { o.RunningDuration = TimeSpan.FromSeconds(30); o.RequireExistingInputAssets = false; });
            using var client = Emu.Client(emulator, o => o.JobTimeout = TimeSpan.FromMilliseconds(300));
            var request = new Ltx2_19bExtendVideoRequest { Prompt = "slow", Video = "asset_elsewhere" };

            var ex = await Assert.ThrowsAsync<ScenarioJobTimeoutException>(() => client.RunAsync(request));

            Assert.NotNull(ex.JobId);
            Assert.False(ex.LastSeen.IsTerminal);
        }

        [Fact]
        public async Task WaitForJobAsync_resumes_after_the_polling_failed()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o => o.MaxRetries = 1);
            var request = await Requests.ExtendAsync(client);
            emulator.Faults.FailNext("GET", "/v1/jobs/", HttpStatusCode.BadGateway, count: 2);

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.RunAsync(request));
            Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
            Assert.NotNull(ex.JobId);
            Assert.Contains(ex.JobId!, ex.Message);

            var job = await client.WaitForJobAsync(ex.JobId!);
            Assert.True(job.IsSuccess);
            Assert.Equal(1, emulator.Requests.Count("POST", "/v1/generate/"));
        }

        [Fact]
        public async Task A_5xx_on_GET_is_retried_then_succeeds()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var submitted = await client.SubmitAsync(await Requests.ExtendAsync(client));
            emulator.Faults.FailNext("GET", "/v1/jobs/", HttpStatusCode.ServiceUnavailable, count: 1);
            emulator.Faults.FailNext("GET", "/v1/jobs/", HttpStatusCode.InternalServerError, count: 1);

            var job = await client.GetJobAsync(submitted.JobId);

            Assert.Equal(submitted.JobId, job.JobId);
            var statuses = emulator.Requests.Find("GET", "/v1/jobs/").Select(r => r.StatusCode).ToList();
            Assert.Equal(new[] { 503, 500, 200 }, statuses);
        }

        [Fact]
        public async Task A_429_waits_as_long_as_remainingSeconds_says_then_succeeds()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var submitted = await client.SubmitAsync(await Requests.ExtendAsync(client));
            emulator.Faults.RateLimitNext("GET", "/v1/jobs/", TimeSpan.FromMilliseconds(400));

            var watch = Stopwatch.StartNew();
            var job = await client.GetJobAsync(submitted.JobId);

            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(380), "retried after " + watch.Elapsed);
            Assert.Equal(new[] { 429, 200 }, emulator.Requests.Find("GET", "/v1/jobs/").Select(r => r.StatusCode));
            Assert.Equal(submitted.JobId, job.JobId);
        }

        [Fact]
        public async Task A_429_that_persists_reports_the_wait_the_service_asked_for()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o => o.MaxRetries = 1);
            emulator.Faults.RateLimitNext("GET", "/v1/assets/", TimeSpan.FromMilliseconds(50), count: 5);

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetAssetAsync("asset_x"));

            Assert.Equal((HttpStatusCode)429, ex.StatusCode);
            Assert.Equal(TimeSpan.FromMilliseconds(50), ex.RetryAfter);
            Assert.Equal(2, emulator.Requests.Count("GET", "/v1/assets/"));
        }

        [Fact]
        public async Task The_project_id_goes_on_every_api_call_as_a_query_parameter()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o => o.ProjectId = "proj 1");
            var job = await client.RunAsync(await Requests.ExtendAsync(client));
            await client.GetAssetAsync(job.AssetIds[0]);

            var apiCalls = emulator.Requests.Snapshot().Where(r => r.Path.StartsWith("/v1/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(apiCalls);
            Assert.All(apiCalls, r => Assert.Contains("projectId=proj%201", r.Query));
        }

        [Fact]
        public async Task A_job_canceled_through_the_client_ends_the_wait_as_canceled()
        {
            await using var emulator = await Emu.StartAsync(o => { o.RunningDuration = TimeSpan.FromSeconds(30); o.RequireExistingInputAssets = false; });
            using var client = Emu.Client(emulator);
            var job = await client.SubmitAsync(new Ltx2_19bExtendVideoRequest { Prompt = "slow", Video = "asset_elsewhere" });

            await client.CancelJobAsync(job.JobId);
            var ex = await Assert.ThrowsAsync<ScenarioJobFailedException>(() => client.WaitForJobAsync(job.JobId));

            Assert.Equal("canceled", ex.Status);
            Assert.Equal(1, emulator.Requests.Count("POST", "/v1/jobs/" + job.JobId + "/action"));
        }
    }
}
