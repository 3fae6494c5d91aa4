using System.CommandLine;
using System.Net;

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
            jobId.Validators.Add(result =>
            {
                if (JobIds.Problem(result.GetValueOrDefault<string>()) is string problem)
                {
                    result.AddError(problem);
                }
            });
            var outOption = new Option<string>("--out") { Description = "Folder for the downloaded outputs.", DefaultValueFactory = _ => "." };
            wait.Arguments.Add(jobId);
            wait.Options.Add(outOption);
            wait.SetAction((parse, cancellationToken) =>
            {
                var id = parse.GetValue(jobId)!;
                var job = new SubmittedJob(parse.GetValue(outOption) ?? ".");
                return ErrorHandling.RunAsync(host, async () =>
                {
                    var folder = OutputFolder.Prepare(job.OutDir);
                    var console = host.CreateConsole();
                    await using var connection = await ServiceConnection.OpenAsync(host, forceEmulator: false, cancellationToken).ConfigureAwait(false);
                    ScenarioJob finished;
                    try
                    {
                        job.JobId = id;
                        finished = await JobRunner.WaitAsync(console, connection.Client, id, "job", cancellationToken).ConfigureAwait(false);
                    }
                    catch (ScenarioApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
                    {
                        job.JobId = null; // nothing to resume
                        throw new CliInputException("No job '" + id + "' at " + connection.BaseAddress + (connection.IsEmulator
                            ? ": this is the embedded emulator, which starts empty with each command, so jobs of earlier commands cannot be resumed. Set SCENARIO_API_KEY/SCENARIO_API_SECRET to reach the service."
                            : ". Check the id printed by 'ltx run'."));
                    }

                    await JobRunner.DownloadAsync(console, connection.Client, finished, folder, id, cancellationToken).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }, job);
            });
            jobs.Subcommands.Add(wait);
            return jobs;
        }
    }
}
