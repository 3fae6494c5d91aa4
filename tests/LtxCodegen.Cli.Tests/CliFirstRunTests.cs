using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace LtxCodegen.Cli.Tests
{
    /// <summary>Issue 16, "First run, as a new user tries it": the CLI items.</summary>
    public sealed class CliFirstRunTests
    {
        private const string Extend = "model_ltx-2-19b-extend-video";

        [Fact]
        public async Task An_unknown_model_is_said_in_words_with_the_closest_model_and_the_list_command()
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(2, await cli.RunAsync("run", "ltx-2-19b-extnd-video", "--prompt", "x", "--video", "asset_1"));
            var error = cli.Error.ToString();
            Assert.Contains("Unknown model 'ltx-2-19b-extnd-video'. Did you mean 'ltx-2-19b-extend-video'?", error, StringComparison.Ordinal);
            Assert.Contains("'ltx models'", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unrecognized command or argument", error, StringComparison.Ordinal);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            Assert.Equal(2, await cli.RunAsync("modles"));
            Assert.Contains("Did you mean 'models'?", cli.Error.ToString(), StringComparison.Ordinal);
            Assert.Empty(cli.Emulator.Requests.Find("POST", "/v1/")); // only the free GET /v1/models/{id} lookup
        }

        [Fact]
        public async Task An_unknown_option_gets_a_did_you_mean()
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(2, await cli.RunAsync("run", Extend, "--promt", "x", "--extend-duraton", "3"));
            var error = cli.Error.ToString();
            Assert.Contains("Unknown option '--promt' for 'ltx run " + Extend + "'. Did you mean '--prompt'?", error, StringComparison.Ordinal);
            Assert.Contains("Did you mean '--extend-duration'?", error, StringComparison.Ordinal);
            Assert.DoesNotContain("'x'", error, StringComparison.Ordinal); // the value of a mistyped option is not a second error
            Assert.Equal(0, cli.Emulator.Requests.Total);
        }

        [Theory]
        [InlineData("--extend-duration", "abc", "--extend-duration: 'abc' is not a number")]
        [InlineData("--num-inference-steps", "2.5", "--num-inference-steps: '2.5' is not a whole number")]
        [InlineData("--seed", "99999999999999999999", "--seed: '99999999999999999999' is too large for a whole number")]
        public async Task A_bad_number_is_said_in_words(string option, string value, string expected)
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(2, await cli.RunAsync("run", Extend, "--prompt", "x", option, value));
            var error = cli.Error.ToString();
            Assert.Contains(expected, error, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
            Assert.Equal(0, cli.Emulator.Requests.Total);
        }

        [Fact]
        public async Task Models_piped_fits_the_redirected_width()
        {
            await using var cli = await CliRun.StartAsync();
            Assert.Equal(0, await cli.RunAsync("models"));
            var lines = cli.Out.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.All(lines, l => Assert.True(l.Length <= 80, l.Length + ": " + l));
            Assert.Contains(lines, l => l.Contains("--extend-duration", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Demo_says_what_its_outputs_are_and_what_to_try_next_and_reuses_one_folder()
        {
            await using var cli = await CliRun.StartAsync();
            var host = cli.Host(withCredentials: false);
            Assert.Equal(0, await Program.RunAsync(new[] { "demo" }, host));
            Assert.Equal(0, await Program.RunAsync(new[] { "demo" }, host));

            var folder = Assert.Single(Directory.GetDirectories(cli.Temp));
            Assert.StartsWith("ltx-demo", Path.GetFileName(folder), StringComparison.Ordinal);
            Assert.Equal(2, Directory.GetFiles(folder).Length);
            var output = cli.Out.ToString();
            Assert.Contains("the sample clip echoed back", output, StringComparison.Ordinal);
            Assert.Contains("'ltx models'", output, StringComparison.Ordinal);
            Assert.Contains("'ltx run <model> --help'", output, StringComparison.Ordinal);
            Assert.Contains("replaced the earlier file", output, StringComparison.Ordinal);
        }
    }
}
