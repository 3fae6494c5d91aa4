using System;
using System.CommandLine;
using System.Globalization;
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
        public static Command Create(CliHost host)
        {
            var command = new Command("demo", "Start the embedded emulator, upload a bundled sample clip and run both LTX-2 models on it. Needs no credentials.");
            var outOption = new Option<string>("--out")
            {
                Description = "Folder for the outputs (default: a new folder under the temp directory).",
            };
            command.Options.Add(outOption);
            command.SetAction((parse, cancellationToken) =>
            {
                var outDir = parse.GetValue(outOption)
                    ?? Path.Combine(Path.GetTempPath(), "ltx-demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
                return ErrorHandling.RunAsync(host, async () =>
                {
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
                        await JobRunner.DownloadAsync(console, client, done, outDir, cancellationToken).ConfigureAwait(false);
                    }

                    console.WriteLine("Demo done. Outputs are in " + Path.GetFullPath(outDir));
                    return ExitCodes.Ok;
                });
            });
            return command;
        }
    }
}
