using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using LtxCodegen.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LtxCodegen.Package.Tests
{
    /// <summary><c>AddScenarioClient</c> against the emulator on loopback.</summary>
    public sealed class DependencyInjectionTests
    {
        [Fact]
        public void Options_are_bound_from_the_Scenario_section_then_the_action()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Scenario:BaseAddress"] = "http://127.0.0.1:5999/v1/",
                ["Scenario:ApiKey"] = "from-config",
                ["Scenario:ApiSecret"] = "secret",
                ["Scenario:ProjectId"] = "proj_1",
            }).Build();
            var services = new ServiceCollection();
            services.AddScenarioClient(configuration, o => o.ApiKey = "from-action");
            using var provider = services.BuildServiceProvider();

            var options = provider.GetRequiredService<IOptions<ScenarioClientOptions>>().Value;
            Assert.Equal("from-action", options.ApiKey);
            Assert.Equal("proj_1", options.ProjectId);
            Assert.Equal(0, options.MaxRetries); // the resilience handler retries instead
            var client = provider.GetRequiredService<ScenarioClient>();
            Assert.Equal(new Uri("http://127.0.0.1:5999/v1/"), client.BaseAddress);
        }

        [Fact]
        public async Task Safe_calls_are_retried_by_the_resilience_handler()
        {
            await using var emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions { ApiKey = "k", ApiSecret = "s" });
            using var provider = Provider(emulator);
            var client = provider.GetRequiredService<ScenarioClient>();
            var fault = emulator.Faults.FailNext("GET", "/v1/jobs", HttpStatusCode.ServiceUnavailable, count: 1);

            var error = await Assert.ThrowsAsync<ScenarioApiException>(() => client.GetJobAsync("job_does_not_exist"));

            Assert.Equal(HttpStatusCode.NotFound, error.StatusCode); // the 503 was retried, the retry reached the service
            Assert.Equal(1, fault.Hits);
        }

        [Fact]
        public async Task Posts_are_never_resent()
        {
            await using var emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions { ApiKey = "k", ApiSecret = "s" });
            using var provider = Provider(emulator);
            var client = provider.GetRequiredService<ScenarioClient>();
            var fault = emulator.Faults.FailNext("POST", "/v1/", HttpStatusCode.ServiceUnavailable, count: 3);

            using var content = new MemoryStream(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            var error = await Assert.ThrowsAsync<ScenarioApiException>(() => client.UploadAssetAsync(content, "tiny.png", "image/png"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
            Assert.Equal(1, fault.Hits);
        }

        private static ServiceProvider Provider(ScenarioEmulator emulator)
        {
            var services = new ServiceCollection();
            services.AddScenarioClient(o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.ApiKey = "k";
                o.ApiSecret = "s";
            });
            return services.BuildServiceProvider();
        }
    }
}
