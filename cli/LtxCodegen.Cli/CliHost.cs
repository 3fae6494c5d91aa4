using System;
using System.IO;
using LtxCodegen.Emulator;
using Spectre.Console;

namespace LtxCodegen.Cli
{
    /// <summary>Where <c>ltx</c> writes and which service it talks to; tests pass their own.</summary>
    public sealed class CliHost
    {
        /// <summary>Standard output.</summary>
        public TextWriter Out { get; init; } = Console.Out;

        /// <summary>Standard error.</summary>
        public TextWriter Error { get; init; } = Console.Error;

        /// <summary>API key (default: SCENARIO_API_KEY). With no key or secret, the embedded emulator is used.</summary>
        public string? ApiKey { get; init; } = Environment.GetEnvironmentVariable("SCENARIO_API_KEY");

        /// <summary>API secret (default: SCENARIO_API_SECRET).</summary>
        public string? ApiSecret { get; init; } = Environment.GetEnvironmentVariable("SCENARIO_API_SECRET");

        /// <summary>Service base address (default: SCENARIO_API_URL or the public service).</summary>
        public Uri? BaseAddress { get; init; }

        /// <summary>Options of the embedded emulator started when there are no credentials (and by <c>ltx demo</c>).</summary>
        public Func<ScenarioEmulatorOptions> EmulatorOptions { get; init; } = () => new ScenarioEmulatorOptions();

        /// <summary>
        /// The models the CLI offers (default: every doc of schemas/, compiled in by the generator), plus those of the
        /// docs read at run time (<c>--schemas</c>, <c>LTX_SCHEMAS</c>).
        /// </summary>
        public System.Collections.Generic.IReadOnlyList<ScenarioModelDescriptor> Models { get => _models; init => _models = value; }

        /// <summary>Folder of model docs read at run time when a command gives no <c>--schemas</c> (default: LTX_SCHEMAS).</summary>
        public string? SchemasDirectory { get; init; } = Environment.GetEnvironmentVariable("LTX_SCHEMAS");

        private System.Collections.Generic.IReadOnlyList<ScenarioModelDescriptor> _models = LtxCodegen.Cli.Models.ScenarioModels.All;

        /// <summary>Adds models read at run time; one with the id of a model already known replaces it.</summary>
        internal void AddModels(System.Collections.Generic.IEnumerable<ScenarioModelDescriptor> models)
        {
            var added = System.Linq.Enumerable.ToList(models);
            var ids = new System.Collections.Generic.HashSet<string>(System.Linq.Enumerable.Select(added, m => m.Id), StringComparer.Ordinal);
            var kept = System.Linq.Enumerable.Where(_models, m => !ids.Contains(m.Id));
            _models = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.OrderBy(System.Linq.Enumerable.Concat(kept, added), m => m.Id, StringComparer.Ordinal));
        }

        /// <summary>Poll interval of the client (tests shorten it).</summary>
        public TimeSpan? PollInterval { get; init; }

        /// <summary>True when running in a real terminal: live progress bars. False: plain lines.</summary>
        public bool Interactive { get; init; }

        /// <summary>
        /// Width of tables when the output is not a terminal (piped or redirected): default the <c>COLUMNS</c>
        /// environment variable, else 80. A terminal uses its own width.
        /// </summary>
        public int RedirectedWidth { get; init; } = ColumnsFromEnvironment();

        /// <summary>The temporary directory (default: the system's); <c>ltx demo</c> writes under it when no --out is given.</summary>
        public string TempDirectory { get; init; } = Path.GetTempPath();

        /// <summary>Server text made safe to print: credentials redacted, escape/control characters removed.</summary>
        internal TerminalText Text => _text ??= new TerminalText(ApiKey, ApiSecret);

        private TerminalText? _text;

        /// <summary>The process host: the console, credentials from the environment.</summary>
        public static CliHost FromConsole() => new CliHost { Interactive = !Console.IsOutputRedirected };

        /// <summary>A console for tables: the terminal, or plain text as wide as <see cref="RedirectedWidth"/>.</summary>
        internal IAnsiConsole CreateTableConsole()
        {
            var console = CreateConsole();
            if (!ReferenceEquals(console, AnsiConsole.Console))
            {
                console.Profile.Width = RedirectedWidth;
            }

            return console;
        }

        private static int ColumnsFromEnvironment() =>
            int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns)
            && columns is >= 40 and <= 1000 ? columns : 80;

        internal IAnsiConsole CreateConsole()
        {
            if (Interactive && ReferenceEquals(Out, Console.Out))
            {
                return AnsiConsole.Console;
            }

            // Redirected output or a test: plain text; lines of paths and ids are not wrapped (tables use CreateTableConsole).
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Out),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            console.Profile.Width = 200;
            return console;
        }
    }
}
