using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>POST /generate: validation first, never resent once it may have reached the service.</summary>
    public sealed class SubmitTests
    {
        [Fact]
        public async Task An_invalid_request_lists_every_error_and_sends_nothing()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_1", Fps = 500, Width = 640, NumInferenceSteps = 0 };

            var ex = await Assert.ThrowsAsync<ScenarioValidationException>(() => client.RunAsync(request));

            Assert.Equal(Ltx2_19bExtendVideoModel.Id, ex.ModelId);
            Assert.Contains(ex.Errors, e => e.Parameter == "fps" && e.Rule == ValidationRule.Range);
            Assert.Contains(ex.Errors, e => e.Rule == ValidationRule.Pair);
            Assert.Contains(ex.Errors, e => e.Parameter == "numInferenceSteps");
            Assert.Null(ex.JobId);
            Assert.Equal(0, emulator.Requests.Count("POST", "/v1/generate/"));
            Assert.Equal(0, emulator.Requests.Total);
        }

        [Fact]
        public async Task A_5xx_on_generate_is_not_resent_and_says_a_job_may_exist()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            emulator.Faults.FailNext("POST", "/v1/generate/", HttpStatusCode.InternalServerError, afterHandling: true);

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.RunAsync(request));

            Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
            Assert.True(ex.JobMayExist);
            Assert.Contains("job may exist", ex.Message);
            Assert.Equal(1, emulator.Requests.Count("POST", "/v1/generate/"));
            Assert.Equal(2, emulator.JobCount); // the upload's job and the one generate job
        }

        [Fact]
        public async Task A_connection_reset_on_generate_is_not_resent()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            emulator.Faults.ResetNext("POST", "/v1/generate/", afterHandling: true);

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.SubmitAsync(request));

            Assert.Null(ex.StatusCode);
            Assert.True(ex.JobMayExist);
            Assert.Equal(1, emulator.Requests.Count("POST", "/v1/generate/"));
        }

        [Fact]
        public async Task A_4xx_refusal_on_generate_says_no_job_was_created()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            // Valid for the client, but the emulator knows no such input asset: 400.
            var request = new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_does_not_exist" };

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.SubmitAsync(request));

            Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
            Assert.False(ex.JobMayExist);
            Assert.NotNull(ex.Reason);
            Assert.Equal("POST /v1/generate/custom/" + Ltx2_19bExtendVideoModel.Id, ex.RequestPath);
            Assert.Equal(0, emulator.JobCount);
        }

        [Fact]
        public async Task A_refused_connection_is_retried_and_reported_without_JobMayExist()
        {
            var emulator = await Emu.StartAsync();
            var options = Emu.Options(emulator, o => o.MaxRetries = 2);
            await emulator.DisposeAsync();
            var logs = new CapturingLoggerFactory();
            using var client = new ScenarioClient(options, logs);

            var ex = await Assert.ThrowsAsync<ScenarioApiException>(() => client.SubmitAsync(new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_1" }));

            Assert.Null(ex.StatusCode);
            Assert.False(ex.JobMayExist);
            Assert.Equal(2, logs.Lines.Count(l => l.Id == ScenarioLogEvents.Retrying));
        }

        [Fact]
        public void An_http_base_address_is_refused_unless_loopback()
        {
            var ex = Assert.Throws<ArgumentException>(() => new ScenarioClient(new ScenarioClientOptions
            {
                BaseAddress = new Uri("http://api.example.com/v1/"), ApiKey = Emu.Key, ApiSecret = Emu.Secret,
            }));
            Assert.Contains("http://", ex.Message);
            Assert.DoesNotContain(Emu.Secret, ex.ToString());

            using var loopback = new ScenarioClient(new ScenarioClientOptions { BaseAddress = new Uri("http://127.0.0.1:1/v1"), ApiKey = Emu.Key, ApiSecret = Emu.Secret });
            Assert.Equal("http://127.0.0.1:1/v1/", loopback.BaseAddress.ToString());
        }
    }
}
