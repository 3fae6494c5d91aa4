using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Batch;
using LtxCodegen.Batch.Sqlite;

namespace LtxCodegen.Cli.Commands
{
    /// <summary>
    /// <c>ltx batch &lt;requests.jsonl&gt; --out dir</c>: runs one request a line, resumable after Ctrl+C, a crash or
    /// <c>kill -9</c> (a SQLite ledger in the output folder), never paying twice for a line.
    /// </summary>
    internal static class BatchCommand
    {
        public const int MaxConcurrency = 64;

        public static Command Create(CliHost host)
        {
            var command = new Command("batch", "Run a JSON Lines file of requests ({\"id\", \"model\", \"params\"} a line): validate and price everything first, "
                + "then upload, submit, wait and download, resumable: rerun the same command after Ctrl+C, a crash or kill -9.");
            var file = new Argument<string>("requests.jsonl") { Description = "The batch file: one JSON object a line. Relative file paths in params start at its folder." };
            var outOption = new Option<string>("--out") { Description = "Folder for the outputs (<id>.<ext>) and the ledger (ltx-batch.db).", Required = true };
            var concurrency = new Option<int>("--concurrency") { Description = "Lines worked on at once (1.." + MaxConcurrency + ").", DefaultValueFactory = _ => 4 };
            var maxCost = new Option<double?>("--max-cost") { Description = "Refuse to start when the batch's estimated cost (creative units) is above this; never submit past it." };
            var schemas = RunTimeDocs.CreateOption();
            var reconcileWait = new Option<double>("--reconcile-wait") { Description = "Seconds after a cut-off submit before a job list without it counts as proof it never arrived.", DefaultValueFactory = _ => 10 };
            var resubmitUnknown = new Option<bool>("--resubmit-unknown") { Description = "Send again the lines whose earlier submit may have reached the service but whose job cannot be found: pays again." };
            command.Arguments.Add(file);
            command.Options.Add(outOption);
            command.Options.Add(concurrency);
            command.Options.Add(maxCost);
            command.Options.Add(schemas);
            command.Options.Add(resubmitUnknown);
            command.Options.Add(reconcileWait);
            command.SetAction((parse, cancellationToken) =>
            {
                var outDir = parse.GetValue(outOption)!;
                var settings = new BatchSettings(parse.GetValue(file)!, outDir, parse.GetValue(concurrency), parse.GetValue(maxCost), parse.GetValue(schemas), parse.GetValue(resubmitUnknown), parse.GetValue(reconcileWait));
                return ErrorHandling.RunAsync(host, async () =>
                {
                    try
                    {
                        return await RunAsync(host, settings, cancellationToken).ConfigureAwait(false);
                    }
                    catch (System.Data.Common.DbException e)
                    {
                        host.Error.WriteLine("The batch ledger in " + Path.GetFullPath(settings.OutDir) + " could not be read or written (" + ScenarioBatchText.Safe(e.Message)
                            + "). What it recorded is kept; free the disk or fix the folder, then rerun the same command to resume.");
                        return ExitCodes.ServiceError;
                    }
                });
            });
            return command;
        }

        private static async Task<int> RunAsync(CliHost host, BatchSettings settings, CancellationToken cancellationToken)
        {
            if (settings.Concurrency is < 1 or > MaxConcurrency)
            {
                host.Error.WriteLine("--concurrency must be between 1 and " + MaxConcurrency + ". Nothing was sent.");
                return ExitCodes.BadInput;
            }

            if (settings.MaxCost is double cap && (double.IsNaN(cap) || double.IsInfinity(cap) || cap < 0))
            {
                host.Error.WriteLine("--max-cost must be a number of creative units, 0 or more. Nothing was sent.");
                return ExitCodes.BadInput;
            }

            if (double.IsNaN(settings.ReconcileWait) || settings.ReconcileWait is < 0 or > 3600)
            {
                host.Error.WriteLine("--reconcile-wait must be between 0 and 3600 seconds. Nothing was sent.");
                return ExitCodes.BadInput;
            }

            var plan = ScenarioBatchFile.Read(settings.File, host.Models);
            if (plan.Errors.Count > 0)
            {
                host.Error.WriteLine("The batch file has " + plan.Errors.Count + " problem" + (plan.Errors.Count == 1 ? "" : "s") + " (nothing was sent):");
                foreach (var error in plan.Errors.Take(100))
                {
                    host.Error.WriteLine("  " + Where(plan.Source, error) + error.Message);
                }

                if (plan.Errors.Count > 100)
                {
                    host.Error.WriteLine("  ... and " + (plan.Errors.Count - 100) + " more.");
                }

                return ExitCodes.BadInput;
            }

            await using var connection = await ServiceConnection.OpenAsync(host, forceEmulator: false, cancellationToken).ConfigureAwait(false);
            if (connection.IsEmulator)
            {
                host.Error.WriteLine("(The embedded emulator stops with this process: a batch run on it cannot be resumed.)");
            }

            using var ledger = SqliteScenarioBatchLedger.Open(Path.Combine(settings.OutDir, SqliteScenarioBatchLedger.DefaultFileName));
            var batch = new ScenarioBatch(connection.Client, ledger, new ScenarioBatchOptions(settings.OutDir)
            {
                Concurrency = settings.Concurrency,
                MaxCost = settings.MaxCost,
                ResubmitUnknown = settings.ResubmitUnknown,
                ReconcileSettleTime = TimeSpan.FromSeconds(settings.ReconcileWait),
            });
            var preparation = await batch.PrepareAsync(plan, cancellationToken).ConfigureAwait(false);
            if (preparation.Errors.Count > 0)
            {
                host.Error.WriteLine("The batch cannot start (nothing was sent):");
                foreach (var error in preparation.Errors)
                {
                    host.Error.WriteLine("  " + Where(plan.Source, error) + error.Message);
                }

                return ExitCodes.BadInput;
            }

            host.Out.WriteLine(plan.Lines.Count + " lines: " + preparation.AlreadyDone + " done earlier, " + preparation.ToSubmit + " to submit. Estimated total "
                + ScenarioBatch.Units(preparation.TotalEstimate) + " CU" + (preparation.AlreadySpent > 0 ? " (" + ScenarioBatch.Units(preparation.AlreadySpent) + " already spent)" : "")
                + (settings.MaxCost is double limit ? ", cap " + ScenarioBatch.Units(limit) + " CU" : "") + "."
                + (preparation.Unpriced > 0 ? " " + preparation.Unpriced + " line(s) are priced after their input files are uploaded (the service would not price them before) and are not in that total; the cap is checked again before each generate call." : ""));

            var display = new BatchDisplay(host, plan, preparation.AlreadySpent);
            var result = await display.RunAsync(progress => batch.RunAsync(preparation, progress, cancellationToken)).ConfigureAwait(false);
            BatchSummary.Write(host, result, settings);
            if (cancellationToken.IsCancellationRequested || result.Interrupted > 0)
            {
                host.Error.WriteLine("Interrupted. Rerun the same command to resume: nothing done is redone, nothing sent is sent again.");
                return ExitCodes.Interrupted;
            }

            if (result.Done == result.Lines.Count)
            {
                return ExitCodes.Ok;
            }

            return result.Lines.Any(l => l.IsServiceError) ? ExitCodes.ServiceError : ExitCodes.JobFailed;
        }

        private static string Where(string source, ScenarioBatchError error) =>
            Path.GetFileName(source) + (error.LineNumber > 0 ? ":" + error.LineNumber : "") + ": " + (error.Id is null ? "" : "'" + ScenarioBatchText.Safe(error.Id) + "': ");

        internal sealed record BatchSettings(string File, string OutDir, int Concurrency, double? MaxCost, string? Schemas, bool ResubmitUnknown, double ReconcileWait);
    }
}
