using System.CommandLine;

namespace LtxCodegen.Cli.Commands
{
    /// <summary><c>ltx jobs wait &lt;jobId&gt; --out dir</c>: resume a job after a crash or Ctrl+C.</summary>
    internal static class JobsCommand
    {
        public static Command Create(CliHost host)
        {
            var jobs = new Command("jobs", "Work with jobs already submitted.");
            var wait = new Command("wait", "Wait for a job (with a progress bar) and download its outputs.");
            var jobId = new Argument<string>("jobId") { Description = "The job id printed by 'ltx run'." };
            var outOption = new Option<string>("--out") { Description = "Folder for the downloaded outputs.", DefaultValueFactory = _ => "." };
            wait.Arguments.Add(jobId);
            wait.Options.Add(outOption);
            wait.SetAction((parse, cancellationToken) =>
            {
                var id = parse.GetValue(jobId)!;
                var outDir = parse.GetValue(outOption) ?? ".";
                return ErrorHandling.RunAsync(host, async () =>
                {
                    var console = host.CreateConsole();
                    await using var connection = await ServiceConnection.OpenAsync(host, forceEmulator: false, cancellationToken).ConfigureAwait(false);
                    var job = await JobRunner.WaitAsync(console, connection.Client, id, "job", cancellationToken).ConfigureAwait(false);
                    await JobRunner.DownloadAsync(console, connection.Client, job, outDir, cancellationToken).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }, outDir);
            });
            jobs.Subcommands.Add(wait);
            return jobs;
        }
    }
}
