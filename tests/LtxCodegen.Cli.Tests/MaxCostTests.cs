using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace LtxCodegen.Cli.Tests
{
    /// <summary><c>ltx run --max-cost N</c>: priced with a dry run first, refused above the cap with no generate call.</summary>
    public sealed class MaxCostTests
    {
        private const string Extend = "model_ltx-2-19b-extend-video";

        [Fact]
        public async Task Run_above_max_cost_exits_2_without_a_generate_call()
        {
            await using var cli = await CliRun.StartAsync();
            var code = await cli.RunAsync("run", Extend, "--prompt", "x", "--video", cli.SampleClip(), "--max-cost", "5", "--out", cli.Temp);

            Assert.True(code == 2, cli.Output);
            Assert.Contains("above the cap of 5", cli.Error.ToString());
            var posts = cli.Emulator.Requests.Find("POST", "/v1/generate/");
            Assert.Equal("?dryRun=true", Assert.Single(posts).Query);
        }

        [Fact]
        public async Task Run_within_max_cost_runs_the_job()
        {
            await using var cli = await CliRun.StartAsync();
            var outDir = Path.Combine(cli.Temp, "out");
            var code = await cli.RunAsync("run", Extend, "--prompt", "x", "--video", cli.SampleClip(), "--extend-duration", "2", "--max-cost", "100", "--out", outDir);

            Assert.True(code == 0, cli.Output);
            Assert.Single(Directory.GetFiles(outDir, "*.mp4"));
            Assert.Equal(new[] { "?dryRun=true", "" }, cli.Emulator.Requests.Find("POST", "/v1/generate/").Select(r => r.Query));
        }

        [Fact]
        public async Task A_negative_max_cost_is_bad_input()
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(2, await cli.RunAsync("run", Extend, "--prompt", "x", "--video", "asset_x", "--max-cost", "-1"));
            Assert.Equal(0, cli.Emulator.Requests.Total);
        }
    }
}
