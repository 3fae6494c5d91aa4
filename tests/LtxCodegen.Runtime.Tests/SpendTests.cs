using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>Cost estimates, the per-job cost cap and no-spend mode, checked in the emulator's request log.</summary>
    public sealed class SpendTests
    {
        private const string RealDryRun = "{\"creativeUnitsCost\":7.25,\"creativeUnitsDiscount\":0,\"costDetails\":{\"custom-generation\":6,\"quality-gate\":1.25}}";

        [Fact]
        public async Task Estimate_prices_the_request_with_a_dry_run_and_creates_no_job()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            request.ExtendDuration = 6;
            var jobsBefore = emulator.JobCount;

            var estimate = await client.EstimateCostAsync(request);

            Assert.Equal(Ltx2_19bExtendVideoModel.Id, estimate.ModelId);
            Assert.Equal(31.5, estimate.CreativeUnits); // 6 s × 5 CU + 6 s × 0.25 CU (the emulator's documented formula)
            Assert.Equal(0, estimate.Discount);
            Assert.Equal(30, estimate.Details["custom-generation"]);
            Assert.Equal(1.5, estimate.Details["quality-gate"]);
            Assert.Equal(jobsBefore, emulator.JobCount);
            var post = Assert.Single(emulator.Requests.Find("POST", "/v1/generate/"));
            Assert.Equal("?dryRun=true", post.Query);
        }

        [Fact]
        public async Task Estimate_reads_the_real_dry_run_body_and_a_workflow_402()
        {
            await using var stub = await StubServer.StartAsync(context =>
                context.Request.Query["dryRun"] == "true" && context.Request.Path.Value!.Contains("workflow", StringComparison.Ordinal)
                    ? StubServer.WriteJsonAsync(context, "{\"statusCode\":402,\"message\":\"Estimated cost\",\"estimatedCost\":12}", 402)
                    : StubServer.WriteJsonAsync(context, RealDryRun));
            using var client = stub.Client();

            var estimate = await client.EstimateCostAsync(new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_1" });
            Assert.Equal(7.25, estimate.CreativeUnits);
            Assert.Equal(0, estimate.Discount);
            Assert.Equal(6, estimate.Details["custom-generation"]);
            Assert.Equal(1.25, estimate.Details["quality-gate"]);
            Assert.Equal("7.25 CU [custom-generation: 6, quality-gate: 1.25]", estimate.ToString());

            var workflow = await client.EstimateCostAsync(new FixedRequest("workflow_x", "{}"));
            Assert.Equal(12, workflow.CreativeUnits);
            Assert.Empty(workflow.Details);
        }

        [Fact]
        public async Task A_dry_run_answered_with_a_job_is_reported_as_a_job_that_may_exist()
        {
            await using var stub = await StubServer.StartAsync(context =>
                StubServer.WriteJsonAsync(context, "{\"job\":{\"jobId\":\"job_ran\",\"status\":\"queued\"},\"creativeUnitsCost\":5}"));
            using var client = stub.Client();

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.EstimateCostAsync(new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_1" }));
            Assert.True(ex.JobMayExist);
            Assert.Equal("job_ran", ex.JobId);
            Assert.Single(stub.Requests);
        }

        [Fact]
        public async Task A_dry_run_is_retried_on_5xx_because_it_runs_nothing()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            emulator.Faults.FailNext("POST", "/v1/generate/", HttpStatusCode.BadGateway);

            var estimate = await client.EstimateCostAsync(request);

            Assert.Equal(21, estimate.CreativeUnits);
            Assert.Equal(2, emulator.Requests.Count("POST", "/v1/generate/"));
            Assert.All(emulator.Requests.Find("POST", "/v1/generate/"), r => Assert.Equal("?dryRun=true", r.Query));
        }

        [Fact]
        public async Task A_job_above_the_cost_cap_is_refused_and_no_generate_call_is_sent()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o => o.MaxCostPerJob = 20.5);
            var request = await Requests.ExtendAsync(client);
            var jobsBefore = emulator.JobCount;

            var ex = await Assert.ThrowsAsync<ScenarioSpendRefusedException>(() => client.RunAsync(request));

            Assert.Equal(ScenarioSpendRefusal.CostLimit, ex.Refusal);
            Assert.Equal(21, ex.Estimate!.CreativeUnits);
            Assert.Equal(20.5, ex.Limit);
            Assert.Contains("21 creative units, above the cap of 20.5", ex.Message);
            Assert.Null(ex.JobId);
            Assert.Equal(jobsBefore, emulator.JobCount);
            var posts = emulator.Requests.Find("POST", "/v1/generate/");
            Assert.Equal("?dryRun=true", Assert.Single(posts).Query);
            Assert.Equal(0, client.JobsInFlight);
        }

        [Fact]
        public async Task A_job_at_the_cap_is_sent_once_after_its_estimate()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o => o.MaxCostPerJob = 21);
            var request = await Requests.ExtendAsync(client);

            var job = await client.RunAsync(request);

            Assert.True(job.IsSuccess);
            Assert.Equal(21, job.Cost);
            var posts = emulator.Requests.Find("POST", "/v1/generate/");
            Assert.Equal(new[] { "?dryRun=true", "" }, posts.Select(p => p.Query));
        }

        [Fact]
        public async Task No_spend_refuses_generate_and_upload_before_sending_while_estimates_and_reads_work()
        {
            await using var emulator = await Emu.StartAsync();
            string video;
            using (var paying = Emu.Client(emulator))
            {
                video = await paying.UploadAssetAsync(Emu.ClipPath);
            }

            emulator.Requests.Clear();
            using var client = Emu.Client(emulator, o => o.NoSpend = true);
            var request = new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = video };

            var upload = await Assert.ThrowsAsync<ScenarioSpendRefusedException>(() => client.UploadAssetAsync(Emu.ClipPath));
            Assert.Equal(ScenarioSpendRefusal.NoSpend, upload.Refusal);
            Assert.Equal("upload clip.mp4", upload.Operation);
            var generate = await Assert.ThrowsAsync<ScenarioSpendRefusedException>(() => client.RunAsync(request));
            Assert.Equal("generate " + Ltx2_19bExtendVideoModel.Id, generate.Operation);
            Assert.Contains("SCENARIO_NO_SPEND", generate.Message);
            Assert.Equal(0, emulator.Requests.Total);

            Assert.Equal(21, (await client.EstimateCostAsync(request)).CreativeUnits);
            var asset = await client.GetAssetAsync(video);
            Assert.Equal(video, asset.Id);
            Assert.DoesNotContain(emulator.Requests.Snapshot(), r => r.Method == "POST" && r.Query != "?dryRun=true");
        }

        [Fact]
        public void Spend_options_are_checked()
        {
            var bad = new Action<ScenarioClientOptions>[]
            {
                o => o.MaxCostPerJob = -1,
                o => o.MaxCostPerJob = double.NaN,
                o => o.MaxConcurrentJobs = 0,
                o => o.SlotWaitTimeout = TimeSpan.Zero,
            };
            foreach (var configure in bad)
            {
                var options = new ScenarioClientOptions { ApiKey = "k", ApiSecret = "s" };
                configure(options);
                Assert.Throws<ArgumentException>(() => new ScenarioClient(options));
            }
        }

    }
}
