using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using LtxCodegen.Emulator.Faults;

namespace LtxCodegen.Emulator.Tests
{
    public class FaultTests : EmulatorTestBase
    {
        [Fact]
        public async Task Rate_limit_sends_retry_after_and_remaining_seconds()
        {
            var fault = Emulator.Faults.RateLimitNext("GET", "/v1/jobs", TimeSpan.FromMilliseconds(1500));
            var response = await Http.GetAsync("jobs/job_x");
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter!.Delta);
            var body = await ReadJsonAsync(response);
            Assert.Equal(1.5, (double)body["remainingSeconds"]!);
            Assert.NotNull(body["reason"]);
            Assert.NotNull(body["traceId"]);
            Assert.Equal(1, fault.Hits);
            Assert.True(fault.IsSpent);
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("jobs/job_x")).StatusCode);
            Assert.Equal("RateLimit", Emulator.Requests.Find("GET", "/v1/jobs")[0].Fault);
        }

        [Theory]
        [InlineData(HttpStatusCode.InternalServerError)]
        [InlineData(HttpStatusCode.BadGateway)]
        [InlineData(HttpStatusCode.ServiceUnavailable)]
        [InlineData(HttpStatusCode.RequestTimeout)]
        public async Task Fail_next_n_gets_then_recovers(HttpStatusCode status)
        {
            Emulator.Faults.FailNext("GET", "/v1/jobs", status, count: 2);
            Assert.Equal(status, (await Http.GetAsync("jobs/job_x")).StatusCode);
            var second = await Http.GetAsync("jobs/job_x");
            Assert.Equal(status, second.StatusCode);
            Assert.NotNull((await ReadJsonAsync(second))["traceId"]);
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("jobs/job_x")).StatusCode);
            // Other paths and methods were never hit.
            Assert.Empty(Emulator.Faults.Armed);
        }

        [Fact]
        public async Task A_5xx_before_handling_creates_no_job_and_after_handling_creates_exactly_one()
        {
            var video = await UploadVideoAsync(Http);
            var before = Emulator.JobCount;
            Emulator.Faults.FailNext("POST", "/v1/generate/", HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video)))).StatusCode);
            Assert.Equal(before, Emulator.JobCount);

            Emulator.Faults.FailNext("POST", "/v1/generate/", HttpStatusCode.BadGateway, afterHandling: true);
            var lost = await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video)));
            Assert.Equal(HttpStatusCode.BadGateway, lost.StatusCode);
            Assert.Equal("Bad gateway", (string)(await ReadJsonAsync(lost))["reason"]!);
            Assert.Equal(before + 1, Emulator.JobCount);
            var jobs = await ReadJsonAsync(await Http.GetAsync("jobs?pageSize=1"));
            Assert.Equal("custom", (string)jobs["jobs"]![0]!["jobType"]!);
        }

        [Fact]
        public async Task Connection_reset_aborts_the_request()
        {
            Emulator.Faults.ResetNext("GET", "/v1/jobs/");
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => Http.GetAsync("jobs/job_x"));
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("jobs/job_x")).StatusCode);
            var entry = Emulator.Requests.Find("GET", "/v1/jobs/")[0];
            Assert.Equal(0, entry.StatusCode);
            Assert.Equal("ConnectionReset", entry.Fault);
        }

        [Fact]
        public async Task Connection_reset_after_handling_creates_the_job_the_client_never_hears_of()
        {
            var video = await UploadVideoAsync(Http);
            var before = Emulator.JobCount;
            Emulator.Faults.ResetNext("POST", "/v1/generate/", afterHandling: true);
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video))));
            Assert.Equal(before + 1, Emulator.JobCount);
            Assert.Equal(1, Emulator.Requests.Count("POST", "/v1/generate/"));
        }

        [Fact]
        public async Task Slow_response_is_delayed_then_served()
        {
            Emulator.Faults.DelayNext("GET", "/v1/jobs/", TimeSpan.FromMilliseconds(400));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var response = await Http.GetAsync("jobs/job_x");
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(350), "took " + watch.Elapsed);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        [Fact]
        public async Task Malformed_json_is_a_2xx_whose_body_does_not_parse()
        {
            var video = await UploadVideoAsync(Http);
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video))));
            var jobId = (string)created["job"]!["jobId"]!;
            Emulator.Faults.MalformNext("GET", "/v1/jobs/");
            var response = await Http.GetAsync("jobs/" + jobId);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("{\"job\":", text, StringComparison.Ordinal);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        }

        [Fact]
        public async Task Job_failure_ends_in_failure_with_error_and_hint()
        {
            var video = await UploadVideoAsync(Http);
            Emulator.Faults.FailNextJob("GPU exploded", "Try a shorter clip");
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video))));
            var job = await WaitForJobAsync(Http, (string)created["job"]!["jobId"]!);
            Assert.Equal("failure", (string)job["status"]!);
            Assert.Equal("GPU exploded", (string)job["metadata"]!["error"]!);
            Assert.Equal("Try a shorter clip", (string)job["metadata"]!["hint"]!);
            Assert.Empty(job["metadata"]!["assetIds"]!.AsArray());
            Assert.Equal("failure", (string)job["statusHistory"]!.AsArray().Last()!["status"]!);
        }

        [Fact]
        public async Task Job_cancellation_by_the_service_ends_canceled_part_way()
        {
            var video = await UploadVideoAsync(Http);
            Emulator.Faults.CancelNextJob();
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(video))));
            var job = await WaitForJobAsync(Http, (string)created["job"]!["jobId"]!);
            Assert.Equal("canceled", (string)job["status"]!);
            Assert.NotNull(job["metadata"]!["error"]);
            Assert.True((double)job["progress"]! < 1);
        }

        [Fact]
        public async Task Expired_asset_url_answers_403_and_a_fresh_one_works()
        {
            var video = await UploadVideoAsync(Http);
            Emulator.Faults.ExpireNextAssetUrl();
            var expired = (await ReadJsonAsync(await Http.GetAsync("assets/" + video)))["asset"]!;
            using var raw = new HttpClient();
            var refused = await raw.GetAsync(new Uri((string)expired["url"]!));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("expired", (string)(await ReadJsonAsync(refused))["message"]!);
            var fresh = (await ReadJsonAsync(await Http.GetAsync("assets/" + video)))["asset"]!;
            Assert.Equal(HttpStatusCode.OK, (await raw.GetAsync(new Uri((string)fresh["url"]!))).StatusCode);
        }

        [Fact]
        public async Task Download_reset_after_k_bytes_delivers_exactly_k_bytes_then_drops()
        {
            var video = await UploadVideoAsync(Http);
            var url = new Uri((string)(await ReadJsonAsync(await Http.GetAsync("assets/" + video)))["asset"]!["url"]!);
            Emulator.Faults.ResetNextDownload(afterBytes: 3000);
            using var raw = new HttpClient();
            using var response = await raw.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(SampleMedia.GetVideo().Length, response.Content.Headers.ContentLength);
            await using var stream = await response.Content.ReadAsStreamAsync();
            var received = new MemoryStream();
            var error = await Record.ExceptionAsync(() => stream.CopyToAsync(received));
            Assert.NotNull(error);
            Assert.Equal(3000, received.Length);
            Assert.Equal(SampleMedia.GetVideo()[..3000], received.ToArray());
            Assert.Equal(SampleMedia.GetVideo(), await raw.GetByteArrayAsync(url));
        }

        [Fact]
        public async Task Download_supports_single_byte_ranges()
        {
            var video = await UploadVideoAsync(Http);
            var url = new Uri((string)(await ReadJsonAsync(await Http.GetAsync("assets/" + video)))["asset"]!["url"]!);
            using var raw = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, null);
            using var response = await raw.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal(SampleMedia.GetVideo()[100..], await response.Content.ReadAsByteArrayAsync());
            using var bad = new HttpRequestMessage(HttpMethod.Get, url);
            bad.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1_000_000, null);
            Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, (await raw.SendAsync(bad)).StatusCode);
        }

        [Fact]
        public async Task Altered_download_url_answers_403()
        {
            var video = await UploadVideoAsync(Http);
            var url = (string)(await ReadJsonAsync(await Http.GetAsync("assets/" + video)))["asset"]!["url"]!;
            using var raw = new HttpClient();
            var expiresAltered = System.Text.RegularExpressions.Regex.Replace(url, "Expires=(\\d+)", m => "Expires=" + (long.Parse(m.Groups[1].Value) + 1000));
            Assert.Equal(HttpStatusCode.Forbidden, (await raw.GetAsync(new Uri(expiresAltered))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await raw.GetAsync(new Uri(url.Split('?')[0]))).StatusCode);
        }

        [Fact]
        public async Task Armed_faults_are_listed_and_clear_disarms_them()
        {
            var fault = Emulator.Faults.FailNext(null, null, HttpStatusCode.InternalServerError, count: 5);
            Assert.Single(Emulator.Faults.Armed);
            Emulator.Faults.Clear();
            Assert.Empty(Emulator.Faults.Armed);
            Assert.Equal(0, fault.Remaining);
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("jobs/job_x")).StatusCode);
            Assert.Throws<ArgumentException>(() => Emulator.Faults.Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.HttpError }));
            Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Faults.Add(new EmulatorFaultRule { Kind = EmulatorFaultKind.RateLimit, Count = 0 }));
        }

        [Fact]
        public async Task Random_rates_can_be_switched_at_run_time()
        {
            Emulator.Faults.SetRate(EmulatorFaultKind.ServiceUnavailable, 1);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Http.GetAsync("jobs/job_x")).StatusCode);
            Emulator.Faults.SetRate(EmulatorFaultKind.ServiceUnavailable, 0);
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("jobs/job_x")).StatusCode);
            Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Faults.SetRate(EmulatorFaultKind.RateLimit, 1.5));
        }

        [Fact]
        public async Task Unauthenticated_requests_never_meet_faults()
        {
            Emulator.Faults.FailNext(null, null, HttpStatusCode.InternalServerError);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("jobs/job_x")).StatusCode);
            Assert.Single(Emulator.Faults.Armed);
        }
    }

    public class RandomFaultTests
    {
        private static async Task<List<int>> RunSequenceAsync(int seed)
        {
            var options = new ScenarioEmulatorOptions { ApiKey = "k", ApiSecret = "s" };
            options.Faults = new EmulatorFaultOptions { Seed = seed, RetryAfter = TimeSpan.FromMilliseconds(10) }
                .WithRate(EmulatorFaultKind.RateLimit, 0.2)
                .WithRate(EmulatorFaultKind.InternalServerError, 0.1)
                .WithRate(EmulatorFaultKind.ServiceUnavailable, 0.1);
            await using var emulator = await ScenarioEmulator.StartAsync(options);
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("k:s")));
            var statuses = new List<int>();
            for (var i = 0; i < 40; i++)
            {
                statuses.Add((int)(await http.GetAsync("jobs/job_" + i)).StatusCode);
            }

            Assert.Equal(40, emulator.Requests.Total);
            return statuses;
        }

        [Fact]
        public async Task Same_seed_gives_the_same_faults_and_rates_show()
        {
            var first = await RunSequenceAsync(42);
            var second = await RunSequenceAsync(42);
            Assert.Equal(first, second);
            Assert.Contains(429, first);
            Assert.Contains(404, first);
            Assert.True(first.Count(s => s == 404) >= 10, string.Join(",", first));
            var other = await RunSequenceAsync(7);
            Assert.NotEqual(first, other);
        }

        [Fact]
        public async Task Random_faults_hit_only_what_applies_to_and_downloads_reset_half_way()
        {
            var options = new ScenarioEmulatorOptions { ApiKey = "k", ApiSecret = "s" };
            options.Faults.WithRate(EmulatorFaultKind.ConnectionReset, 1).AppliesTo = (method, path) => path.StartsWith("/cdn/", StringComparison.Ordinal);
            await using var emulator = await ScenarioEmulator.StartAsync(options);
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("k:s")));
            var png = SampleMedia.GetImage();
            var created = await http.PostAsync("assets", new StringContent("{\"image\":\"data:image/png;base64," + Convert.ToBase64String(png) + "\"}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            var url = new Uri((string)System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["asset"]!["url"]!);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            var received = new MemoryStream();
            Assert.NotNull(await Record.ExceptionAsync(() => stream.CopyToAsync(received)));
            Assert.Equal(png.Length / 2, received.Length);
            Assert.Equal("ConnectionReset", emulator.Requests.Find("GET", "/cdn/")[0].Fault);
            Assert.Null(emulator.Requests.Find("POST", "/v1/assets")[0].Fault);
        }

        [Fact]
        public async Task Random_job_and_url_faults_fire_at_rate_one()
        {
            var options = new ScenarioEmulatorOptions
            {
                ApiKey = "k", ApiSecret = "s", Models = TestModels.All, RequireExistingInputAssets = false,
                QueuedDuration = TimeSpan.Zero, RunningDuration = TimeSpan.FromMilliseconds(40),
            };
            options.Faults.WithRate(EmulatorFaultKind.JobFailure, 1).WithRate(EmulatorFaultKind.ExpiredUrl, 1);
            await using var emulator = await ScenarioEmulator.StartAsync(options);
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("k:s")));
            var created = System.Text.Json.Nodes.JsonNode.Parse(await (await http.PostAsync("generate/custom/" + TestModels.ExtendVideoId,
                new StringContent("{\"prompt\":\"p\",\"video\":\"asset_any\"}", System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!;
            await Task.Delay(150);
            var job = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("jobs/" + (string)created["job"]!["jobId"]!))!["job"]!;
            Assert.Equal("failure", (string)job["status"]!);
            var png = Convert.ToBase64String(SampleMedia.GetImage());
            var asset = System.Text.Json.Nodes.JsonNode.Parse(await (await http.PostAsync("assets",
                new StringContent("{\"image\":\"data:image/png;base64," + png + "\"}", System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!["asset"]!;
            var fetched = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("assets/" + (string)asset["id"]!))!["asset"]!;
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri((string)fetched["url"]!))).StatusCode);
        }
    }
}
