using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    /// <summary>With a manual clock the job lifecycle and URL expiry are exact: no sleeping, no flakiness.</summary>
    public class ClockTests : EmulatorTestBase
    {
        private readonly ManualClock _clock = new ManualClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        protected override void Configure(ScenarioEmulatorOptions options)
        {
            options.TimeProvider = _clock;
            options.QueuedDuration = TimeSpan.FromSeconds(10);
            options.RunningDuration = TimeSpan.FromSeconds(40);
            options.ProgressSteps = 4;
            options.UrlLifetime = TimeSpan.FromMinutes(5);
            options.RequireExistingInputAssets = false;
        }

        [Fact]
        public async Task Job_status_and_progress_follow_the_clock_exactly()
        {
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody("asset_x"))));
            var jobId = (string)created["job"]!["jobId"]!;
            Assert.Equal("queued", (string)created["job"]!["status"]!);

            async Task<(string Status, double Progress)> ObserveAsync(double seconds)
            {
                _clock.Set(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddSeconds(seconds));
                var job = (await ReadJsonAsync(await Http.GetAsync("jobs/" + jobId)))["job"]!;
                return ((string)job["status"]!, (double)job["progress"]!);
            }

            Assert.Equal(("queued", 0.0), await ObserveAsync(9.9));
            Assert.Equal(("in-progress", 0.0), await ObserveAsync(10));
            Assert.Equal(("in-progress", 0.25), await ObserveAsync(20));
            Assert.Equal(("in-progress", 0.5), await ObserveAsync(35));
            Assert.Equal(("in-progress", 0.75), await ObserveAsync(49.9));
            Assert.Equal(("success", 1.0), await ObserveAsync(50));

            var job = (await ReadJsonAsync(await Http.GetAsync("jobs/" + jobId)))["job"]!;
            Assert.Equal(new[] { "2026-01-02T03:04:05.000Z", "2026-01-02T03:04:15.000Z", "2026-01-02T03:04:55.000Z" },
                job["statusHistory"]!.AsArray().Select(h => (string)h!["date"]!));
            Assert.Equal("2026-01-02T03:04:55.000Z", (string)job["updatedAt"]!);
        }

        [Fact]
        public async Task Download_urls_expire_at_exactly_their_lifetime()
        {
            var image = await ReadJsonAsync(await Http.PostAsync("assets", Json("{\"image\":\"data:image/png;base64," + Convert.ToBase64String(SampleMedia.GetImage()) + "\"}")));
            var url = new Uri((string)image["asset"]!["url"]!);
            using var raw = new HttpClient();
            _clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(HttpStatusCode.OK, (await raw.GetAsync(url)).StatusCode);
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(HttpStatusCode.Forbidden, (await raw.GetAsync(url)).StatusCode);
        }

        [Fact]
        public async Task Cancel_action_cancels_a_running_job_and_refuses_a_finished_one()
        {
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody("asset_x"))));
            var jobId = (string)created["job"]!["jobId"]!;
            _clock.Advance(TimeSpan.FromSeconds(30));
            var cancel = await Http.PostAsync("jobs/" + jobId + "/action", Json("{\"action\":\"cancel\"}"));
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            Assert.Equal("canceled", (string)(await ReadJsonAsync(cancel))["job"]!["status"]!);
            _clock.Advance(TimeSpan.FromMinutes(5));
            var job = (await ReadJsonAsync(await Http.GetAsync("jobs/" + jobId)))["job"]!;
            Assert.Equal("canceled", (string)job["status"]!);
            Assert.Equal(0.5, (double)job["progress"]!);
            Assert.Equal(new[] { "queued", "in-progress", "canceled" }, job["statusHistory"]!.AsArray().Select(h => (string)h!["status"]!));
            Assert.Empty(job["metadata"]!["assetIds"]!.AsArray());
            Assert.Equal(0, (double)job["billing"]!["cuCost"]!);
            Assert.Null(job["metadata"]!["error"]);

            var again = await Http.PostAsync("jobs/" + jobId + "/action", Json("{\"action\":\"cancel\"}"));
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Equal("Job already finished", (string)(await ReadJsonAsync(again))["reason"]!);
            var bogus = await Http.PostAsync("jobs/" + jobId + "/action", Json("{\"action\":\"pause\"}"));
            Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        }

        [Fact]
        public async Task A_finished_job_cannot_be_canceled()
        {
            var created = await ReadJsonAsync(await Http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody("asset_x"))));
            var jobId = (string)created["job"]!["jobId"]!;
            _clock.Advance(TimeSpan.FromSeconds(50));
            Assert.Equal(HttpStatusCode.BadRequest, (await Http.PostAsync("jobs/" + jobId + "/action", Json("{\"action\":\"cancel\"}"))).StatusCode);
            Assert.Equal("success", (string)(await ReadJsonAsync(await Http.GetAsync("jobs/" + jobId)))["job"]!["status"]!);
        }

        [Fact]
        public async Task An_upload_that_is_still_importing_cannot_be_used_as_input_yet()
        {
            var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddDays(20000));
            var options = new ScenarioEmulatorOptions
            {
                ApiKey = Key, ApiSecret = Secret, Models = TestModels.All, TimeProvider = clock,
                QueuedDuration = TimeSpan.FromSeconds(1), RunningDuration = TimeSpan.FromSeconds(1),
            };
            await using var emulator = await ScenarioEmulator.StartAsync(options);
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            http.DefaultRequestHeaders.Authorization = Http.DefaultRequestHeaders.Authorization;
            var data = SampleMedia.GetVideo();
            var upload = (await ReadJsonAsync(await http.PostAsync("uploads", Json("{\"fileName\":\"c.mp4\",\"contentType\":\"video/mp4\",\"parts\":1,\"fileSize\":" + data.Length + "}"))))["upload"]!;
            using var raw = new HttpClient();
            await raw.PutAsync(new Uri((string)upload["parts"]![0]!["url"]!), new ByteArrayContent(data));
            var completed = await ReadJsonAsync(await http.PostAsync("uploads/" + (string)upload["id"]! + "/action", Json("{\"action\":\"complete\"}")));
            Assert.Null(completed["job"]!["metadata"]!["output"]);
            var assetId = await PendingAssetIdAsync(http, clock, (string)upload["jobId"]!);

            var early = await http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(assetId)));
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("not ready yet", (string)(await ReadJsonAsync(early))["message"]!);
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("generate/custom/" + TestModels.ExtendVideoId, Json(ExtendBody(assetId)))).StatusCode);
        }

        /// <summary>Peeks at the asset id an upload job will name, then puts the clock back.</summary>
        private async Task<string> PendingAssetIdAsync(HttpClient http, ManualClock clock, string jobId)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            var id = (string)(await ReadJsonAsync(await http.GetAsync("jobs/" + jobId)))["job"]!["metadata"]!["output"]!["entityId"]!;
            clock.Advance(TimeSpan.FromSeconds(-2));
            return id;
        }

        private sealed class ManualClock : TimeProvider
        {
            private readonly object _gate = new object();
            private DateTimeOffset _now;

            public ManualClock(DateTimeOffset start) => _now = start;

            public override DateTimeOffset GetUtcNow()
            {
                lock (_gate)
                {
                    return _now;
                }
            }

            public void Set(DateTimeOffset now)
            {
                lock (_gate)
                {
                    _now = now;
                }
            }

            public void Advance(TimeSpan by)
            {
                lock (_gate)
                {
                    _now += by;
                }
            }
        }
    }
}
