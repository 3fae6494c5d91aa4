using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using LtxCodegen.Emulator;
using Spectre.Console;

namespace LtxCodegen.Cli.Commands
{
    /// <summary><c>ltx demo</c>: both LTX-2 models on the bundled sample clip, against the embedded emulator. No credentials.</summary>
    internal static class DemoCommand
    {
        /// <summary>Where the demo writes when no --out is given: one folder per user, reused.</summary>
        public static string DefaultFolder(CliHost host) => Path.Combine(host.TempDirectory, "ltx-demo-" + OutputFolder.SafeName(Environment.UserName));

        public static Command Create(CliHost host)
        {
            var command = new Command("demo", "Start the embedded emulator, upload a bundled sample clip and run both LTX-2 models on it. Needs no credentials.");
            var outOption = new Option<string>("--out")
            {
                Description = "Folder for the outputs (default: ltx-demo under the temp directory, reused by every demo).",
            };
            command.Options.Add(outOption);
            command.Options.Add(RunTimeDocs.CreateOption());
            command.SetAction((parse, cancellationToken) =>
            {
                // One folder for every demo (its files are replaced), so demo folders do not pile up in the temp directory.
                var outDir = parse.GetValue(outOption) ?? DefaultFolder(host);
                return ErrorHandling.RunAsync(host, async () =>
                {
                    var folder = OutputFolder.Prepare(outDir);
                    var console = host.CreateConsole();
                    await using var connection = await ServiceConnection.OpenAsync(host, forceEmulator: true, cancellationToken).ConfigureAwait(false);
                    console.WriteLine("ltx demo: embedded Scenario emulator at " + connection.BaseAddress + " (no credentials, nothing leaves this machine).");
                    var client = connection.Client;
                    var clip = SampleMedia.GetVideo();
                    using var stream = new MemoryStream(clip, writable: false);
                    var videoId = await client.UploadAssetAsync(stream, "sample.mp4", "video/mp4", cancellationToken).ConfigureAwait(false);
                    console.WriteLine("Uploaded the bundled sample clip (" + clip.Length + " bytes) as asset " + videoId);

                    var models = host.Models.Where(m => m.Id.Contains("ltx-2", StringComparison.OrdinalIgnoreCase)).ToList();
                    if (models.Count == 0)
                    {
                        host.Error.WriteLine("No LTX-2 model docs were compiled into this CLI.");
                        return ExitCodes.BadInput;
                    }

                    foreach (var model in models)
                    {
                        var body = new JsonObject { ["prompt"] = "The camera glides slowly over green hills at sunset" };
                        foreach (var parameter in model.Parameters.Where(p => p.Type == ScenarioParameterType.Asset && p.IsRequired))
                        {
                            body[parameter.WireName] = videoId;
                        }

                        var job = await client.SubmitAsync(new DescriptorRequest(model, RunCommand.ToElement(body)), cancellationToken).ConfigureAwait(false);
                        var done = await JobRunner.WaitAsync(console, client, job.JobId, model.Id, cancellationToken).ConfigureAwait(false);
                        await JobRunner.DownloadAsync(console, client, done, folder, RunCommand.ShortId(model.Id), cancellationToken).ConfigureAwait(false);
                    }

                    console.WriteLine("Demo done. Outputs are in " + folder.FullPath);
                    console.WriteLine("They are the sample clip echoed back: the emulator generates nothing, it returns its input so the whole flow "
                        + "(upload, submit, progress, download) runs offline and free.");
                    console.WriteLine("Next: 'ltx models' lists every model and its options; 'ltx run <model> --help' shows how to run one; "
                        + "with SCENARIO_API_KEY and SCENARIO_API_SECRET set, 'ltx run' calls Scenario itself.");
                    return ExitCodes.Ok;
                });
            });
            return command;
        }
    }
}
