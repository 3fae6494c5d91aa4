using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>Every status word and field name the service's material mentions, served by a stub on loopback.</summary>
    public sealed class ResponseShapeTests
    {
        [Theory]
        [InlineData("failure", "{\"metadata\":{\"error\":\"E1\",\"hint\":\"H1\"}}", "E1 (hint: H1)")]
        [InlineData("failed", "{\"error\":\"E2\"}", "E2")]
        [InlineData("canceled", "{\"errorMessage\":\"E3\"}", "E3")]
        [InlineData("cancelled", "{\"failureReason\":\"E4\"}", "E4")]
        [InlineData("error", "{\"reason\":\"E5\"}", "E5")]
        [InlineData("FAILED", "{\"error\":{\"message\":\"E6\"}}", "E6")]
        [InlineData("failure", "{}", null)]
        public async Task Every_failure_status_throws_with_the_reason_wherever_it_is(string status, string extra, string? reason)
        {
            var polls = 0;
            await using var stub = await StubServer.StartAsync(context =>
            {
                var n = Interlocked.Increment(ref polls);
                var fields = extra.Substring(1, extra.Length - 2);
                var body = n < 3
                    ? "{\"job\":{\"jobId\":\"job_1\",\"status\":\"in-progress\",\"progress\":" + (n * 0.3).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}"
                    : "{\"job\":{\"jobId\":\"job_1\",\"status\":\"" + status + "\"" + (fields.Length > 0 ? "," + fields : "") + "}}";
                return StubServer.WriteJsonAsync(context, body);
            });
            using var client = stub.Client();

            var ex = await Assert.ThrowsAsync<ScenarioJobFailedException>(() => client.WaitForJobAsync("job_1"));

            Assert.Equal(status, ex.Status);
            Assert.Equal("job_1", ex.JobId);
            Assert.Equal(reason, ex.Reason);
        }

        [Theory]
        [InlineData("success")]
        [InlineData("succeeded")]
        [InlineData("completed")]
        public async Task Every_success_status_ends_the_wait_and_unknown_statuses_keep_it_going(string status)
        {
            var statuses = new[] { "queued", "pending", "warming-up", "something-new", "finalizing", status };
            var polls = -1;
            await using var stub = await StubServer.StartAsync(context =>
            {
                var n = Math.Min(Interlocked.Increment(ref polls), statuses.Length - 1);
                return StubServer.WriteJsonAsync(context, "{\"job\":{\"jobId\":\"job_1\",\"status\":\"" + statuses[n] + "\",\"billing\":{\"cuCost\":12.5},\"metadata\":{\"assetIds\":[\"asset_9\"]}}}");
            });
            using var client = stub.Client();
            var seen = new System.Collections.Generic.List<string>();

            var job = await client.WaitForJobAsync("job_1", new SyncProgress<ScenarioJob>(j => seen.Add(j.Status)));

            Assert.Equal(statuses, seen);
            Assert.Equal(12.5, job.Cost);
            Assert.Equal(new[] { "asset_9" }, job.AssetIds);
        }

        [Theory]
        [InlineData("{\"job\":{\"jobId\":\"job_7\",\"status\":\"queued\"},\"creativeUnitsCost\":40}", 40.0)]
        [InlineData("{\"jobId\":\"job_7\"}", null)]
        [InlineData("\"job_7\"", null)]
        public async Task Submit_accepts_a_wrapped_job_or_a_bare_job_id(string body, double? cost)
        {
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context, body));
            using var client = stub.Client();

            var job = await client.SubmitAsync(new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_1" });

            Assert.Equal("job_7", job.JobId);
            Assert.Equal(cost, job.Cost);
        }

        [Fact]
        public async Task A_generate_answer_without_a_job_id_says_a_job_may_exist()
        {
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context, "{\"ok\":true}"));
            using var client = stub.Client();

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.SubmitAsync(new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_1" }));

            Assert.True(ex.JobMayExist);
            Assert.Single(stub.Requests);
        }

        [Theory]
        [InlineData("{\"reason\":\"R\",\"traceId\":\"T\"}")]
        [InlineData("{\"message\":\"R\",\"trace_id\":\"T\"}")]
        [InlineData("{\"error\":\"R\",\"traceId\":\"T\"}")]
        [InlineData("{\"detail\":\"R\",\"trace_id\":\"T\"}")]
        public async Task Error_bodies_give_their_reason_and_trace_id(string body)
        {
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context, body, 403));
            using var client = stub.Client(o => o.ProjectId = "p1");

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetAssetAsync("asset_1"));

            Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
            Assert.Equal("R", ex.Reason);
            Assert.Equal("T", ex.TraceId);
            Assert.Equal("GET /v1/assets/asset_1", ex.RequestPath);
            Assert.Single(stub.Requests);
        }

        [Fact]
        public async Task A_Retry_After_header_alone_is_honoured()
        {
            var calls = 0;
            await using var stub = await StubServer.StartAsync(context =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    context.Response.Headers.RetryAfter = "1";
                    return StubServer.WriteJsonAsync(context, "", 429);
                }

                return StubServer.WriteJsonAsync(context, "{\"job\":{\"jobId\":\"job_1\",\"status\":\"queued\"}}");
            });
            using var client = stub.Client();
            var watch = Stopwatch.StartNew();

            await client.GetJobAsync("job_1");

            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), "retried after " + watch.Elapsed);
            Assert.Equal(2, stub.Requests.Count);
        }

        [Fact]
        public async Task An_upload_without_a_status_route_is_followed_through_its_job()
        {
            await using var stub = await StubServer.StartAsync(context =>
            {
                var path = context.Request.Method + " " + context.Request.Path;
                return path switch
                {
                    "POST /v1/uploads" => StubServer.WriteJsonAsync(context,
                        "{\"upload\":{\"id\":\"up_1\",\"status\":\"pending\",\"jobId\":\"job_u\",\"parts\":[{\"number\":1,\"url\":\"http://127.0.0.1:" + context.Connection.LocalPort + "/s3/part1?sig=a%2Fb\"}]}}"),
                    "PUT /s3/part1" => StubServer.WriteJsonAsync(context, "", 200),
                    "POST /v1/uploads/up_1/action" => StubServer.WriteJsonAsync(context, "{\"upload\":{\"id\":\"up_1\",\"status\":\"validating\",\"jobId\":\"job_u\"}}"),
                    "GET /v1/jobs/job_u" => StubServer.WriteJsonAsync(context, "{\"job\":{\"jobId\":\"job_u\",\"jobType\":\"upload\",\"status\":\"success\",\"metadata\":{\"output\":{\"entityId\":\"asset_new\"}}}}"),
                    _ => StubServer.WriteJsonAsync(context, "{\"reason\":\"no route\"}", 404),
                };
            });
            using var client = stub.Client();

            var id = await client.UploadAssetAsync(new System.IO.MemoryStream(new byte[] { 1, 2, 3 }), "clip.webm");

            Assert.Equal("asset_new", id);
            Assert.Contains("GET /v1/uploads/up_1", stub.Requests);
            Assert.Contains("GET /v1/jobs/job_u", stub.Requests);
        }

        [Fact]
        public async Task A_failed_upload_reports_its_error()
        {
            await using var stub = await StubServer.StartAsync(context =>
            {
                var path = context.Request.Method + " " + context.Request.Path;
                return path switch
                {
                    "POST /v1/uploads" => StubServer.WriteJsonAsync(context,
                        "{\"upload\":{\"id\":\"up_1\",\"status\":\"pending\",\"parts\":[{\"number\":1,\"url\":\"http://127.0.0.1:" + context.Connection.LocalPort + "/s3/part1\"}]}}"),
                    "PUT /s3/part1" => StubServer.WriteJsonAsync(context, "", 200),
                    "POST /v1/uploads/up_1/action" => StubServer.WriteJsonAsync(context, "{\"upload\":{\"id\":\"up_1\",\"status\":\"validating\"}}"),
                    "GET /v1/uploads/up_1" => StubServer.WriteJsonAsync(context, "{\"upload\":{\"id\":\"up_1\",\"status\":\"failed\",\"errorMessage\":\"not a video\"}}"),
                    _ => StubServer.WriteJsonAsync(context, "{}", 404),
                };
            });
            using var client = stub.Client();

            var ex = await Assert.ThrowsAsync<ScenarioJobFailedException>(() => client.UploadAssetAsync(new System.IO.MemoryStream(new byte[] { 1 }), "x.mp4"));

            Assert.Equal("not a video", ex.Reason);
        }

        [Fact]
        public async Task A_reason_that_echoes_the_secret_is_masked()
        {
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context,
                "{\"job\":{\"jobId\":\"job_1\",\"status\":\"failure\",\"metadata\":{\"error\":\"bad credentials " + Emu.Secret + "\"}}}"));
            using var client = stub.Client();

            var ex = await Assert.ThrowsAsync<ScenarioJobFailedException>(() => client.WaitForJobAsync("job_1"));

            Assert.Equal("bad credentials ***", ex.Reason);
            Assert.DoesNotContain(Emu.Secret, ex.ToString());
        }
    }
}
