using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace LtxCodegen.Cli.Commands
{
    /// <summary><c>ltx run &lt;model&gt; --option value ... --out dir</c>: one subcommand per known model, one option per parameter.</summary>
    internal static class RunCommand
    {
        private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

        public static Command Create(CliHost host)
        {
            var run = new Command("run", "Run a model: validate, upload local files, submit, follow the job, download the outputs.");
            run.Options.Add(RunTimeDocs.CreateOption(recursive: true));
            foreach (var model in host.Models)
            {
                run.Subcommands.Add(CreateModelCommand(host, model));
            }

            return run;
        }

        private static Command CreateModelCommand(CliHost host, ScenarioModelDescriptor model)
        {
            var command = new Command(model.Id, TerminalText.StripControls(model.Name + (string.IsNullOrEmpty(model.Description) ? "" : ": " + model.Description)));
            if (model.Id.StartsWith("model_", StringComparison.Ordinal))
            {
                command.Aliases.Add(model.Id.Substring("model_".Length));
            }

            var parameters = new ParameterOptions(model);
            foreach (var option in parameters.Options)
            {
                command.Options.Add(option);
            }

            var outOption = new Option<string>("--out") { Description = "Folder for the downloaded outputs.", DefaultValueFactory = _ => "." };
            var dryRun = new Option<bool>("--dry-run") { Description = "Validate and print the JSON body; upload and send nothing." };
            var maxCost = new Option<double?>("--max-cost")
            {
                Description = "Refuse the job (exit 2, no generate call) when the service's estimate is above this many creative units.",
            };
            maxCost.Validators.Add(result =>
            {
                if (result.GetValue(maxCost) is double cap && (cap < 0 || double.IsNaN(cap) || double.IsInfinity(cap)))
                {
                    result.AddError("--max-cost must be a number of creative units, 0 or more.");
                }
            });
            command.Options.Add(outOption);
            command.Options.Add(dryRun);
            command.Options.Add(maxCost);
            command.SetAction((parse, cancellationToken) =>
            {
                var job = new SubmittedJob(parse.GetValue(outOption) ?? ".");
                return ErrorHandling.RunAsync(host, () => RunAsync(host, parameters, parse, job, parse.GetValue(dryRun), parse.GetValue(maxCost), cancellationToken), job);
            });
            return command;
        }

        private static async Task<int> RunAsync(CliHost host, ParameterOptions parameters, ParseResult parse, SubmittedJob job, bool dryRun, double? maxCost, CancellationToken cancellationToken)
        {
            var model = parameters.Model;
            var draft = parameters.BuildBody(parse);
            var errors = ScenarioRequestValidator.Validate(model, ToElement(draft)).Concat(AssetInputs.Check(model, draft)).ToList();
            if (errors.Count > 0)
            {
                throw new ScenarioValidationException(model.Id, errors);
            }

            var files = AssetInputs.FilesToUpload(model, draft);
            if (dryRun)
            {
                host.Out.WriteLine(draft.ToJsonString(Indented));
                foreach (var file in files)
                {
                    host.Out.WriteLine("Would upload " + TerminalText.StripControls(file) + " and send its asset id.");
                }

                host.Out.WriteLine("Dry run: the request for " + model.Id + " is valid; nothing was uploaded or sent.");
                return ExitCodes.Ok;
            }

            // The outputs' folder is checked (and their names chosen) before anything costs money.
            var folder = OutputFolder.Prepare(job.OutDir);
            var stem = folder.UniqueStem(ShortId(model.Id) + "-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

            var console = host.CreateConsole();
            // The client prices the request (dry run) before the generate call and refuses it above the cap.
            await using var connection = await ServiceConnection.OpenAsync(host, forceEmulator: false, cancellationToken, o => o.MaxCostPerJob = maxCost).ConfigureAwait(false);
            var client = connection.Client;

            // Local files given for asset parameters are uploaded first; other values are asset ids.
            var uploaded = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in files)
            {
                var file = path;
                uploaded[file] = await console.Status().StartAsync("Uploading " + Markup.Escape(TerminalText.StripControls(file)) + " ...",
                    _ => client.UploadAssetAsync(file, null, cancellationToken)).ConfigureAwait(false);
                console.WriteLine("Uploaded " + TerminalText.StripControls(file) + " as asset " + host.Text.Clean(uploaded[file]));
            }

            var body = parameters.BuildBody(parse, (_, value) => uploaded.TryGetValue(value, out var id) ? id : value);
            var submitted = await client.SubmitAsync(new DescriptorRequest(model, ToElement(body)), cancellationToken).ConfigureAwait(false);
            job.JobId = submitted.JobId;
            job.OnEmbeddedEmulator = connection.IsEmulator;
            console.WriteLine("Submitted job " + host.Text.Clean(submitted.JobId) + " (" + model.Id + "). Ctrl+C stops waiting; the job keeps running.");
            var finished = await JobRunner.WaitAsync(console, client, submitted.JobId, model.Id, cancellationToken).ConfigureAwait(false);
            await JobRunner.DownloadAsync(console, client, finished, folder, stem, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        /// <summary>The model id without its <c>model_</c> prefix.</summary>
        internal static string ShortId(string modelId) =>
            modelId.StartsWith("model_", StringComparison.Ordinal) ? modelId.Substring("model_".Length) : modelId;

        internal static JsonElement ToElement(JsonNode node)
        {
            using var document = JsonDocument.Parse(node.ToJsonString());
            return document.RootElement.Clone();
        }
    }
}
