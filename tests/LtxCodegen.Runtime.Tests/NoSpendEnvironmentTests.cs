using System;
using LtxCodegen.Runtime.Tests.Support;

namespace LtxCodegen.Runtime.Tests
{
    /// <summary>Tests that set process environment variables run alone, so no other test's options see them.</summary>
    [CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
    public sealed class EnvironmentCollection
    {
    }

    [Collection(nameof(EnvironmentCollection))]
    public sealed class NoSpendEnvironmentTests
    {
        [Theory]
        [InlineData("1", true)]
        [InlineData("true", true)]
        [InlineData(" TRUE ", true)]
        [InlineData("0", false)]
        [InlineData("", false)]
        [InlineData(null, false)]
        public void SCENARIO_NO_SPEND_sets_the_default(string? value, bool expected)
        {
            var before = Environment.GetEnvironmentVariable("SCENARIO_NO_SPEND");
            try
            {
                Environment.SetEnvironmentVariable("SCENARIO_NO_SPEND", value);
                Assert.Equal(expected, new ScenarioClientOptions().NoSpend);
            }
            finally
            {
                Environment.SetEnvironmentVariable("SCENARIO_NO_SPEND", before);
            }
        }

        [Fact]
        public async System.Threading.Tasks.Task SCENARIO_NO_SPEND_refuses_before_anything_is_sent()
        {
            await using var emulator = await Emu.StartAsync();
            var before = Environment.GetEnvironmentVariable("SCENARIO_NO_SPEND");
            ScenarioClientOptions options;
            try
            {
                Environment.SetEnvironmentVariable("SCENARIO_NO_SPEND", "1");
                options = Emu.Options(emulator);
            }
            finally
            {
                Environment.SetEnvironmentVariable("SCENARIO_NO_SPEND", before);
            }

            using var client = new ScenarioClient(options);
            var ex = await Assert.ThrowsAsync<ScenarioSpendRefusedException>(() =>
                client.SubmitAsync(new LtxCodegen.Models.Ltx2_19bExtendVideoRequest { Prompt = "p", Video = "asset_1" }));
            Assert.Equal(ScenarioSpendRefusal.NoSpend, ex.Refusal);
            Assert.Equal(0, emulator.Requests.Total);
        }
    }
}
