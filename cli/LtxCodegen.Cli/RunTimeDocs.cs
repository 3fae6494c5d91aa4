using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using LtxCodegen.Emulator.Docs;

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
    }
}
