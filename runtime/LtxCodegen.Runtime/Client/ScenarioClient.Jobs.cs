using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Http;
using LtxCodegen.Internal;
using LtxCodegen.Json;

namespace LtxCodegen
{
    public sealed partial class ScenarioClient
    {
        /// <summary>
        /// Validates, then submits a request. An invalid request throws <see cref="ScenarioValidationException"/> and sends nothing.
        /// In no-spend mode, or when the service's estimate is above <see cref="ScenarioClientOptions.MaxCostPerJob"/>, it throws
        /// <see cref="ScenarioSpendRefusedException"/> and sends no generate call. It waits for a slot under
        /// <see cref="ScenarioClientOptions.MaxConcurrentJobs"/> and on the service's parallel-jobs 429.
        /// The generate call is never retried once it may have reached the service: such a failure throws
        /// <see cref="ScenarioApiException"/> with <see cref="ScenarioApiException.JobMayExist"/> set (find the job with
        /// <see cref="FindSubmittedJobAsync"/>).
        /// </summary>
        public async Task<ScenarioJob> SubmitAsync(IScenarioRequest request, CancellationToken cancellationToken = default)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var modelId = CheckRequest(request);
            RefuseIfNoSpend("generate", modelId);
            var body = WriteBody(request);
            cancellationToken.ThrowIfCancellationRequested();
            await EnforceCostCapAsync(modelId, body, cancellationToken).ConfigureAwait(false);
            return await SubmitWithinLimitsAsync(modelId, body, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Sends one generate call (never retried once it may have arrived) and reads its job.</summary>
        private async Task<ScenarioJob> PostGenerateAsync(string modelId, byte[] body, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Log.Submitting(Logger, modelId);
            var relative = "generate/custom/" + PathSegment.Escape(modelId, nameof(modelId));
            using var doc = await _transport.PostJsonAsync(relative, body, createsJob: true, jobId: null, cancellationToken).ConfigureAwait(false);
            var job = ScenarioJson.ReadJob(doc.RootElement);
            if (job is null)
            {
                var error = _transport.Error(
                    ScenarioTransport.Describe(System.Net.Http.HttpMethod.Post, _transport.ApiUri(relative)),
                    System.Net.HttpStatusCode.OK,
                    new ErrorInfo("the response carries no job id", null, null),
                    null,
                    null,
                    jobMayExist: true,
                    null);
                Log.SubmitOutcomeUnknown(Logger, modelId, error.Reason!);
                throw error;
            }

            Log.Submitted(Logger, job.JobId, modelId, job.Cost);
            return job;
        }

        /// <summary>Reads a job once (retrying network errors, 408, 429 and 5xx; failing at once on other errors).</summary>
        public async Task<ScenarioJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default)
        {
            RequireId(jobId, nameof(jobId));
            ThrowIfDisposed();
            var (job, _) = await ReadJobAsync(jobId, cancellationToken).ConfigureAwait(false);
            return job;
        }

        /// <summary>
        /// Polls a job until it ends; reports progress on every change; throws <see cref="ScenarioJobFailedException"/> on failure,
        /// <see cref="ScenarioJobTimeoutException"/> after <see cref="ScenarioClientOptions.JobTimeout"/>, and
        /// <see cref="ScenarioWaitCanceledException"/> (an <see cref="OperationCanceledException"/>) at once when canceled.
        /// Every error carries the job id; calling this again resumes.
        /// </summary>
        public Task<ScenarioJob> WaitForJobAsync(string jobId, IProgress<ScenarioJob>? progress = null, CancellationToken cancellationToken = default)
        {
            RequireId(jobId, nameof(jobId));
            ThrowIfDisposed();
            return WaitCoreAsync(jobId, progress, null, cancellationToken);
        }

        /// <summary>
        /// Asks the service to cancel a job (<c>POST /jobs/{jobId}/action</c> with <c>{"action": "cancel"}</c>) and returns the
        /// job as the service answered. Waiting for it afterwards ends with a <see cref="ScenarioJobFailedException"/> (status <c>canceled</c>).
        /// </summary>
        public async Task<ScenarioJob> CancelJobAsync(string jobId, CancellationToken cancellationToken = default)
        {
            RequireId(jobId, nameof(jobId));
            ThrowIfDisposed();
            var relative = "jobs/" + PathSegment.Escape(jobId, nameof(jobId)) + "/action";
            using var doc = await _transport.PostJsonAsync(relative, System.Text.Encoding.UTF8.GetBytes("{\"action\":\"cancel\"}"), createsJob: false, jobId, cancellationToken).ConfigureAwait(false);
            return ScenarioJson.ReadJob(doc.RootElement) ?? new ScenarioJob(jobId, "canceled");
        }

        /// <summary>Submits a request and waits for its job to finish. The first progress report is the submitted job.</summary>
        public async Task<ScenarioJob> RunAsync(IScenarioRequest request, IProgress<ScenarioJob>? progress = null, CancellationToken cancellationToken = default)
        {
            var job = await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
            progress?.Report(job);
            if (job.IsTerminal)
            {
                return Finish(job);
            }

            return await WaitCoreAsync(job.JobId, progress, job, cancellationToken).ConfigureAwait(false);
        }

        private async Task<ScenarioJob> WaitCoreAsync(string jobId, IProgress<ScenarioJob>? progress, ScenarioJob? lastReported, CancellationToken cancellationToken)
        {
            var stopwatch = Stopwatch.StartNew();
            var timeout = Settings.JobTimeout;
            var interval = Settings.PollInterval;
            var last = lastReported;
            var first = lastReported is null;
            double? lastRemaining = null;
            while (true)
            {
                ScenarioJob job;
                double? remainingSeconds;
                try
                {
                    if (!first)
                    {
                        var delay = NextPollDelay(interval, lastRemaining);
                        if (timeout != Timeout.InfiniteTimeSpan)
                        {
                            var left = timeout - stopwatch.Elapsed;
                            if (left <= TimeSpan.Zero)
                            {
                                Log.JobWaitStopped(Logger, jobId, "timed out");
                                throw new ScenarioJobTimeoutException(last ?? new ScenarioJob(jobId, "unknown"), timeout);
                            }

                            delay = delay > left ? left : delay;
                        }

                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                        interval = TimeSpan.FromTicks(Math.Min(Settings.MaxPollInterval.Ticks, (long)(interval.Ticks * 1.5)));
                    }

                    first = false;
                    (job, remainingSeconds) = await ReadJobAsync(jobId, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    Log.JobWaitStopped(Logger, jobId, "canceled");
                    throw new ScenarioWaitCanceledException(jobId, last, cancellationToken);
                }

                lastRemaining = remainingSeconds;
                if (last is null || HasChanged(last, job))
                {
                    Log.JobProgress(Logger, job);
                    progress?.Report(job);
                }

                last = job;
                if (job.IsTerminal)
                {
                    return Finish(job);
                }
            }
        }

        private ScenarioJob Finish(ScenarioJob job)
        {
            if (job.IsSuccess)
            {
                Log.JobSucceeded(Logger, job);
                return job;
            }

            Log.JobFailed(Logger, job);
            throw new ScenarioJobFailedException(job);
        }

        /// <summary>
        /// The next poll delay: the growing interval with jitter; when the job says how many seconds remain, that
        /// estimate instead, kept between <see cref="ScenarioClientOptions.PollInterval"/> and <see cref="ScenarioClientOptions.MaxPollInterval"/>.
        /// </summary>
        private TimeSpan NextPollDelay(TimeSpan interval, double? remainingSeconds)
        {
            var ms = ScenarioTransport.Jitter(interval.TotalMilliseconds);
            if (remainingSeconds is double r && r >= 0 && !double.IsInfinity(r))
            {
                ms = r * 1000;
            }

            ms = Math.Max(Settings.PollInterval.TotalMilliseconds, Math.Min(ms, Settings.MaxPollInterval.TotalMilliseconds));
            return TimeSpan.FromMilliseconds(ms);
        }

        private async Task<(ScenarioJob Job, double? RemainingSeconds)> ReadJobAsync(string jobId, CancellationToken cancellationToken)
        {
            var relative = "jobs/" + PathSegment.Escape(jobId, nameof(jobId));
            using var doc = await _transport.GetJsonAsync(relative, jobId, cancellationToken).ConfigureAwait(false);
            var job = ScenarioJson.ReadJob(doc.RootElement);
            if (job is null)
            {
                throw _transport.Error(
                    ScenarioTransport.Describe(System.Net.Http.HttpMethod.Get, _transport.ApiUri(relative)),
                    System.Net.HttpStatusCode.OK,
                    new ErrorInfo("the response carries no job", null, null),
                    jobId,
                    null,
                    false,
                    null);
            }

            if (job.Error is string error && Settings.Redactor.Redact(error) is var safe && !ReferenceEquals(safe, error))
            {
                // A reason that echoes the credentials must not carry them into exceptions and logs.
                job = new ScenarioJob(job.JobId, job.Status, job.Progress, job.AssetIds, safe, job.Cost, job.JobType, job.OutputEntityId);
            }

            Settings.Slots.Observe(job);
            return (job, ScenarioJson.RemainingSeconds(doc.RootElement));
        }

        private static bool HasChanged(ScenarioJob before, ScenarioJob now) =>
            !string.Equals(before.Status, now.Status, StringComparison.Ordinal) ||
            before.Progress != now.Progress ||
            before.AssetIds.Count != now.AssetIds.Count ||
            !string.Equals(before.Error, now.Error, StringComparison.Ordinal);

        private static byte[] WriteBody(IScenarioRequest request)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                request.WriteJson(writer);
                writer.Flush();
            }

            return buffer.ToArray();
        }
    }
}
