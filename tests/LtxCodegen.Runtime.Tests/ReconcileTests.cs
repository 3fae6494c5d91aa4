using System;
using System.Linq;
using System.Threading.Tasks;
using LtxCodegen.Models;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>FindSubmittedJobAsync: resolving a submit whose answer was lost, against the emulator's request echo and list paging.</summary>
    public sealed class ReconcileTests
    {
        [Fact]
        public async Task A_lost_submit_answer_is_resolved_to_its_job_without_sending_again()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            request.ExtendDuration = 5;
            await client.RunAsync(new Ltx2_19bExtendVideoRequest { Prompt = "another prompt", Video = request.Video, ExtendDuration = 5 });
            var since = DateTimeOffset.UtcNow;
            emulator.Faults.ResetNext("POST", "/v1/generate/", afterHandling: true);

            var lost = await Assert.ThrowsAsync<ScenarioApiException>(() => client.SubmitAsync(request));
            Assert.True(lost.JobMayExist);

            var found = await client.FindSubmittedJobAsync(request, since);

            Assert.NotNull(found.Job);
            Assert.False(found.IsAmbiguous);
            Assert.True(found.IsComplete);
            var created = emulator.Requests.Find("POST", "/v1/generate/");
            Assert.Equal(2, created.Count); // the other request and the lost one: nothing resent
            var finished = await client.WaitForJobAsync(found.Job!.JobId);
            Assert.True(finished.IsSuccess);
        }

        [Fact]
        public async Task A_submit_that_never_ran_finds_nothing_and_says_the_search_was_complete()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            var since = DateTimeOffset.UtcNow;
            emulator.Faults.ResetNext("POST", "/v1/generate/", afterHandling: false);

            await Assert.ThrowsAsync<ScenarioApiException>(() => client.SubmitAsync(request));
            var found = await client.FindSubmittedJobAsync(request, since);

            Assert.Empty(found.Matches);
            Assert.Null(found.Job);
            Assert.True(found.IsComplete);
            Assert.Equal(1, found.JobsExamined); // the upload's job only
        }

        [Fact]
        public async Task Identical_requests_are_ambiguous_and_known_ids_can_be_excluded()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            var since = DateTimeOffset.UtcNow;
            var known = await client.SubmitAsync(request);
            emulator.Faults.ResetNext("POST", "/v1/generate/", afterHandling: true);
            await Assert.ThrowsAsync<ScenarioApiException>(() => client.SubmitAsync(request));

            var both = await client.FindSubmittedJobAsync(request, since);
            Assert.True(both.IsAmbiguous);
            Assert.Null(both.Job);
            Assert.Equal(2, both.Matches.Count);
            Assert.Contains(both.Matches, j => j.JobId == known.JobId);

            var rest = await client.FindSubmittedJobAsync(request, since, new[] { known.JobId });
            Assert.NotNull(rest.Job);
            Assert.NotEqual(known.JobId, rest.Job!.JobId);
        }

        [Fact]
        public async Task Matching_follows_the_echo_seeds_defaults_and_the_time_window()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            request.Seed = 11;
            var job = await client.SubmitAsync(request);

            // The same request with an explicit default still matches (the echo carries the default)...
            request.NumInferenceSteps = 40;
            Assert.Equal(job.JobId, (await client.FindSubmittedJobAsync(request, DateTimeOffset.UtcNow.AddMinutes(-1))).Job?.JobId);
            // ...a different seed or a non-default value does not...
            request.Seed = 12;
            Assert.Empty((await client.FindSubmittedJobAsync(request, DateTimeOffset.UtcNow.AddMinutes(-1))).Matches);
            request.Seed = 11;
            request.NumInferenceSteps = 30;
            Assert.Empty((await client.FindSubmittedJobAsync(request, DateTimeOffset.UtcNow.AddMinutes(-1))).Matches);
            // ...and a window that starts well after the job ignores it.
            request.NumInferenceSteps = null;
            Assert.Empty((await client.FindSubmittedJobAsync(request, DateTimeOffset.UtcNow.AddMinutes(10))).Matches);
        }

        [Fact]
        public async Task The_search_pages_through_the_list()
        {
            await using var emulator = await Emu.StartAsync(o => o.RunningDuration = TimeSpan.FromMilliseconds(20));
            using var client = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(client);
            var since = DateTimeOffset.UtcNow;
            request.Seed = 1;
            var target = await client.SubmitAsync(request);
            for (var i = 2; i <= 105; i++)
            {
                request.Seed = i;
                await client.SubmitAsync(request);
            }

            request.Seed = 1;
            var found = await client.FindSubmittedJobAsync(request, since);

            Assert.Equal(target.JobId, found.Job?.JobId);
            Assert.True(found.IsComplete);
            Assert.Equal(106, found.JobsExamined);
            Assert.Equal(2, emulator.Requests.Find("GET", "/v1/jobs").Count(r => r.Path == "/v1/jobs")); // 106 jobs, 100 a page
        }

        [Theory]
        [InlineData("{\"modelId\":\"M\",\"prompt\":\"p\",\"video\":\"asset_1\",\"guidanceScale\":2.5999999046325684,\"seed\":54341791}", true)] // float32 echo
        [InlineData("{\"modelId\":\"M\",\"prompt\":\"p\",\"video\":\"asset_1\",\"guidanceScale\":\"2.6\",\"seed\":54341791,\"numOutputs\":1}", true)] // number as text, field the model does not list
        [InlineData("{\"prompt\":\"p\",\"video\":\"asset_1\",\"guidanceScale\":2.6,\"seed\":54341791,\"numInferenceSteps\":40}", true)] // model beside the echo, default filled
        [InlineData("{\"modelId\":\"M\",\"prompt\":\"p\",\"video\":\"asset_1\",\"guidanceScale\":2.6,\"seed\":54341791,\"numInferenceSteps\":30}", false)] // a non-default the request did not set
        [InlineData("{\"modelId\":\"M\",\"prompt\":\"p\",\"video\":\"asset_1\",\"guidanceScale\":2.6,\"seed\":7}", false)] // another seed
        [InlineData("{\"modelId\":\"M\",\"prompt\":\"p\",\"video\":\"asset_1\",\"guidanceScale\":2.6,\"seed\":54341792}", false)] // whole numbers are exact (no relative tolerance)
        [InlineData("{\"modelId\":\"other\",\"prompt\":\"p\",\"video\":\"asset_1\",\"guidanceScale\":2.6,\"seed\":54341791}", false)] // another model
        [InlineData("{\"modelId\":\"M\",\"prompt\":\"P\",\"video\":\"asset_1\",\"guidanceScale\":2.6,\"seed\":54341791}", false)] // strings are exact
        public async Task The_echo_is_compared_as_the_service_writes_it(string echo, bool matches)
        {
            var input = echo.Replace("\"M\"", "\"" + Ltx2_19bExtendVideoModel.Id + "\"", StringComparison.Ordinal);
            var job = "{\"jobId\":\"job_1\",\"jobType\":\"custom\",\"status\":\"success\",\"createdAt\":\"" + DateTimeOffset.UtcNow.ToString("o") +
                      "\",\"metadata\":{\"modelId\":\"" + Ltx2_19bExtendVideoModel.Id + "\",\"input\":" + input + "}}";
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context, "{\"jobs\":[" + job + "]}"));
            using var client = stub.Client();
            var request = new Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_1", GuidanceScale = 2.6, Seed = 54341791 };

            var found = await client.FindSubmittedJobAsync(request, DateTimeOffset.UtcNow.AddMinutes(-1));

            Assert.Equal(matches, found.Job is not null);
            Assert.Equal("GET /v1/jobs", Assert.Single(stub.Requests));
        }

        [Theory]
        [InlineData("{\"modelId\":\"m\",\"width\":128,\"steps\":30}", true)]   // 100 rounded to the step of 64
        [InlineData("{\"modelId\":\"m\",\"width\":100.0,\"steps\":30}", true)] // echoed as sent
        [InlineData("{\"modelId\":\"m\",\"width\":64,\"steps\":30}", false)]   // rounded the wrong way: another request
        [InlineData("{\"modelId\":\"m\",\"width\":128}", true)]                 // the default left out of the echo
        [InlineData("{\"modelId\":\"m\",\"width\":128,\"steps\":31}", false)]
        public async Task Rounded_and_omitted_defaults_in_the_echo_still_match(string input, bool matches)
        {
            var job = "{\"jobId\":\"job_1\",\"status\":\"queued\",\"metadata\":{\"input\":" + input + "}}";
            await using var stub = await StubServer.StartAsync(context => StubServer.WriteJsonAsync(context, "{\"jobs\":[" + job + "]}"));
            using var client = stub.Client();
            var request = new FixedRequest("m", "{\"width\":100,\"steps\":30}",
                new ScenarioParameterDescriptor("width", "Width", ScenarioParameterType.Integer, multipleOf: 64),
                new ScenarioParameterDescriptor("steps", "Steps", ScenarioParameterType.Integer, defaultJson: "30"));

            var found = await client.FindSubmittedJobAsync(request, DateTimeOffset.UtcNow);

            Assert.Equal(matches, found.Job is not null);
            Assert.True(found.IsComplete);
        }

        [Fact]
        public async Task Reconciling_works_in_no_spend_mode()
        {
            await using var emulator = await Emu.StartAsync();
            using var paying = Emu.Client(emulator);
            var request = await Requests.ExtendAsync(paying);
            var since = DateTimeOffset.UtcNow;
            var job = await paying.SubmitAsync(request);
            using var client = Emu.Client(emulator, o => o.NoSpend = true);

            Assert.Equal(job.JobId, (await client.FindSubmittedJobAsync(request, since)).Job?.JobId);
        }
    }
}
