using System;
using System.CommandLine;
using System.IO;

namespace LtxCodegen.Cli.Commands
{
    /// <summary><c>ltx pull &lt;modelId&gt; [--dir schemas]</c>: save GET /v1/models/{modelId} as a model doc.</summary>
    internal static class PullCommand
    {
        public static Command Create(CliHost host)
        {
            var command = new Command("pull", "Save a model's JSON (GET /v1/models/{modelId}) into a schemas folder, ready for the generator.");
            var modelId = new Argument<string>("modelId") { Description = "The model id, e.g. model_ltx-2-19b-extend-video." };
            var dir = new Option<string>("--dir") { Description = "Folder to save into.", DefaultValueFactory = _ => "schemas" };
            command.Arguments.Add(modelId);
            command.Options.Add(dir);
            command.SetAction((parse, cancellationToken) =>
            {
                var id = parse.GetValue(modelId)!;
                var folder = parse.GetValue(dir) ?? "schemas";
                return ErrorHandling.RunAsync(host, async () =>
                {
                    if (id.Length == 0 || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.Contains("..", StringComparison.Ordinal))
                    {
                        host.Error.WriteLine("Not a model id: '" + id + "'.");
                        return ExitCodes.BadInput;
                    }

                    await using var connection = await ServiceConnection.OpenAsync(host, forceEmulator: false, cancellationToken).ConfigureAwait(false);
                    var json = await connection.GetModelJsonAsync(id, cancellationToken).ConfigureAwait(false);
                    Directory.CreateDirectory(folder);
                    var name = (id.StartsWith("model_", StringComparison.Ordinal) ? id.Substring("model_".Length) : id) + ".json";
                    var path = Path.GetFullPath(Path.Combine(folder, name));
                    var temp = path + ".part";
                    await File.WriteAllBytesAsync(temp, json, cancellationToken).ConfigureAwait(false);
                    File.Move(temp, path, overwrite: true);
                    host.Out.WriteLine("Saved " + path + " (" + json.Length + " bytes). Rebuild to generate its request class.");
                    return ExitCodes.Ok;
                });
            });
            return command;
        }
    }
}
