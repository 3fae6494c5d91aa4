using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Batch
{
    public sealed partial class ScenarioBatch
    {
        /// <summary>At most this many generate POSTs per line in one run (a resubmit after a proven loss counts).</summary>
        private const int MaxSubmitsPerRun = 2;

        private async Task<ScenarioBatchLineResult> RunLineAsync(Run run, ScenarioBatchLine line, Uploads uploads, CancellationToken cancellationToken)
        {
            var record = Record(line.Id);
            if (record.State == ScenarioBatchLineState.Downloaded && OutputsPresent(record))
            {
                run.Report(line, ScenarioBatchLinePhase.Done, record.JobId);
                return Result(line, ScenarioBatchLinePhase.Done, record, alreadyDone: true);
            }

            try
            {
                await run.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return End(run, line, ScenarioBatchLinePhase.Interrupted, Record(line.Id), "interrupted before it started");
            }

            try
            {
                return await StepAsync(run, line, uploads, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return End(run, line, ScenarioBatchLinePhase.Interrupted, Record(line.Id), "interrupted; the next run resumes it");
            }
            finally
            {
                run.Slots.Release();
            }
        }

        private async Task<ScenarioBatchLineResult> StepAsync(Run run, ScenarioBatchLine line, Uploads uploads, CancellationToken cancellationToken)
        {
            var submits = 0;
            while (true)
            {
                var record = Record(line.Id);
                switch (record.State)
                {
                    case ScenarioBatchLineState.Downloaded:
                        if (OutputsPresent(record))
                        {
                            return End(run, line, ScenarioBatchLinePhase.Done, record, null);
                        }

                        record.State = ScenarioBatchLineState.Finished;
                        await SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
                        break;

                    case ScenarioBatchLineState.Pending:
                    case ScenarioBatchLineState.Failed:
                        if (submits >= MaxSubmitsPerRun)
                        {
                            return End(run, line, ScenarioBatchLinePhase.Failed, record, "gave up after " + submits + " submits in this run (the service lost the answers); rerun to try again", serviceError: true);
                        }

                        var assets = uploads.AssetsFor(line, out var problem, out var needsDecision, out var refused);
                        if (assets is null)
                        {
                            return End(run, line, needsDecision ? ScenarioBatchLinePhase.NeedsDecision : ScenarioBatchLinePhase.Failed, record, problem, serviceError: !needsDecision && !refused);
                        }

                        submits++;
                        var ended = await SubmitAsync(run, line, new ScenarioBatchRequest(line, assets), record, cancellationToken).ConfigureAwait(false);
                        if (ended is not null)
                        {
                            return ended;
                        }

                        break;

                    case ScenarioBatchLineState.Submitting:
                        var mapped = uploads.AssetsFor(line, out var missing, out _, out _);
                        if (mapped is null)
                        {
                            return End(run, line, ScenarioBatchLinePhase.NeedsDecision, record,
                                "an earlier submit may have reached the service, and its job cannot be looked up: " + missing + ". Rerun with resubmit-unknown to pay again.");
                        }

                        var unresolved = await ReconcileAsync(run, line, new ScenarioBatchRequest(line, mapped), record, cancellationToken).ConfigureAwait(false);
                        if (unresolved is not null)
                        {
                            return unresolved;
                        }

                        break;

                    case ScenarioBatchLineState.Submitted:
                        var failed = await WaitAsync(run, line, record, cancellationToken).ConfigureAwait(false);
                        if (failed is not null)
                        {
                            return failed;
                        }

                        break;

                    case ScenarioBatchLineState.Finished:
                        return await DownloadAsync(run, line, record, cancellationToken).ConfigureAwait(false);

                    default:
                        throw new InvalidOperationException("Unknown ledger state " + record.State + " for line " + line.Id + ".");
                }
            }
        }

        /// <summary>Sends the generate POST once; null when the line moved on (submitted, or back to be reconciled).</summary>
        private async Task<ScenarioBatchLineResult?> SubmitAsync(Run run, ScenarioBatchLine line, ScenarioBatchRequest request, ScenarioBatchLineRecord record, CancellationToken cancellationToken)
        {
            if (record.Estimate is null)
            {
                // Not priced before its inputs were uploaded: price it now, before anything is generated.
                try
                {
                    record.Estimate = await EstimateAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (ScenarioApiException e) when (e.StatusCode is not null && !e.JobMayExist)
                {
                    return End(run, line, ScenarioBatchLinePhase.Failed, record, "the service refused to price it: " + ScenarioBatchText.Safe(e.Message), serviceError: !IsRefusal(e));
                }

                await SaveAsync(record, cancellationToken).ConfigureAwait(false);
            }

            lock (_gate)
            {
                if (_options.MaxCost is double cap && CommittedLocked() + (record.Estimate ?? 0) > cap + 1e-9)
                {
                    return End(run, line, ScenarioBatchLinePhase.OverBudget, record,
                        "not sent: with the jobs billed and running, its estimate of " + Units(record.Estimate ?? 0) + " would go over the cap of " + Units(cap));
                }

                // Count it as committed at once so that parallel lines see it.
                var claim = _records[line.Id].Copy();
                claim.State = ScenarioBatchLineState.Submitting;
                _records[line.Id] = claim;
            }

            run.Report(line, ScenarioBatchLinePhase.Submitting);
            record.State = ScenarioBatchLineState.Submitting;
            record.SubmittingAt = _options.Clock();
            record.Attempts++;
            record.JobId = null;
            record.Error = null;
            record.AssetIds = Array.Empty<string>();
            try
            {
                await SaveAsync(record, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Not recorded, so not sent: release the claim.
                lock (_gate)
                {
                    var back = record.Copy();
                    back.State = ScenarioBatchLineState.Pending;
                    back.Attempts--;
                    _records[line.Id] = back;
                }

                throw;
            }

            ScenarioJob job;
            try
            {
                job = await _client.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ScenarioApiException e) when (!e.JobMayExist)
            {
                // Refused, or never sent: provably no job. The next run sends it again.
                record.State = ScenarioBatchLineState.Pending;
                record.Error = ScenarioBatchText.Safe(e.Message);
                await SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
                return End(run, line, ScenarioBatchLinePhase.Failed, record, "submit refused: " + record.Error, serviceError: true);
            }
            catch (ScenarioSpendRefusedException e)
            {
                // Refused by the client before anything was sent (no-spend mode, per-job cap).
                record.State = ScenarioBatchLineState.Pending;
                record.Error = ScenarioBatchText.Safe(e.Message);
                await SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
                return End(run, line, ScenarioBatchLinePhase.Failed, record, record.Error);
            }
            catch (ScenarioValidationException e)
            {
                record.State = ScenarioBatchLineState.Pending;
                record.Error = ScenarioBatchText.Safe(e.Message);
                await SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
                return End(run, line, ScenarioBatchLinePhase.Failed, record, "invalid request: " + record.Error);
            }
            catch (ScenarioApiException e)
            {
                // The job may exist: look for it (the record stays "submitting" until that is settled).
                run.Report(line, ScenarioBatchLinePhase.Reconciling, message: ScenarioBatchText.Safe(e.Message));
                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return End(run, line, ScenarioBatchLinePhase.Failed, record,
                    "the submit ended without an answer (" + ScenarioBatchText.Safe(e.Message) + "); the next run looks for its job before sending anything", serviceError: true);
            }

            record.State = ScenarioBatchLineState.Submitted;
            record.JobId = job.JobId;
            await SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
            run.Report(line, ScenarioBatchLinePhase.Running, job.JobId, job.Status, job.Progress);
            return null;
        }

        /// <summary>
        /// Settles a submit whose answer was lost: its job found in the job list → submitted; proven absent (the list, read
        /// after the settle time, has no match) → pending again; otherwise the line needs a decision.
        /// </summary>
        private async Task<ScenarioBatchLineResult?> ReconcileAsync(Run run, ScenarioBatchLine line, ScenarioBatchRequest request, ScenarioBatchLineRecord record, CancellationToken cancellationToken)
        {
            run.Report(line, ScenarioBatchLinePhase.Reconciling);
            var submittedAt = record.SubmittingAt ?? DateTimeOffset.MinValue;
            var settle = submittedAt + _options.ReconcileSettleTime - _options.Clock();
            if (settle > TimeSpan.Zero)
            {
                await Task.Delay(settle, cancellationToken).ConfigureAwait(false);
            }

            var lookup = await FindSubmittedAsync(line.Id, request, submittedAt, cancellationToken).ConfigureAwait(false);
            if (lookup.Job is ScenarioJob job)
            {
                var owner = TryClaim(line.Id, job.JobId);
                if (owner is null)
                {
                    record.State = ScenarioBatchLineState.Submitted;
                    record.JobId = job.JobId;
                    record.Error = null;
                    await SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
                    run.Report(line, ScenarioBatchLinePhase.Running, job.JobId, job.Status, job.Progress);
                    return null;
                }

                lookup = new Lookup(null, false, "the matching job, " + ScenarioBatchText.Safe(job.JobId) + ", belongs to line '" + ScenarioBatchText.Safe(owner) + "' (an identical request)");
            }

            if (lookup.ProvedAbsent || _options.ResubmitUnknown)
            {
                record.State = ScenarioBatchLineState.Pending;
                record.Error = lookup.ProvedAbsent ? "an earlier submit never reached the service (no matching job listed)" : "sent again on request (resubmit unknown): " + lookup.Problem;
                await SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
                return null;
            }

            return End(run, line, ScenarioBatchLinePhase.NeedsDecision, record,
                "an earlier submit may have reached the service and its job cannot be told apart: " + lookup.Problem + ". Check the job list; rerun with resubmit-unknown to pay again.");
        }

        private ScenarioBatchLineResult End(Run run, ScenarioBatchLine line, ScenarioBatchLinePhase phase, ScenarioBatchLineRecord record, string? error, bool serviceError = false)
        {
            run.Report(line, phase, record.JobId, message: error);
            return Result(line, phase, record, alreadyDone: false, error, serviceError);
        }

        private ScenarioBatchLineResult Result(ScenarioBatchLine line, ScenarioBatchLinePhase phase, ScenarioBatchLineRecord record, bool alreadyDone, string? error = null, bool serviceError = false) =>
            new ScenarioBatchLineResult(line, phase, record.JobId,
                phase == ScenarioBatchLinePhase.Done ? record.Outputs.Select(o => Path.Combine(_options.OutputDirectory, o.FileName)).ToArray() : Array.Empty<string>(),
                record.Cost, error, serviceError, alreadyDone);

        private static double? Add(double? total, double? cost) => cost is double c ? (total ?? 0) + c : total;

        private sealed class JobProgress : IProgress<ScenarioJob>
        {
            private readonly Run _run;
            private readonly ScenarioBatchLine _line;

            public JobProgress(Run run, ScenarioBatchLine line)
            {
                _run = run;
                _line = line;
            }

            public void Report(ScenarioJob value) => _run.Report(_line, ScenarioBatchLinePhase.Running, value.JobId, value.Status, value.Progress);
        }
    }
}
