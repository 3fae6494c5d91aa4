using System.Linq;
using LtxCodegen.Batch;

namespace LtxCodegen.Cli
{
    /// <summary>The closing lines of <c>ltx batch</c>: counts, every line not done with its reason, total cost.</summary>
    internal static class BatchSummary
    {
        private const int MaxListed = 50;

        public static void Write(CliHost host, ScenarioBatchResult result, Commands.BatchCommand.BatchSettings settings)
        {
            var earlier = result.Lines.Count(l => l.WasAlreadyDone);
            host.Out.WriteLine("Done " + result.Done + "/" + result.Lines.Count + (earlier > 0 ? " (" + earlier + " in earlier runs)" : "")
                + ", failed " + result.Failed + ", needing a decision " + result.NeedsDecision + ", over the cost cap " + result.OverBudget
                + ", interrupted " + result.Interrupted + ". Spent " + ScenarioBatch.Units(result.Spent) + " CU. Outputs in " + System.IO.Path.GetFullPath(settings.OutDir));
            var notDone = result.Lines.Where(l => l.Phase != ScenarioBatchLinePhase.Done && l.Phase != ScenarioBatchLinePhase.Interrupted).ToList();
            foreach (var line in notDone.Take(MaxListed))
            {
                host.Error.WriteLine("  line " + line.Line.LineNumber + " '" + ScenarioBatchText.Safe(line.Line.Id) + "' " + BatchDisplay.Describe(line.Phase)
                    + (line.JobId is null ? "" : " (job " + ScenarioBatchText.Safe(line.JobId) + ")") + ": " + (line.Error ?? "no reason given"));
            }

            if (notDone.Count > MaxListed)
            {
                host.Error.WriteLine("  ... and " + (notDone.Count - MaxListed) + " more.");
            }

            if (result.NeedsDecision > 0)
            {
                host.Error.WriteLine("Lines needing a decision may already have a job (and a cost). Check your jobs; to pay again for them, rerun with --resubmit-unknown.");
            }

            if (result.Failed > 0)
            {
                host.Error.WriteLine("Rerunning the same command retries the failed lines (a failed job is sent again; a lost download is fetched again).");
            }
        }
    }
}
