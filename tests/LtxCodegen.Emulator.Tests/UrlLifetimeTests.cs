using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace LtxCodegen.Emulator.Tests
{
    public class UrlLifetimeTests : EmulatorTestBase
    {
        protected override void Configure(ScenarioEmulatorOptions options) => options.UrlLifetime = TimeSpan.FromSeconds(2);

        [Fact]
        public async Task Signed_urls_expire_after_their_lifetime_and_a_new_get_gives_a_fresh_one()
        {
            var image = await ReadJsonAsync(await Http.PostAsync("assets", Json("{\"image\":\"data:image/png;base64," + Convert.ToBase64String(SampleMedia.GetImage()) + "\"}")));
            var id = (string)image["asset"]!["id"]!;
            var url = new Uri((string)(await ReadJsonAsync(await Http.GetAsync("assets/" + id)))["asset"]!["url"]!);
            using var raw = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await raw.GetAsync(url)).StatusCode);
            await Task.Delay(2300);
            var expired = await raw.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
            Assert.Contains("expired", (string)(await ReadJsonAsync(expired))["message"]!);
            var fresh = new Uri((string)(await ReadJsonAsync(await Http.GetAsync("assets/" + id)))["asset"]!["url"]!);
            Assert.NotEqual(url, fresh);
            Assert.Equal(SampleMedia.GetImage(), await raw.GetByteArrayAsync(fresh));
        }

        [Fact]
        public async Task Options_are_checked_when_starting()
        {
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions { ProgressSteps = 0 }));
            await Assert.ThrowsAsync<ArgumentException>(() => ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions { ApiKey = "a:b" }));
        }

        [Fact]
        public async Task Default_options_start_with_the_default_credentials()
        {
            await using var emulator = await ScenarioEmulator.StartAsync();
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ScenarioEmulatorOptions.DefaultApiKey + ":" + ScenarioEmulatorOptions.DefaultApiSecret)));
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("jobs/none")).StatusCode);
            Assert.NotEqual(Emulator.Port, emulator.Port);
        }
    }
}
