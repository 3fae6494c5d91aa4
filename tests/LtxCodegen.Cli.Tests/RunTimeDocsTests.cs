using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace LtxCodegen.Cli.Tests
{
    /// <summary><c>--schemas</c>: models of docs never compiled into ltx, read at run time as the generator reads them.</summary>
    public sealed class RunTimeDocsTests
    {
        private static readonly string Catalogue = Path.Combine(AppContext.BaseDirectory, "run-time-docs");

        [Fact]
        public async Task The_catalogue_doc_is_not_compiled_in()
        {
            await using var cli = await CliRun.StartAsync();

            Assert.DoesNotContain(cli.Host().Models, m => m.Id == "model_flux-krea-dev");
            Assert.Equal(2, await cli.RunAsync("run", "model_flux-krea-dev", "--prompt", "x", "--dry-run"));
        }

        [Fact]
        public async Task Run_dry_run_of_a_model_read_at_run_time_validates_and_prints_the_body()
        {
            await using var cli = await CliRun.StartAsync();

            var code = await cli.RunAsync("run", "model_flux-krea-dev", "--schemas", Catalogue, "--prompt", "x", "--steps", "30", "--dry-run");

            Assert.True(code == 0, cli.Error.ToString());
            var output = cli.Out.ToString();
            Assert.Contains("\"prompt\": \"x\"", output, StringComparison.Ordinal);
            Assert.Contains("\"steps\": 30", output, StringComparison.Ordinal);
            Assert.Contains("Dry run: the request for model_flux-krea-dev is valid", output, StringComparison.Ordinal);
            Assert.DoesNotContain(cli.Emulator.Requests.Snapshot(), r => r.Method == "POST");
        }

        [Fact]
        public async Task A_value_out_of_the_docs_range_is_refused_as_for_a_compiled_in_model()
        {
            await using var cli = await CliRun.StartAsync();

            var code = await cli.RunAsync("run", "model_flux-krea-dev", "--schemas", Catalogue, "--prompt", "x", "--steps", "51", "--dry-run");

            Assert.Equal(2, code);
            Assert.Contains("steps", cli.Error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Dry run:", cli.Out.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Help_of_a_model_read_at_run_time_shows_no_escape_or_bidi_codes_from_the_doc()
        {
            await using var cli = await CliRun.StartAsync();
            var folder = Path.Combine(cli.Temp, "hostile");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "hostile.json"),
                "{\"model\": {\"id\": \"model_hostile\", \"name\": \"Hostile \\u001b]0;pwned\\u0007\", " +
                "\"description\": \"Model \\u001b[2J\\u202ecleared\", " +
                "\"inputs\": [{\"name\": \"prompt\", \"type\": \"string\", \"required\": {\"always\": true}, " +
                "\"description\": \"Prompt \\u001b[31mred\\u001b[0m \\u2066text\"}]}}");

            Assert.Equal(0, await cli.RunAsync("run", "model_hostile", "--schemas", folder, "--help"));

            var help = cli.Out.ToString();
            Assert.Contains("--prompt", help, StringComparison.Ordinal);
            Assert.Contains("red", help, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', help);
            Assert.DoesNotContain('\u0007', help);
            Assert.DoesNotContain('\u202e', help);
            Assert.DoesNotContain('\u2066', help);
        }

        [Fact]
        public async Task Help_of_a_model_read_at_run_time_lists_its_options()
        {
            await using var cli = await CliRun.StartAsync();

            Assert.Equal(0, await cli.RunAsync("run", "model_flux-krea-dev", "--schemas", Catalogue, "--help"));

            var help = cli.Out.ToString();
            Assert.Contains("--prompt", help, StringComparison.Ordinal);
            Assert.Contains("--aspect-ratio", help, StringComparison.Ordinal);
            Assert.Contains("--schemas", help, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Models_lists_the_models_of_the_folder_with_the_compiled_in_ones()
        {
            await using var cli = await CliRun.StartAsync();

            Assert.Equal(0, await cli.RunAsync("models", "--schemas", Catalogue));

            var output = cli.Out.ToString();
            Assert.Contains("model_flux-krea-dev", output, StringComparison.Ordinal);
            Assert.Contains("model_ltx-2-19b-extend-video", output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_environment_folder_is_used_when_no_option_is_given()
        {
            await using var cli = await CliRun.StartAsync();
            var host = cli.Host();
            host = new CliHost
            {
                Out = cli.Out, Error = cli.Error, ApiKey = host.ApiKey, ApiSecret = host.ApiSecret, BaseAddress = host.BaseAddress,
                EmulatorOptions = CliRun.FastOptions, RedirectedWidth = 80, TempDirectory = cli.Temp, SchemasDirectory = Catalogue,
            };

            Assert.Equal(0, await Program.RunAsync(new[] { "models" }, host));
            Assert.Contains("model_flux-krea-dev", cli.Out.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_bad_doc_prints_located_diagnostics_and_the_good_models_still_run()
        {
            await using var cli = await CliRun.StartAsync();
            var folder = Path.Combine(cli.Temp, "docs");
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(Catalogue, "third-party-model-generation-bfl.md"), Path.Combine(folder, "bfl.md"));
            File.WriteAllText(Path.Combine(folder, "broken.json"), "{\n  \"model\": { \"id\": \"model_broken\", \n");

            var code = await cli.RunAsync("run", "model_flux-krea-dev", "--schemas", folder, "--prompt", "x", "--dry-run");

            Assert.True(code == 0, cli.Error.ToString());
            var error = cli.Error.ToString();
            Assert.Contains(Path.Combine(folder, "broken.json") + "(", error, StringComparison.Ordinal);
            Assert.Contains("error LTXG0001: Invalid JSON", error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_missing_folder_says_so_and_exits_2()
        {
            await using var cli = await CliRun.StartAsync();

            Assert.Equal(2, await cli.RunAsync("models", "--schemas", Path.Combine(cli.Temp, "missing")));
            Assert.Contains("Cannot read the model docs in", cli.Error.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_model_read_at_run_time_runs_end_to_end_on_the_embedded_emulator()
        {
            await using var cli = await CliRun.StartAsync();
            var host = cli.Host(withCredentials: false);
            var outDir = Path.Combine(cli.Temp, "out");

            var code = await Program.RunAsync(new[] { "run", "model_flux-krea-dev", "--schemas", Catalogue, "--prompt", "a fox", "--out", outDir }, host);

            Assert.True(code == 0, cli.Error.ToString() + cli.Out.ToString());
            Assert.NotEmpty(Directory.GetFiles(outDir));
        }
    
        [Fact]
        public async Task Run_of_a_model_only_the_service_knows_builds_it_from_GET_models()
        {
            var options = CliRun.FastOptions();
            options.SchemasDirectory = Catalogue;
            await using var cli = await CliRun.StartAsync(options);

            var code = await cli.RunAsync("run", "model_flux-krea-dev", "--prompt", "x", "--steps", "30", "--dry-run");

            Assert.True(code == 0, cli.Error.ToString());
            Assert.Contains("\"steps\": 30", cli.Out.ToString(), StringComparison.Ordinal);
            Assert.Single(cli.Emulator.Requests.Find("GET", "/v1/models/model_flux-krea-dev"));
            Assert.Empty(cli.Emulator.Requests.Find("POST", "/v1/"));

            Assert.Equal(2, await cli.RunAsync("run", "model_flux-krea-dev", "--prompt", "x", "--steps", "51", "--dry-run"));
        }

        [Fact]
        public async Task Run_of_a_model_nobody_knows_says_so_and_exits_2()
        {
            await using var cli = await CliRun.StartAsync();

            Assert.Equal(2, await cli.RunAsync("run", "model_nobody-knows", "--prompt", "x"));

            Assert.Contains("Unknown model 'model_nobody-knows'", cli.Error.ToString(), StringComparison.Ordinal);
            Assert.Single(cli.Emulator.Requests.Find("GET", "/v1/models/model_nobody-knows"));
            Assert.Empty(cli.Emulator.Requests.Find("POST", "/v1/"));
        }
    }
}
