using System;
using System.CommandLine;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Cli.Commands
{
    /// <summary><c>ltx pull &lt;modelId&gt; [--dir schemas]</c>: save GET /v1/models/{modelId} as a model doc, pretty-printed.</summary>
    internal static class PullCommand
    {
        private static readonly JsonWriterOptions s_indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static Command Create(CliHost host)
        {
            var command = new Command("pull", "Save a model's JSON (GET /v1/models/{modelId}) into a schemas folder, pretty-printed, ready for the generator.");
            var modelId = new Argument<string>("modelId") { Description = "The model id, e.g. model_ltx-2-19b-extend-video." };
            modelId.Validators.Add(result =>
            {
                var id = result.GetValueOrDefault<string>();
                if (string.IsNullOrWhiteSpace(id) || OutputFolder.SafeName(id) != id || id.Contains("..", StringComparison.Ordinal))
                {
                    result.AddError("Not a model id: '" + TerminalText.StripControls(id) + "' (letters, digits, '-', '_' and '.' only, e.g. model_ltx-2-19b-extend-video).");
                }
            });
            var dir = new Option<string>("--dir") { Description = "Folder to save into.", DefaultValueFactory = _ => "schemas" };
            command.Arguments.Add(modelId);
            command.Options.Add(dir);
            command.SetAction((parse, cancellationToken) =>
            {
                var id = parse.GetValue(modelId)!;
                var folder = parse.GetValue(dir) ?? "schemas";
                return ErrorHandling.RunAsync(host, () => PullAsync(host, id, folder, cancellationToken));
            });
            return command;
        }

        private static async Task<int> PullAsync(CliHost host, string id, string folder, CancellationToken cancellationToken)
        {
            var target = OutputFolder.Prepare(folder, "--dir");
            var path = target.PathFor(RunCommand.ShortId(id), 0, 1, ".json");
            await using var connection = await ServiceConnection.OpenAsync(host, forceEmulator: false, cancellationToken).ConfigureAwait(false);
            using var json = await connection.GetModelJsonAsync(id, cancellationToken).ConfigureAwait(false);
            var bytes = Indent(json);
            var previous = File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
            if (previous is not null && previous.AsSpan().SequenceEqual(bytes))
            {
                host.Out.WriteLine(path + " is already up to date (" + bytes.Length + " bytes); nothing changed.");
                return ExitCodes.Ok;
            }

            var temp = path + "." + Guid.NewGuid().ToString("N") + ".part";
            try
            {
                await File.WriteAllBytesAsync(temp, bytes, cancellationToken).ConfigureAwait(false);
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }

            host.Out.WriteLine(previous is null
                ? "Saved " + path + " (" + bytes.Length + " bytes). Rebuild to generate its request class."
                : "Replaced " + path + " (" + Describe(previous) + ", " + previous.Length + " bytes) with the service's doc (" + bytes.Length
                  + " bytes). Rebuild to regenerate its request class; 'git diff' shows what changed.");
            return ExitCodes.Ok;
        }

        /// <summary>The doc pretty-printed (two-space indent, readable characters), ending with a newline.</summary>
        internal static byte[] Indent(JsonDocument json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, s_indented))
            {
                json.WriteTo(writer);
            }

            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        // What the replaced file was: the model id it declared, if it is a model doc.
        private static string Describe(byte[] previous)
        {
            try
            {
                using var old = JsonDocument.Parse(previous);
                if (old.RootElement.ValueKind == JsonValueKind.Object
                    && old.RootElement.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.Object
                    && model.TryGetProperty("id", out var oldId) && oldId.ValueKind == JsonValueKind.String)
                {
                    return "the doc of " + TerminalText.StripControls(oldId.GetString());
                }

                return "a JSON file";
            }
            catch (JsonException)
            {
                return "a file that was not JSON";
            }
        }
    }
}
