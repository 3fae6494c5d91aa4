using System;
using System.Collections.Generic;
using System.CommandLine;
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
            foreach (var model in host.Models)
            {
                run.Subcommands.Add(CreateModelCommand(host, model));
            }

            return run;
        }

        private static Command CreateModelCommand(CliHost host, ScenarioModelDescriptor model)
        {
            var command = new Command(model.Id, model.Name + (string.IsNullOrEmpty(model.Description) ? "" : ": " + model.Description));
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
                var outDir = parse.GetValue(outOption) ?? ".";
                return ErrorHandling.RunAsync(host, () => RunAsync(host, parameters, parse, outDir, parse.GetValue(dryRun), parse.GetValue(maxCost), cancellationToken), outDir);
            });
            return command;
        }

        private static async Task<int> RunAsync(CliHost host, ParameterOptions parameters, ParseResult parse, string outDir, bool dryRun, double? maxCost, CancellationToken cancellationToken)
        {
            var model = parameters.Model;
            var draft = parameters.BuildBody(parse);
            var errors = ScenarioRequestValidator.Validate(model, ToElement(draft));
            if (errors.Count > 0)
            {
                throw new ScenarioValidationException(model.Id, errors);
            }

            if (dryRun)
            {
                host.Out.WriteLine(draft.ToJsonString(Indented));
                host.Out.WriteLine("Dry run: the request for " + model.Id + " is valid; nothing was uploaded or sent.");
                return ExitCodes.Ok;
            }

            var console = host.CreateConsole();
            // The client prices the request (dry run) before the generate call and refuses it above the cap.
            await using var connection = await ServiceConnection.OpenAsync(host, forceEmulator: false, cancellationToken, o => o.MaxCostPerJob = maxCost).ConfigureAwait(false);
            var client = connection.Client;

            // Local files given for asset parameters are uploaded first; other values are asset ids.
            var uploaded = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in FilesToUpload(model, draft))
            {
                var file = path;
                uploaded[file] = await console.Status().StartAsync("Uploading " + Markup.Escape(file) + " ...",
                    _ => client.UploadAssetAsync(file, null, cancellationToken)).ConfigureAwait(false);
                console.WriteLine("Uploaded " + file + " as asset " + uploaded[file]);
            }

            var body = parameters.BuildBody(parse, (_, value) => uploaded.TryGetValue(value, out var id) ? id : value);
            var job = await client.SubmitAsync(new DescriptorRequest(model, ToElement(body)), cancellationToken).ConfigureAwait(false);
            console.WriteLine("Submitted job " + job.JobId + " (" + model.Id + "). Ctrl+C stops waiting; the job keeps running.");
            string jobId = job.JobId;
            try
            {
                var finished = await JobRunner.WaitAsync(console, client, jobId, model.Id, cancellationToken).ConfigureAwait(false);
                await JobRunner.DownloadAsync(console, client, finished, outDir, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                host.Error.WriteLine(connection.IsEmulator
                    ? "Interrupted job " + jobId + ". (It ran on the embedded emulator, which stops with this process: it cannot be resumed.)"
                    : "Interrupted. The job keeps running; resume with: ltx jobs wait " + jobId + " --out \"" + outDir + "\"");
                return ExitCodes.Interrupted;
            }
        }

        private static IEnumerable<string> FilesToUpload(ScenarioModelDescriptor model, JsonObject body)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in model.Parameters.Where(ParameterOptions.IsAsset))
            {
                var node = body[parameter.WireName];
                var values = node is JsonArray array ? array.Select(n => n?.GetValue<string>()) : new[] { node?.GetValue<string>() };
                foreach (var value in values)
                {
                    if (value is not null && File.Exists(value) && seen.Add(value))
                    {
                        yield return value;
                    }
                }
            }
        }

        internal static JsonElement ToElement(JsonNode node)
        {
            using var document = JsonDocument.Parse(node.ToJsonString());
            return document.RootElement.Clone();
        }
    }
}
