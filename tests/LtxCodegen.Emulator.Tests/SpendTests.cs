using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    /// <summary>The emulator's spend-related behaviour: dry-run prices, the parallel-jobs limit, the request echo, billing, job list paging.</summary>
    public sealed class SpendTests : EmulatorTestBase
    {
        protected override void Configure(ScenarioEmulatorOptions options)
        {
            options.RunningDuration = TimeSpan.FromMilliseconds(400);
        }

        [Fact]
        public async Task Dry_run_prices_with_the_documented_formula_and_creates_nothing()
        {
            var video = await UploadVideoAsync(Http);
            var jobsBefore = Emulator.JobCount;
            var body = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId + "?dryRun=true", Json(ExtendBody(video))));

            // Default extendDuration 4 s at 40 steps: 4 × 5 = 20 CU generation, 4 × 0.25 = 1 CU quality gate.
            Assert.Equal(21, (double)body["creativeUnitsCost"]!);
            Assert.Equal(0, (double)body["creativeUnitsDiscount"]!);
            Assert.Equal(new[] { "custom-generation", "quality-gate" }, body["costDetails"]!.AsObject().Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(20, (double)body["costDetails"]!["custom-generation"]!);
            Assert.Equal(1, (double)body["costDetails"]!["quality-gate"]!);
            Assert.Equal(jobsBefore, Emulator.JobCount);

            // A real job costs what the dry run said.
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video))));
            Assert.Equal(21, (double)created["creativeUnitsCost"]!);
            Assert.Equal(21, (double)created["job"]!["billing"]!["cuCost"]!);
        }

        [Fact]
        public async Task Dry_run_of_an_invalid_request_is_refused_like_the_real_call()
        {
            var response = await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId + "?dryRun=true", Json("{\"prompt\":\"x\",\"video\":\"asset_nope\"}"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        [Fact]
        public async Task Parallel_limit_answers_the_real_429_until_a_job_ends()
        {
            var video = await UploadVideoAsync(Http);
            Emulator.Options.MaxParallelJobs = 1;
            var first = await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video)));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var firstId = (string)(await ReadJsonAsync(first))["job"]!["jobId"]!;
            var jobsAfterFirst = Emulator.JobCount;

            var refused = await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video)));
            Assert.Equal((HttpStatusCode)429, refused.StatusCode);
            var error = await ReadJsonAsync(refused);
            Assert.Equal("parallel-custom-jobs", (string)error["details"]!["actionName"]!);
            Assert.Equal(1, (int)error["details"]!["actionLimit"]!);
            Assert.False(string.IsNullOrEmpty((string?)error["reason"]));
            Assert.Equal(jobsAfterFirst, Emulator.JobCount);

            // Another API key has its own allowance; a dry run is never limited.
            var otherVideo = await UploadVideoAsync(OtherHttp);
            Assert.Equal(HttpStatusCode.OK, (await OtherHttp.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(otherVideo)))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId + "?dryRun=true", Json(ExtendBody(video)))).StatusCode);

            await WaitForJobAsync(Http, firstId);
            Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video)))).StatusCode);
        }

        [Fact]
        public async Task Concurrent_submits_never_overshoot_the_parallel_limit()
        {
            var video = await UploadVideoAsync(Http);
            Emulator.Options.MaxParallelJobs = 3;
            var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
                Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video)))));
            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(9, responses.Count(r => (int)r.StatusCode == 429));
        }

        [Fact]
        public async Task Job_echoes_the_request_as_the_service_took_it()
        {
            var video = await UploadVideoAsync(Http);
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId,
                Json(ExtendBody(video, ",\"extendDuration\":6,\"seed\":7"))));
            var input = created["job"]!["metadata"]!["input"]!;
            Assert.Equal(TestModels.ExtendVideoId, (string)input["modelId"]!);
            Assert.Equal("A fantasy landscape", (string)input["prompt"]!);
            Assert.Equal(video, (string)input["video"]!);
            Assert.Equal(6, (double)input["extendDuration"]!);
            Assert.Equal(7, (long)input["seed"]!);
            foreach (var parameter in TestModels.ExtendVideo.Parameters.Where(p => p.DefaultJson is not null))
            {
                Assert.True(input[parameter.WireName] is not null, parameter.WireName + " (default " + parameter.DefaultJson + ") is echoed");
            }

            // Numbers with a rounding step come back rounded to it.
            var sized = await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video, ",\"width\":100,\"height\":200")));
            Assert.Equal(HttpStatusCode.OK, sized.StatusCode);
            var sizedInput = (await ReadJsonAsync(sized))["job"]!["metadata"]!["input"]!;
            Assert.Equal(128, (double)sizedInput["width"]!);
            Assert.Equal(192, (double)sizedInput["height"]!);

            // Without a seed the service picks one.
            var unseeded = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video))));
            Assert.True((long)unseeded["job"]!["metadata"]!["input"]!["seed"]! >= 0);
        }

        [Fact]
        public async Task Failed_jobs_are_refunded_in_billing()
        {
            var video = await UploadVideoAsync(Http);
            Emulator.Faults.Add(new Faults.EmulatorFaultRule { Kind = Faults.EmulatorFaultKind.JobFailure });
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video))));
            var job = await WaitForJobAsync(Http, (string)created["job"]!["jobId"]!);
            Assert.Equal("failure", (string)job["status"]!);
            Assert.Equal(0, (double)job["billing"]!["cuCost"]!);
            Assert.All(job["billing"]!["cuCostDetails"]!.AsObject(), item => Assert.Equal(0, (double)item.Value!));
        }

        [Fact]
        public async Task Jobs_list_pages_with_an_opaque_token_and_checks_its_query()
        {
            var video = await UploadVideoAsync(Http);
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video)))).StatusCode);
            }

            var ids = new List<string>();
            string? token = null;
            var pages = 0;
            do
            {
                var page = await ReadJsonAsync(await Http.GetAsync("jobs?pageSize=2" + (token is null ? "" : "&paginationToken=" + Uri.EscapeDataString(token))));
                pages++;
                ids.AddRange(page["jobs"]!.AsArray().Select(j => (string)j!["jobId"]!));
                token = (string?)page["nextPaginationToken"];
                if (token is not null)
                {
                    using var decoded = JsonDocument.Parse(Convert.FromBase64String(token));
                    Assert.Equal(2, decoded.RootElement.GetProperty("limit").GetInt32());
                    Assert.Equal(ids.Count, decoded.RootElement.GetProperty("offset").GetInt32());
                }
            }
            while (token is not null && pages < 10);

            Assert.Equal(6, ids.Count); // the upload's job and five custom jobs
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(3, pages); // 2 + 2 + 2

            Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync("jobs?pageSize=101")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync("jobs?pageSize=0")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync("jobs?paginationToken=not-a-token")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync("jobs?paginationToken=" + Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"offset\":-4}"))))).StatusCode);
            var all = await ReadJsonAsync(await Http.GetAsync("jobs?pageSize=100"));
            Assert.Equal(6, all["jobs"]!.AsArray().Count);
            Assert.Null(all["nextPaginationToken"]);
        }
    }
}
