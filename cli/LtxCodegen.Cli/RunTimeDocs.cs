using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Docs;

namespace LtxCodegen.Cli
{
    /// <summary>
    /// <c>--schemas &lt;dir&gt;</c> (or <c>LTX_SCHEMAS</c>) on <c>run</c>, <c>models</c>, <c>demo</c> and <c>batch</c>: every
    /// model of the docs in that folder, read at run time through the model library (the generator's own parser) and
    /// added to the compiled-in ones before the command line is built, so options, validation, --dry-run and --help
    /// work for them as for a compiled-in model.
    /// </summary>
    internal static class RunTimeDocs
    {
        public const string OptionName = "--schemas";

        private static readonly string[] Commands = { "run", "models", "demo", "batch" };

        /// <summary>The option, for the commands' --help (the folder is read before parsing, by <see cref="Load"/>).</summary>
        public static Option<string?> CreateOption(bool recursive = false) => new Option<string?>(OptionName)
        {
            Description = "Folder of model docs (*.md, *.json) whose models are added at run time, read as the generator reads them (default: $LTX_SCHEMAS).",
            HelpName = "dir",
            Recursive = recursive,
        };

        /// <summary>The folder named on the command line (or LTX_SCHEMAS) for a command that takes one, else null.</summary>
        public static string? Folder(string[] args, CliHost host)
        {
            if (args.Length == 0 || !Commands.Contains(args[0], StringComparer.Ordinal))
            {
                return null;
            }

            for (var i = 1; i < args.Length; i++)
            {
                if (args[i] == "--")
                {
                    break;
                }

                if (args[i] == OptionName && i + 1 < args.Length)
                {
                    return args[i + 1];
                }

                if (args[i].StartsWith(OptionName + "=", StringComparison.Ordinal))
                {
                    return args[i].Substring(OptionName.Length + 1);
                }
            }

            return string.IsNullOrEmpty(host.SchemasDirectory) ? null : host.SchemasDirectory;
        }

        /// <summary>
        /// Reads the folder (if any) into <paramref name="host"/>'s models and prints every doc problem, located, on
        /// standard error. Returns an exit code when the folder cannot be read, else null.
        /// </summary>
        public static int? Load(string[] args, CliHost host)
        {
            var folder = Folder(args, host);
            if (folder is null)
            {
                return null;
            }

            DocModelSet docs;
            try
            {
                docs = DocModels.ReadDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Security.SecurityException)
            {
                host.Error.WriteLine("Cannot read the model docs in '" + TerminalText.StripControls(folder) + "': " + TerminalText.StripControls(e.Message) + " Nothing was sent.");
                return ExitCodes.BadInput;
            }

            foreach (var d in docs.Diagnostics)
            {
                host.Error.WriteLine(TerminalText.StripControls(d.ToString()));
            }

            host.AddModels(docs.Models);
            return null;
        }
    
        /// <summary>
        /// <c>ltx run &lt;modelId&gt;</c> for a model neither compiled in nor in a docs folder: fetches
        /// <c>GET /v1/models/{modelId}</c> and builds the model from that JSON (the model library's JSON format). A
        /// model the service does not know either (404), or any other failure (printed), leaves it to the command line,
        /// which reports the unknown model with the closest known name and exit code 2.
        /// </summary>
        public static async Task<int?> FetchUnknownAsync(string[] args, CliHost host, CancellationToken cancellationToken)
        {
            if (args.Length < 2 || args[0] != "run" || !LooksLikeModelId(args[1])
                || host.Models.Any(m => m.Id == args[1] || LtxCodegen.Cli.Commands.RunCommand.ShortId(m.Id) == args[1]))
            {
                return null;
            }

            var id = args[1];
            try
            {
                await using var connection = await ServiceConnection.OpenAsync(host, forceEmulator: false, cancellationToken).ConfigureAwait(false);
                using var json = await connection.GetModelJsonAsync(id, cancellationToken).ConfigureAwait(false);
                var docs = DocModels.ReadText("models/" + id + ".json", json.RootElement.GetRawText());
                foreach (var d in docs.Diagnostics)
                {
                    host.Error.WriteLine(TerminalText.StripControls(d.ToString()));
                }

                if (!docs.Models.Any(m => m.Id == id))
                {
                    host.Error.WriteLine("The service's description of model '" + TerminalText.StripControls(id) + "' (GET /v1/models/" + TerminalText.StripControls(id) + ") has no usable model. Nothing was sent.");
                    return ExitCodes.BadInput;
                }

                host.AddModels(docs.Models);
                return null;
            }
            catch (ScenarioApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // Unknown to the service too: the command line says "Unknown model", with the closest known name, exit 2.
                return null;
            }

            catch (Exception e) when (e is ScenarioException or System.Net.Http.HttpRequestException or TaskCanceledException or JsonException or IOException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                host.Error.WriteLine("Could not look model '" + TerminalText.StripControls(id) + "' up on the service: " + host.Text.Clean(e.Message));
                return null;
            }
        }

        // A model id as the service writes them (model_..., letters, digits, '-', '_', '.'): nothing else is sent as a path.
        private static bool LooksLikeModelId(string text) =>
            text.Length is > 0 and <= 200 && !text.StartsWith("-", StringComparison.Ordinal)
            && text.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.');
    }
}
