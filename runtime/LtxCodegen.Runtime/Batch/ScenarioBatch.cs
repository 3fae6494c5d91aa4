using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Batch
{
    /// <summary>
    /// Runs a batch of requests so that it survives being cut off at any point: every step is written to an
    /// <see cref="IScenarioBatchLedger"/> before it is taken and after it is confirmed; rerunning resumes — outputs on disk
    /// are not downloaded again, submitted jobs are waited for, a submit whose answer was lost is looked up in the job list
    /// (<see cref="ScenarioClient.FindSubmittedJobAsync"/>) and never sent twice without proof it did not arrive. One upload
    /// per distinct input file (by content hash). Use <see cref="PrepareAsync"/> (checks and prices; sends only dry runs), then
    /// <see cref="RunAsync"/>.
    /// </summary>
    public sealed partial class ScenarioBatch
    {
        private readonly ScenarioClient _client;
        private readonly IScenarioBatchLedger _ledger;
        private readonly ScenarioBatchOptions _options;
        private readonly object _gate = new object();
        private readonly Dictionary<string, ScenarioBatchLineRecord> _records = new Dictionary<string, ScenarioBatchLineRecord>(StringComparer.Ordinal);

        /// <summary>Creates a batch engine on a client and a ledger.</summary>
        public ScenarioBatch(ScenarioClient client, IScenarioBatchLedger ledger, ScenarioBatchOptions options)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.Concurrency < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "Concurrency must be at least 1.");
            }
        }

        /// <summary>The name of the output file <paramref name="index"/> (0-based) of a line: <c>&lt;stem&gt;.&lt;ext&gt;</c>, then <c>&lt;stem&gt;.2.&lt;ext&gt;</c>, ...</summary>
        public static string OutputFileName(ScenarioBatchLine line, int index, string? extension) =>
            line.FileStem + (index == 0 ? "" : "." + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            + (string.IsNullOrEmpty(extension) ? ".bin" : extension);

        /// <summary>
        /// Runs a prepared batch (<see cref="PrepareAsync"/> with no errors). Never throws for a line's failure: each line
        /// ends in the result. Cancellation stops at once; the ledger keeps what happened, and a rerun resumes.
        /// </summary>
        public async Task<ScenarioBatchResult> RunAsync(ScenarioBatchPreparation preparation, IProgress<ScenarioBatchUpdate>? progress = null, CancellationToken cancellationToken = default)
        {
            if (preparation is null)
            {
                throw new ArgumentNullException(nameof(preparation));
            }

            if (preparation.Errors.Count > 0)
            {
                throw new InvalidOperationException("The batch has errors; fix them before running it: " + preparation.Errors[0]);
            }

            Directory.CreateDirectory(_options.OutputDirectory);
            RemoveStaleParts(preparation.Plan);
            lock (_gate)
            {
                _records.Clear();
                foreach (var pair in preparation.Records)
                {
                    _records[pair.Key] = pair.Value.Copy();
                }
            }

            foreach (var id in preparation.Changed)
            {
                await _ledger.WriteLineAsync(Record(id), cancellationToken).ConfigureAwait(false);
            }

            var run = new Run(this, preparation.Plan, progress);
            var uploads = await UploadAllAsync(run, cancellationToken).ConfigureAwait(false);
            var tasks = preparation.Plan.Lines.Select(line => RunLineAsync(run, line, uploads, cancellationToken)).ToArray();
            var results = await Task.WhenAll(tasks).ConfigureAwait(false);
            return new ScenarioBatchResult(results, Spent());
        }

        private ScenarioBatchLineRecord Record(string id)
        {
            lock (_gate)
            {
                return _records[id].Copy();
            }
        }

        /// <summary>Writes a record: before a step with the caller's token, after a confirmed step always (CancellationToken.None).</summary>
        private async Task SaveAsync(ScenarioBatchLineRecord record, CancellationToken cancellationToken)
        {
            await _ledger.WriteLineAsync(record, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _records[record.Id] = record.Copy();
            }
        }

        private double Spent()
        {
            lock (_gate)
            {
                return _records.Values.Sum(r => r.Cost ?? 0);
            }
        }

        /// <summary>Billed cost so far plus the estimates of the jobs that may be running or ended without a known cost.</summary>
        private double CommittedLocked() =>
            _records.Values.Sum(r => (r.Cost ?? 0) + (r.State switch
            {
                ScenarioBatchLineState.Submitting or ScenarioBatchLineState.Submitted => r.Estimate ?? 0,
                ScenarioBatchLineState.Finished or ScenarioBatchLineState.Downloaded when r.Cost is null => r.Estimate ?? 0,
                _ => 0,
            }));

        /// <summary>Deletes the <c>.part</c> files of this batch's outputs left by a run that was killed mid-download.</summary>
        private void RemoveStaleParts(ScenarioBatchPlan plan)
        {
            var stems = new HashSet<string>(plan.Lines.Select(l => l.FileStem), StringComparer.OrdinalIgnoreCase);
            foreach (var part in Directory.EnumerateFiles(_options.OutputDirectory, "*.part"))
            {
                var name = Path.GetFileName(part);
                var dot = name.IndexOf('.');
                if (dot > 0 && stems.Contains(name.Substring(0, dot)))
                {
                    try
                    {
                        File.Delete(part);
                    }
                    catch (IOException)
                    {
                    }
                }
            }
        }

        /// <summary>The files of a line's stem already in the output folder (<c>&lt;stem&gt;.*</c> but <c>.part</c>).</summary>
        private IEnumerable<string> ExistingOutputs(ScenarioBatchLine line)
        {
            if (!Directory.Exists(_options.OutputDirectory))
            {
                return Array.Empty<string>();
            }

            return Directory.EnumerateFiles(_options.OutputDirectory, line.FileStem + ".*")
                .Where(f => !f.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(Path.GetFileName(f).Split('.')[0], line.FileStem, StringComparison.OrdinalIgnoreCase));
        }

        private sealed class Run
        {
            private readonly ScenarioBatch _batch;
            private readonly IProgress<ScenarioBatchUpdate>? _progress;

            public Run(ScenarioBatch batch, ScenarioBatchPlan plan, IProgress<ScenarioBatchUpdate>? progress)
            {
                _batch = batch;
                Plan = plan;
                _progress = progress;
                Slots = new SemaphoreSlim(batch._options.Concurrency, batch._options.Concurrency);
            }

            public ScenarioBatchPlan Plan { get; }

            public SemaphoreSlim Slots { get; }

            public void Report(ScenarioBatchLine line, ScenarioBatchLinePhase phase, string? jobId = null, string? status = null, double? progress = null, string? message = null) =>
                _progress?.Report(new ScenarioBatchUpdate(line, phase, jobId, status, progress, message, _batch.Spent()));
        }
    }
}
