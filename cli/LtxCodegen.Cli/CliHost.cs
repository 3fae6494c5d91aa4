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

        /// <summary>The models the CLI offers (default: every doc of schemas/, compiled in by the generator).</summary>
        public System.Collections.Generic.IReadOnlyList<ScenarioModelDescriptor> Models { get; init; } = LtxCodegen.Cli.Models.ScenarioModels.All;

        /// <summary>Poll interval of the client (tests shorten it).</summary>
        public TimeSpan? PollInterval { get; init; }

        /// <summary>True when running in a real terminal: live progress bars. False: plain lines.</summary>
        public bool Interactive { get; init; }

        /// <summary>The process host: the console, credentials from the environment.</summary>
        public static CliHost FromConsole() => new CliHost { Interactive = !Console.IsOutputRedirected };

        internal IAnsiConsole CreateConsole()
        {
            if (Interactive && ReferenceEquals(Out, Console.Out))
            {
                return AnsiConsole.Console;
            }

            // Redirected output or a test: plain text, wide enough not to break paths and ids.
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
