using System;
using System.Net;
using System.Threading.Tasks;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>What a new user sees when the address or the credentials are wrong: a hint, never a bare 404/401.</summary>
    [Collection(nameof(ProcessStateCollection))]
    public sealed class FirstRunErrorTests
    {
        [Fact]
        public async Task A_bare_root_address_means_its_v1_and_works()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o => o.BaseAddress = emulator.Root);

            Assert.Equal(emulator.BaseAddress, client.BaseAddress);
            Assert.StartsWith("asset_", await client.UploadAssetAsync(Emu.FramePath));
        }

        [Fact]
        public async Task A_404_from_an_address_without_v1_says_where_the_api_is()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o => o.BaseAddress = new Uri(emulator.Root, "api/"));

            var error = await Assert.ThrowsAsync<ScenarioApiException>(() => client.UploadAssetAsync(Emu.FramePath));

            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
            Assert.Contains("does not end in /v1/", error.Message);
            Assert.Contains("e.g. http://127.0.0.1:" + emulator.Port + "/v1/", error.Message);
        }

        [Fact]
        public async Task A_404_under_v1_has_no_address_hint()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator);

            var error = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetJobAsync("job_missing"));

            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
            Assert.DoesNotContain("/v1/:", error.Message);
        }

        [Fact]
        public async Task A_401_names_the_environment_variables_the_credentials_came_from()
        {
            await using var emulator = await Emu.StartAsync();
            Environment.SetEnvironmentVariable("SCENARIO_API_KEY", Emu.Key);
            Environment.SetEnvironmentVariable("SCENARIO_API_SECRET", "wrong-secret-from-env");
            Environment.SetEnvironmentVariable("SCENARIO_API_URL", emulator.BaseAddress.ToString());
            try
            {
                using var client = new ScenarioClient(new ScenarioClientOptions { MaxRetries = 0 });

                var error = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetJobAsync("job_1"));

                Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
                Assert.Contains("API key '" + Emu.Key + "' from the SCENARIO_API_KEY environment variable", error.Message);
                Assert.Contains("the secret from the SCENARIO_API_SECRET environment variable", error.Message);
                Assert.DoesNotContain("wrong-secret-from-env", error.Message);
            }
            finally
            {
                Environment.SetEnvironmentVariable("SCENARIO_API_KEY", null);
                Environment.SetEnvironmentVariable("SCENARIO_API_SECRET", null);
                Environment.SetEnvironmentVariable("SCENARIO_API_URL", null);
            }
        }

        [Fact]
        public async Task A_401_with_credentials_set_in_code_says_the_environment_was_not_used()
        {
            await using var emulator = await Emu.StartAsync();
            using var client = Emu.Client(emulator, o =>
            {
                o.ApiSecret = "wrong-secret-in-code";
                o.MaxRetries = 0;
            });

            var error = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetJobAsync("job_1"));

            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            Assert.Contains("set in ScenarioClientOptions.ApiSecret (not from the SCENARIO_API_SECRET environment variable, which is unset)", error.Message);
            Assert.DoesNotContain("wrong-secret-in-code", error.Message);
        }
    }
}
