using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Cli.Commands;

namespace LtxCodegen.Cli
{
    /// <summary>The <c>ltx</c> command line.</summary>
    public static class Program
    {
        /// <summary>Process entry point.</summary>
        public static async Task<int> Main(string[] args)
        {
            // Ctrl+C cancels the running command (which then prints the job id to resume with); a second Ctrl+C kills the process.
            using var interrupt = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                if (!interrupt.IsCancellationRequested)
                {
                    e.Cancel = true;
                    interrupt.Cancel();
                }
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                return await RunAsync(args, CliHost.FromConsole(), interrupt.Token).ConfigureAwait(false);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }

        /// <summary>Runs <c>ltx</c> with the given arguments and host (tests run it in process).</summary>
        public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
        {
            // Docs read at run time are models before the command line is built (one subcommand and option per parameter).
            if (RunTimeDocs.Load(args, host) is int failed)
            {
                return failed;
            }

            // `ltx run <modelId>` for a model it does not know: the service's own description (GET /v1/models/{id}).
            if (await RunTimeDocs.FetchUnknownAsync(args, host, cancellationToken).ConfigureAwait(false) is int unknown)
            {
                return unknown;
            }

            var root = new RootCommand("ltx: run Scenario models (LTX-2 video and any doc in schemas/) from the command line. "
                + "Without SCENARIO_API_KEY/SCENARIO_API_SECRET it uses an embedded emulator.");
            root.Subcommands.Add(ModelsCommand.Create(host));
            root.Subcommands.Add(RunCommand.Create(host));
            root.Subcommands.Add(JobsCommand.Create(host));
            root.Subcommands.Add(PullCommand.Create(host));
            root.Subcommands.Add(DemoCommand.Create(host));
            root.Subcommands.Add(GenerateCommand.Create(host));
            root.Subcommands.Add(BatchCommand.Create(host));

            var parse = root.Parse(args);
            var configuration = new InvocationConfiguration { Output = host.Out, Error = host.Error, ProcessTerminationTimeout = null };
            if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
            {
                ParseErrorReport.Write(parse, args, host);
                return ExitCodes.BadInput;
            }

            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
    }
}
