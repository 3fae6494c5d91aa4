using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>Ids are path segments, checked and escaped; error texts keep everything the service said.</summary>
    public sealed class IdAndErrorTextTests
    {
        [Theory]
        [InlineData(".")]
        [InlineData("..")]
        [InlineData("job\n1")]
        [InlineData(" ")]
        public async Task Ids_that_cannot_be_a_path_segment_are_refused_before_anything_is_sent(string id)
        {
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context, "{\"job\":{\"jobId\":\"x\",\"status\":\"success\"}}"));
            using var client = stub.Client();

            Assert.Throws<ArgumentException>("jobId", () => { client.GetJobAsync(id).GetAwaiter().GetResult(); });
            await Assert.ThrowsAsync<ArgumentException>("jobId", () => client.WaitForJobAsync(id));
            await Assert.ThrowsAsync<ArgumentException>("jobId", () => client.CancelJobAsync(id));
            await Assert.ThrowsAsync<ArgumentException>("assetId", () => client.GetAssetAsync(id));
            await Assert.ThrowsAsync<ArgumentException>("assetId", () => client.DownloadAssetAsync(id, Emu.TempFile(".mp4")));
            Assert.Empty(stub.Requests);
        }

        [Theory]
        [InlineData("../x", "/v1/jobs/..%2Fx")]
        [InlineData("a/b", "/v1/jobs/a%2Fb")]
        [InlineData("x?y#z", "/v1/jobs/x%3Fy%23z")]
        [InlineData("50% done", "/v1/jobs/50%25%20done")]
        public async Task Ids_are_escaped_as_one_path_segment(string id, string receivedPath)
        {
            await using var stub = await StubServer.StartAsync(context =>
                StubServer.WriteJsonAsync(context, "{\"job\":{\"jobId\":\"j\",\"status\":\"queued\"}}"));
            using var client = stub.Client();

            await client.GetJobAsync(id);

            Assert.Equal("GET " + receivedPath, Assert.Single(stub.Requests));
        }

        [Fact]
        public async Task An_error_keeps_reason_message_per_parameter_errors_and_trace_id()
        {
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context,
                "{\"reason\":\"Invalid request parameters\",\"message\":\"'video' names asset asset_9 which does not exist\"," +
                "\"errors\":[{\"parameter\":\"video\",\"message\":\"not found\"},{\"path\":[\"duration\"],\"message\":\"must be at most 20\"},\"fps is odd\"]," +
                "\"traceId\":\"trace-42\"}", 400));
            using var client = stub.Client();

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetAssetAsync("asset_1"));

            Assert.Equal("Invalid request parameters", ex.Reason);
            Assert.Equal(new[] { "'video' names asset asset_9 which does not exist" }, ex.ServiceMessages);
            Assert.Equal(new[] { "video: not found", "duration: must be at most 20", "fps is odd" }, ex.Errors);
            Assert.Equal("trace-42", ex.TraceId);
            foreach (var part in new[] { "Invalid request parameters", "'video' names asset asset_9 which does not exist", "video: not found", "duration: must be at most 20", "fps is odd", "trace-42" })
            {
                Assert.Contains(part, ex.Message);
            }
        }

        [Fact]
        public async Task A_plan_error_keeps_its_details_and_name()
        {
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context,
                "{\"reason\":\"You are not allowed to use this model with your plan\",\"name\":\"ModelAccessRestrictedError\"," +
                "\"details\":{\"currentPlan\":\"cu-basic\",\"requiredPlan\":\"cu-pro-q3-25\"}}", 403));
            using var client = stub.Client();

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetJobAsync("job_1"));

            Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
            Assert.Equal("cu-basic", ex.Details["currentPlan"]);
            Assert.Equal("cu-pro-q3-25", ex.Details["requiredPlan"]);
            Assert.Equal("ModelAccessRestrictedError", ex.ErrorName);
            Assert.Contains("currentPlan=cu-basic, requiredPlan=cu-pro-q3-25", ex.Message);
            Assert.Contains("ModelAccessRestrictedError", ex.Message);
            Assert.Empty(ex.ServiceMessages);
            Assert.Single(stub.Requests);
        }
    }
}
