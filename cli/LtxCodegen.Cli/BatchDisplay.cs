using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LtxCodegen.Batch;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LtxCodegen.Cli
{
    /// <summary>
    /// The live view of <c>ltx batch</c>: overall progress, jobs in flight, per-job status, spent so far. In a terminal a
    /// Spectre.Console live table; redirected, one plain line per submitted or ended line.
    /// </summary>
    internal sealed class BatchDisplay : IProgress<ScenarioBatchUpdate>
    {
        private const int MaxRows = 12;
        private const int MaxProblems = 5;

        private readonly CliHost _host;
        private readonly ScenarioBatchPlan _plan;
        private readonly object _gate = new object();
        private readonly Dictionary<string, ScenarioBatchUpdate> _latest = new Dictionary<string, ScenarioBatchUpdate>(StringComparer.Ordinal);
        private readonly List<ScenarioBatchUpdate> _problems = new List<ScenarioBatchUpdate>();
        private double _spent;
        private bool _plain = true;

        public BatchDisplay(CliHost host, ScenarioBatchPlan plan, double alreadySpent)
        {
            _host = host;
            _plan = plan;
            _spent = alreadySpent;
        }

        public async Task<ScenarioBatchResult> RunAsync(Func<IProgress<ScenarioBatchUpdate>, Task<ScenarioBatchResult>> run)
        {
            if (!_host.Interactive)
            {
                return await run(this).ConfigureAwait(false);
            }

            _plain = false;
            var console = _host.CreateConsole();
            ScenarioBatchResult? result = null;
            await console.Live(Render()).AutoClear(false).StartAsync(async context =>
            {
                var task = run(this);
                while (!task.IsCompleted)
                {
                    context.UpdateTarget(Render());
                    await Task.WhenAny(task, Task.Delay(250)).ConfigureAwait(false);
                }

                result = await task.ConfigureAwait(false);
                context.UpdateTarget(Render());
            }).ConfigureAwait(false);
            return result!;
        }

        public void Report(ScenarioBatchUpdate value)
        {
            lock (_gate)
            {
                _latest.TryGetValue(value.Line.Id, out var before);
                _latest[value.Line.Id] = value;
                _spent = value.Spent;
                if (IsEnd(value.Phase) && value.Phase != ScenarioBatchLinePhase.Done)
                {
                    _problems.Add(value);
                }

                if (_plain && (IsEnd(value.Phase) || value.Phase == ScenarioBatchLinePhase.Running && before?.Phase != ScenarioBatchLinePhase.Running))
                {
                    _host.Out.WriteLine(PlainLine(value));
                }
            }
        }

        private string PlainLine(ScenarioBatchUpdate update)
        {
            var done = _latest.Values.Count(u => u.Phase == ScenarioBatchLinePhase.Done);
            var head = "[" + done.ToString(CultureInfo.InvariantCulture).PadLeft(_plan.Lines.Count.ToString(CultureInfo.InvariantCulture).Length) + "/" + _plan.Lines.Count + "] "
                + ScenarioBatchText.Safe(update.Line.Id) + ": ";
            return head + update.Phase switch
            {
                ScenarioBatchLinePhase.Running => "job " + ScenarioBatchText.Safe(update.JobId),
                ScenarioBatchLinePhase.Done => "done" + (update.JobId is null ? "" : " (job " + ScenarioBatchText.Safe(update.JobId) + ")"),
                _ => Describe(update.Phase) + (update.Message is null ? "" : ": " + update.Message),
            };
        }

        private IRenderable Render()
        {
            lock (_gate)
            {
                var total = _plan.Lines.Count;
                var done = _latest.Values.Count(u => u.Phase == ScenarioBatchLinePhase.Done);
                var ended = _latest.Values.Count(u => IsEnd(u.Phase));
                var inFlight = _latest.Values.Where(u => !IsEnd(u.Phase) && u.Phase != ScenarioBatchLinePhase.Waiting).OrderBy(u => u.Line.LineNumber).ToList();
                const int width = 30;
                var filled = total == 0 ? 0 : (int)Math.Round(width * (double)done / total);
                var header = new Markup("[green]" + new string('█', filled) + "[/][grey]" + new string('░', width - filled) + "[/] "
                    + done + "/" + total + " done · " + inFlight.Count + " in flight · " + (ended - done) + " not done · spent "
                    + ScenarioBatch.Units(_spent) + " CU");
                var table = new Table().Border(TableBorder.Simple).AddColumn("line").AddColumn("id").AddColumn("job").AddColumn("status").AddColumn(new TableColumn("progress").RightAligned());
                foreach (var update in inFlight.Take(MaxRows))
                {
                    table.AddRow(
                        Markup.Escape(update.Line.LineNumber.ToString(CultureInfo.InvariantCulture)),
                        Markup.Escape(ScenarioBatchText.Safe(update.Line.Id)),
                        Markup.Escape(ScenarioBatchText.Safe(update.JobId ?? "")),
                        Markup.Escape(ScenarioBatchText.Safe(update.Status ?? Describe(update.Phase))),
                        Markup.Escape(update.Progress is double p ? Math.Round(Math.Max(0, Math.Min(1, p)) * 100).ToString(CultureInfo.InvariantCulture) + "%" : ""));
                }

                if (inFlight.Count > MaxRows)
                {
                    table.AddRow("", Markup.Escape("... " + (inFlight.Count - MaxRows) + " more"), "", "", "");
                }

                var rows = new List<IRenderable> { header, table };
                foreach (var problem in _problems.Skip(Math.Max(0, _problems.Count - MaxProblems)))
                {
                    rows.Add(new Markup("[red]" + Markup.Escape(ScenarioBatchText.Safe(problem.Line.Id) + ": " + Describe(problem.Phase) + (problem.Message is null ? "" : ": " + problem.Message)) + "[/]"));
                }

                return new Rows(rows);
            }
        }

        private static bool IsEnd(ScenarioBatchLinePhase phase) => phase >= ScenarioBatchLinePhase.Done;

        internal static string Describe(ScenarioBatchLinePhase phase) => phase switch
        {
            ScenarioBatchLinePhase.Waiting => "waiting",
            ScenarioBatchLinePhase.Uploading => "uploading",
            ScenarioBatchLinePhase.Submitting => "submitting",
            ScenarioBatchLinePhase.Reconciling => "looking for its job",
            ScenarioBatchLinePhase.Running => "running",
            ScenarioBatchLinePhase.Downloading => "downloading",
            ScenarioBatchLinePhase.Done => "done",
            ScenarioBatchLinePhase.Failed => "failed",
            ScenarioBatchLinePhase.NeedsDecision => "needs a decision",
            ScenarioBatchLinePhase.OverBudget => "not sent (cost cap)",
            ScenarioBatchLinePhase.Interrupted => "interrupted",
            _ => phase.ToString(),
        };
    }
}
