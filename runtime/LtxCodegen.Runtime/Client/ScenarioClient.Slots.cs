using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Internal;
using LtxCodegen.Json;

namespace LtxCodegen
{
    public sealed partial class ScenarioClient
    {
        private readonly SemaphoreSlim _slotPoller = new SemaphoreSlim(1, 1);
        private JobSlots? _slots;

        /// <summary>
        /// This client's jobs in flight: submitted (or being submitted) and not yet seen finished. A job leaves when the client
        /// reads it in a terminal status (<see cref="WaitForJobAsync"/>, <see cref="GetJobAsync"/>, or the slot wait's own polling).
        /// </summary>
        public int JobsInFlight => Slots.InUse;

        private JobSlots Slots => LazyInitializer.EnsureInitialized(ref _slots, () => new JobSlots(Settings.MaxConcurrentJobs))!;

        /// <summary>
        /// Sends a validated, priced generate body within the concurrency limits: waits for a client slot
        /// (<see cref="ScenarioClientOptions.MaxConcurrentJobs"/>), sends once, and on the service's parallel-jobs 429 waits for
        /// a slot and sends again. Every other failure propagates unchanged (a lost answer stays <c>JobMayExist</c>).
        /// </summary>
        private async Task<ScenarioJob> SubmitWithinLimitsAsync(string modelId, byte[] body, CancellationToken cancellationToken)
        {
            var waited = Stopwatch.StartNew();
            for (var attempt = 0; ; attempt++)
            {
                await ReserveSlotAsync(modelId, waited, cancellationToken).ConfigureAwait(false);
                ScenarioJob job;
                try
                {
                    job = await PostGenerateAsync(modelId, body, cancellationToken).ConfigureAwait(false);
                }
                catch (ScenarioApiException ex) when (ex.IsParallelJobLimit)
                {
                    // Sending again after this answer cannot pay twice. The 429 is a complete HTTP response that we read to
                    // its end (the body names the limit), so the call did not get lost on the way: the service received it
                    // and answered. What it answered is a refusal from its admission check: "parallel-custom-jobs" counts the
                    // jobs already running against the team's actionLimit and rejects the new one *instead of* creating it;
                    // an accepted call answers 200 with a job id, and there is no answer that both creates a job and reports
                    // 429 (the transport likewise treats every 4xx but 408 as "nothing created"). So the generate call was not
                    // accepted, no job exists for it, and it is sent again only once a slot has plausibly freed up.
                    Slots.Release();
                    await WaitAfterParallelLimitAsync(modelId, ex, attempt, waited, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch
                {
                    Slots.Release();
                    throw;
                }

                Slots.Commit(job);
                return job;
            }
        }

        /// <summary>Waits until the client's own limit lets one more job in, polling the client's jobs meanwhile.</summary>
        private async Task ReserveSlotAsync(string modelId, Stopwatch waited, CancellationToken cancellationToken)
        {
            var logged = false;
            var interval = Settings.PollInterval;
            while (!Slots.TryReserve(out var changed))
            {
                var left = SlotTimeLeft(waited);
                if (left <= TimeSpan.Zero)
                {
                    throw SlotTimeout(modelId, "this client's " + Settings.MaxConcurrentJobs + " job(s) in flight (ScenarioClientOptions.MaxConcurrentJobs) did not finish", null);
                }

                if (!logged)
                {
                    SpendLog.WaitingForSlot(Logger, modelId, "the client's limit of " + Settings.MaxConcurrentJobs + " job(s) in flight is reached");
                    logged = true;
                }

                var step = Min(interval, left);
                if (!await WaitOrTimeAsync(changed, step, cancellationToken).ConfigureAwait(false))
                {
                    await PollJobsInFlightAsync(cancellationToken).ConfigureAwait(false);
                    interval = Min(Settings.MaxPollInterval, TimeSpan.FromTicks((long)(interval.Ticks * 1.5)));
                }
            }
        }

        /// <summary>
        /// After a parallel-jobs 429: when this client has jobs in flight, waits until one of them finishes (polling them), for
        /// at most <see cref="ScenarioClientOptions.MaxRetryDelay"/> in case another process's job frees a slot first; when the
        /// running jobs are another process's, a bounded backoff (the 429's <c>remainingSeconds</c>, else exponential, capped
        /// by <see cref="ScenarioClientOptions.MaxRetryDelay"/>). The whole wait is bounded by <see cref="ScenarioClientOptions.SlotWaitTimeout"/>.
        /// </summary>
        private async Task WaitAfterParallelLimitAsync(string modelId, ScenarioApiException limit, int attempt, Stopwatch waited, CancellationToken cancellationToken)
        {
            var left = SlotTimeLeft(waited);
            if (left <= TimeSpan.Zero)
            {
                throw SlotTimeout(modelId, "the service's parallel-jobs limit" + LimitText(limit) + " stayed reached", limit);
            }

            var finished = Slots.Finished;
            var ours = Slots.InFlight().Length;
            var delay = ours > 0 ? Settings.MaxRetryDelay : _transport.RetryDelay(attempt, limit.RetryAfter);
            delay = Min(delay, left);
            SpendLog.WaitingForSlot(Logger, modelId, ours > 0
                ? "the service's parallel-jobs limit" + LimitText(limit) + " is reached; waiting for one of this client's " + ours + " job(s) to finish"
                : "the service's parallel-jobs limit" + LimitText(limit) + " is reached by other jobs; retrying in " + Math.Round(delay.TotalMilliseconds) + " ms");
            var stop = Stopwatch.StartNew();
            var interval = Settings.PollInterval;
            while (!finished.IsCompleted)
            {
                var remaining = delay - stop.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    return;
                }

                var step = ours > 0 ? Min(interval, remaining) : remaining;
                if (!await WaitOrTimeAsync(finished, step, cancellationToken).ConfigureAwait(false) && ours > 0)
                {
                    await PollJobsInFlightAsync(cancellationToken).ConfigureAwait(false);
                    interval = Min(Settings.MaxPollInterval, TimeSpan.FromTicks((long)(interval.Ticks * 1.5)));
                }
            }
        }

        /// <summary>Reads each of this client's jobs in flight once (one poller at a time), so finished ones free their slots.</summary>
        private async Task PollJobsInFlightAsync(CancellationToken cancellationToken)
        {
            if (!await _slotPoller.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            try
            {
                foreach (var jobId in Slots.InFlight())
                {
                    try
                    {
                        await ReadJobAsync(jobId, cancellationToken).ConfigureAwait(false);
                    }
                    catch (ScenarioApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                    {
                        // The service no longer knows the job: it cannot hold a slot.
                        Slots.Forget(jobId);
                    }
                    catch (ScenarioApiException)
                    {
                        // Unreadable for now (already retried): it keeps its slot; the next poll tries again.
                    }
                }
            }
            finally
            {
                _slotPoller.Release();
            }
        }

        /// <summary>True when <paramref name="signal"/> completed within <paramref name="wait"/>; throws when canceled.</summary>
        private static async Task<bool> WaitOrTimeAsync(Task signal, TimeSpan wait, CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(wait, stop.Token);
            var winner = await Task.WhenAny(signal, delay).ConfigureAwait(false);
            stop.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return winner == signal;
        }

        private TimeSpan SlotTimeLeft(Stopwatch waited) =>
            Settings.SlotWaitTimeout == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : Settings.SlotWaitTimeout - waited.Elapsed;

        private ScenarioApiException SlotTimeout(string modelId, string why, ScenarioApiException? limit)
        {
            var reason = "no slot for a new " + modelId + " job within " + Settings.SlotWaitTimeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) +
                         " s (ScenarioClientOptions.SlotWaitTimeout): " + why + ". Nothing was created";
            var path = Http.ScenarioTransport.Describe(System.Net.Http.HttpMethod.Post, _transport.ApiUri("generate/custom/" + Uri.EscapeDataString(modelId)));
            return _transport.Error(path, limit?.StatusCode, new ErrorInfo(reason, limit?.TraceId, null, limit?.ActionName, limit?.ActionLimit), null, null, false, limit);
        }

        private static string LimitText(ScenarioApiException limit) =>
            limit.ActionLimit is int n ? " (" + n + ")" : "";

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
