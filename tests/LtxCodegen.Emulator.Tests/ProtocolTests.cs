using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    public class ProtocolTests : EmulatorTestBase
    {
        [Fact]
        public void Base_address_is_loopback_and_ends_in_v1()
        {
            Assert.Equal("127.0.0.1", Emulator.BaseAddress.Host);
            Assert.EndsWith("/v1/", Emulator.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
            Assert.True(Emulator.Port > 0);
        }

        [Fact]
        public async Task Missing_or_wrong_credentials_get_401_and_nothing_else()
        {
            using var wrong = CreateClient(Key, "nope");
            using var unknown = CreateClient("nobody", Secret);
            foreach (var client in new[] { Anonymous, wrong, unknown })
            {
                var get = await client.GetAsync("jobs/job_x");
                Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
                Assert.Contains("Basic", get.Headers.WwwAuthenticate.ToString());
                var body = await ReadJsonAsync(get);
                Assert.NotNull(body["reason"]);
                Assert.NotNull(body["traceId"]);
                var post = await client.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json("{\"prompt\":\"p\"}"));
                Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
                var missingModel = await client.GetAsync("models/none");
                Assert.Equal(HttpStatusCode.Unauthorized, missingModel.StatusCode);
            }

            Assert.Equal(0, Emulator.JobCount);
            Assert.All(Emulator.Requests.Snapshot(), r => Assert.Null(r.User));
        }

        [Fact]
        public async Task Generate_runs_a_job_queued_then_in_progress_with_rising_progress_then_success()
        {
            var video = await UploadVideoAsync(Http);
            var response = await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video, ",\"extendDuration\":6")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var created = await ReadJsonAsync(response);
            Assert.Equal(31.5, (double)created["creativeUnitsCost"]!); // 6 s × 5 CU + 6 s × 0.25 CU quality gate
            var jobId = (string)created["job"]!["jobId"]!;
            Assert.StartsWith("job_", jobId, StringComparison.Ordinal);
            Assert.Equal("custom", (string)created["job"]!["jobType"]!);

            var statuses = new List<string>();
            var progress = new List<double>();
            var job = await WaitForJobAsync(Http, jobId, j =>
            {
                statuses.Add((string)j["status"]!);
                progress.Add((double)j["progress"]!);
            });
            Assert.Equal("success", (string)job["status"]!);
            Assert.Equal("success", statuses[^1]);
            Assert.All(statuses, st => Assert.Contains(st, new[] { "queued", "in-progress", "success" }));
            Assert.True(progress.SequenceEqual(progress.OrderBy(p => p)), "progress never goes down: " + string.Join(",", progress));
            Assert.Equal(1, (double)job["progress"]!);
            Assert.Equal(new[] { "queued", "in-progress", "success" }, job["statusHistory"]!.AsArray().Select(h => (string)h!["status"]!));
            Assert.Equal(31.5, (double)job["billing"]!["cuCost"]!);
            Assert.Equal(30, (double)job["billing"]!["cuCostDetails"]!["custom-generation"]!);
            Assert.Equal(1.5, (double)job["billing"]!["cuCostDetails"]!["quality-gate"]!);
            Assert.Equal("A fantasy landscape", (string)job["metadata"]!["input"]!["prompt"]!);
            var assetId = (string)Assert.Single(job["metadata"]!["assetIds"]!.AsArray())!;

            var asset = (await ReadJsonAsync(await Http.GetAsync("assets/" + assetId)))["asset"]!;
            Assert.Equal("video/mp4", (string)asset["mimeType"]!);
            var url = new Uri((string)asset["url"]!);
            Assert.Equal("127.0.0.1", url.Host);
            using var raw = new HttpClient();
            var download = await raw.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var bytes = await download.Content.ReadAsByteArrayAsync();
            Assert.Equal(download.Content.Headers.ContentLength, bytes.Length);
            Assert.Equal(SampleMedia.GetVideo(), bytes);
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));
        }

        [Fact]
        public async Task Output_assets_are_hidden_until_the_job_succeeds()
        {
            var video = await UploadVideoAsync(Http);
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video))));
            var job = created["job"]!;
            Assert.Empty(job["metadata"]!["assetIds"]!.AsArray());
            Assert.Equal(1, Emulator.JobCount - 1); // the upload job plus this one
        }

        [Fact]
        public async Task Jobs_assets_and_uploads_are_visible_only_to_their_credentials()
        {
            var video = await UploadVideoAsync(Http);
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video))));
            var jobId = (string)created["job"]!["jobId"]!;
            var job = await WaitForJobAsync(Http, jobId);
            var assetId = (string)job["metadata"]!["assetIds"]![0]!;

            Assert.Equal(HttpStatusCode.NotFound, (await OtherHttp.GetAsync("jobs/" + jobId)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await OtherHttp.GetAsync("assets/" + assetId)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await OtherHttp.GetAsync("assets/" + video)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await OtherHttp.PostAsync("jobs/" + jobId + "/action", Json("{\"action\":\"cancel\"}"))).StatusCode);
            var list = await ReadJsonAsync(await OtherHttp.GetAsync("jobs"));
            Assert.Empty(list["jobs"]!.AsArray());

            // Another user cannot use someone else's asset as input either.
            var foreign = await OtherHttp.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video)));
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
            Assert.Contains("video", (string)(await ReadJsonAsync(foreign))["message"]!);
        }

        [Fact]
        public async Task Invalid_body_gets_400_naming_every_bad_parameter_and_creates_no_job()
        {
            var response = await Http.PostAsync("generate/custom/" + TestModels.VideoToVideoId,
                Json("{\"video\":\"asset_nope\",\"fps\":0,\"modality\":\"sketch\",\"width\":640,\"colour\":\"red\"}"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await ReadJsonAsync(response);
            Assert.Equal("Invalid request parameters", (string)body["reason"]!);
            Assert.NotNull(body["traceId"]);
            var parameters = body["errors"]!.AsArray().Select(e => (string)e!["parameter"]!).ToArray();
            Assert.Equal(new[] { "prompt", "modality", "width", "fps", "colour" }, parameters);
            var message = (string)body["message"]!;
            foreach (var p in parameters)
            {
                Assert.Contains(p, message);
            }

            Assert.Equal(0, Emulator.JobCount);
        }

        [Fact]
        public async Task Input_assets_must_exist_and_be_of_the_right_kind()
        {
            var missing = await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody("asset_missing")));
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("asset_missing", (string)(await ReadJsonAsync(missing))["message"]!);

            var image = await ReadJsonAsync(await Http.PostAsync("assets", Json("{\"image\":\"data:image/png;base64," + Convert.ToBase64String(SampleMedia.GetImage()) + "\"}")));
            var wrongKind = await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody((string)image["asset"]!["id"]!)));
            Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
            Assert.Contains("expects a video asset", (string)(await ReadJsonAsync(wrongKind))["message"]!);
        }

        [Fact]
        public async Task Malformed_json_body_gets_400_with_its_position()
        {
            var response = await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json("{\"prompt\": "));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await ReadJsonAsync(response);
            Assert.Equal("Invalid JSON body", (string)body["reason"]!);
            Assert.Contains("line 1", (string)body["message"]!);
        }

        [Fact]
        public async Task Unknown_model_gets_404_on_generate_and_models()
        {
            var generate = await Http.PostAsync("generate/custom/model_nope", Json("{\"prompt\":\"p\"}"));
            Assert.Equal(HttpStatusCode.NotFound, generate.StatusCode);
            Assert.Equal("Model not found", (string)(await ReadJsonAsync(generate))["reason"]!);
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("models/model_nope")).StatusCode);
        }

        [Fact]
        public async Task Dry_run_returns_the_cost_and_creates_no_job()
        {
            var video = await UploadVideoAsync(Http);
            var jobsBefore = Emulator.JobCount;
            var response = await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId + "?dryRun=true", Json(ExtendBody(video, ",\"extendDuration\":10,\"numInferenceSteps\":20")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await ReadJsonAsync(response);
            // The real shape: {"creativeUnitsCost", "creativeUnitsDiscount", "costDetails"}; 10 s × 5 CU × 20/40 steps + 10 s × 0.25 CU.
            Assert.Equal(27.5, (double)body["creativeUnitsCost"]!);
            Assert.Equal(0, (double)body["creativeUnitsDiscount"]!);
            Assert.Equal(25, (double)body["costDetails"]!["custom-generation"]!);
            Assert.Equal(2.5, (double)body["costDetails"]!["quality-gate"]!);
            Assert.Null(body["job"]);
            Assert.Equal(jobsBefore, Emulator.JobCount);
        }

        [Fact]
        public async Task Jobs_list_pages_newest_first_and_filters_by_status()
        {
            var video = await UploadVideoAsync(Http);
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video)))).StatusCode);
            }

            var first = await ReadJsonAsync(await Http.GetAsync("jobs?pageSize=2"));
            Assert.Equal(2, first["jobs"]!.AsArray().Count);
            var token = (string)first["nextPaginationToken"]!;
            var second = await ReadJsonAsync(await Http.GetAsync("jobs?pageSize=2&paginationToken=" + token));
            Assert.Equal(2, second["jobs"]!.AsArray().Count);
            Assert.Null(second["nextPaginationToken"]);
            var succeeded = (await ReadJsonAsync(await Http.GetAsync("jobs?status=success")))["jobs"]!.AsArray();
            Assert.Contains(succeeded, j => (string)j!["jobType"]! == "upload");
            Assert.All(succeeded, j => Assert.Equal("success", (string)j!["status"]!));
            Assert.Empty((await ReadJsonAsync(await Http.GetAsync("jobs?status=canceled")))["jobs"]!.AsArray());
        }

        [Fact]
        public async Task Models_endpoint_writes_the_model_json_format()
        {
            var body = await ReadJsonAsync(await Http.GetAsync("models/" + TestModels.ExtendVideoId));
            var model = body["model"]!;
            Assert.Equal(TestModels.ExtendVideoId, (string)model["id"]!);
            Assert.Equal("LTX-2 19b Extend Video", (string)model["name"]!);
            var inputs = model["inputs"]!.AsArray().ToDictionary(i => (string)i!["name"]!, i => i!);
            Assert.Equal(TestModels.ExtendVideo.Parameters.Count, inputs.Count);
            Assert.True((bool)inputs["prompt"]["required"]!["always"]!);
            Assert.Equal("file", (string)inputs["video"]["type"]!);
            Assert.Equal("video", (string)inputs["video"]["kind"]!);
            Assert.Equal(1, (double)inputs["fps"]["min"]!);
            Assert.Equal(60, (double)inputs["fps"]["max"]!);
            Assert.Equal(40, (double)inputs["numInferenceSteps"]["default"]!);
            Assert.Equal("auto", (string)inputs["aspectRatio"]["default"]!);
            Assert.Contains("dolly_in", inputs["cameraMotion"]["allowedValues"]!.AsArray().Select(v => (string)v!));
            Assert.Equal(64, (double)inputs["width"]["step"]!);
            Assert.NotNull(inputs["width"]["required"]!["ifDefined"]!["height"]);
            Assert.Equal("boolean", (string)inputs["generateAudio"]["type"]!);
        }

        [Fact]
        public async Task Unknown_endpoint_gets_a_404_error_body()
        {
            var response = await Http.GetAsync("nothing/here");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.NotNull((await ReadJsonAsync(response))["traceId"]);
            var wrongMethod = await Http.DeleteAsync("jobs/job_x");
            Assert.Equal(HttpStatusCode.NotFound, wrongMethod.StatusCode);
            Assert.Contains("DELETE /v1/jobs/job_x", (string)(await ReadJsonAsync(wrongMethod))["message"]!);
        }

        [Fact]
        public async Task Request_log_records_method_path_query_user_body_and_status()
        {
            await Http.PostAsync("generate/custom/model_nope?projectId=proj_1", Json("{\"prompt\":\"hello\"}"));
            var entry = Assert.Single(Emulator.Requests.Find("POST", "/v1/generate/"));
            Assert.Equal("/v1/generate/custom/model_nope", entry.Path);
            Assert.Equal("?projectId=proj_1", entry.Query);
            Assert.Equal(Key, entry.User);
            Assert.Equal("{\"prompt\":\"hello\"}", entry.Body);
            Assert.Equal(404, entry.StatusCode);
            Assert.Null(entry.Fault);
            Assert.StartsWith("emu-", entry.TraceId, StringComparison.Ordinal);
            Assert.Equal(1, Emulator.Requests.Count("post", "/v1/generate/custom/"));
            Assert.All(Emulator.Requests.Snapshot(), r => Assert.DoesNotContain(Secret, r.ToString() + r.Body + r.User, StringComparison.Ordinal));
        }
    }
}
