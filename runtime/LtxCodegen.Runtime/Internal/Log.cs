using System;
using Microsoft.Extensions.Logging;

namespace LtxCodegen.Internal
{
    /// <summary>Precompiled log lines. None of them carries credentials, headers or signed URL query strings.</summary>
    internal static class Log
    {
        private static readonly Action<ILogger, string, int, Exception?> s_validationFailed = LoggerMessage.Define<string, int>(
            LogLevel.Warning, ScenarioLogEvents.ValidationFailed, "Request for {ModelId} refused before sending: {ErrorCount} validation error(s)");

        private static readonly Action<ILogger, string, Exception?> s_submitting = LoggerMessage.Define<string>(
            LogLevel.Debug, ScenarioLogEvents.Submitting, "Submitting a job to {ModelId}");

        private static readonly Action<ILogger, string, string, string, Exception?> s_submitted = LoggerMessage.Define<string, string, string>(
            LogLevel.Information, ScenarioLogEvents.Submitted, "Submitted job {JobId} to {ModelId} (cost {Cost})");

        private static readonly Action<ILogger, string, string, Exception?> s_submitOutcomeUnknown = LoggerMessage.Define<string, string>(
            LogLevel.Error, ScenarioLogEvents.SubmitOutcomeUnknown, "Generate request to {ModelId} failed after it may have reached the service; a job may exist and was not resubmitted: {Reason}");

        private static readonly Action<ILogger, string, string, string, Exception?> s_jobProgress = LoggerMessage.Define<string, string, string>(
            LogLevel.Debug, ScenarioLogEvents.JobProgress, "Job {JobId} is {Status} ({Progress})");

        private static readonly Action<ILogger, string, int, Exception?> s_jobSucceeded = LoggerMessage.Define<string, int>(
            LogLevel.Information, ScenarioLogEvents.JobSucceeded, "Job {JobId} succeeded with {AssetCount} asset(s)");

        private static readonly Action<ILogger, string, string, string, Exception?> s_jobFailed = LoggerMessage.Define<string, string, string>(
            LogLevel.Warning, ScenarioLogEvents.JobFailed, "Job {JobId} ended with status {Status}: {Reason}");

        private static readonly Action<ILogger, string, string, Exception?> s_jobWaitStopped = LoggerMessage.Define<string, string>(
            LogLevel.Information, ScenarioLogEvents.JobWaitStopped, "Stopped waiting for job {JobId} ({Why}); resume with WaitForJobAsync");

        private static readonly Action<ILogger, string, string, int, int, double, Exception?> s_retrying = LoggerMessage.Define<string, string, int, int, double>(
            LogLevel.Warning, ScenarioLogEvents.Retrying, "{RequestPath} failed ({Failure}); retry {Attempt} of {MaxRetries} in {DelayMs} ms");

        private static readonly Action<ILogger, string, string, Exception?> s_requestFailed = LoggerMessage.Define<string, string>(
            LogLevel.Warning, ScenarioLogEvents.RequestFailed, "{RequestPath} failed: {Failure}");

        private static readonly Action<ILogger, string, string, Exception?> s_downloading = LoggerMessage.Define<string, string>(
            LogLevel.Debug, ScenarioLogEvents.Downloading, "Downloading asset {AssetId} to {Destination}");

        private static readonly Action<ILogger, string, long, Exception?> s_downloaded = LoggerMessage.Define<string, long>(
            LogLevel.Information, ScenarioLogEvents.Downloaded, "Downloaded asset {AssetId} ({Bytes} bytes)");

        private static readonly Action<ILogger, string, int, Exception?> s_downloadUrlExpired = LoggerMessage.Define<string, int>(
            LogLevel.Information, ScenarioLogEvents.DownloadUrlExpired, "Download URL of asset {AssetId} was refused with {StatusCode}; fetching a fresh one");

        private static readonly Action<ILogger, string, long, string, Exception?> s_uploading = LoggerMessage.Define<string, long, string>(
            LogLevel.Debug, ScenarioLogEvents.Uploading, "Uploading {Name} ({Bytes} bytes) as {Method}");

        private static readonly Action<ILogger, string, string, Exception?> s_uploaded = LoggerMessage.Define<string, string>(
            LogLevel.Information, ScenarioLogEvents.Uploaded, "Uploaded {Name} as asset {AssetId}");

        public static void ValidationFailed(ILogger l, string modelId, int count) => s_validationFailed(l, modelId, count, null);
        public static void Submitting(ILogger l, string modelId) => s_submitting(l, modelId, null);
        // The lines below format an argument: only when the level is on (they run on every submit and poll).
        public static void Submitted(ILogger l, string jobId, string modelId, double? cost)
        {
            if (l.IsEnabled(LogLevel.Information))
            {
                s_submitted(l, jobId, modelId, cost?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", null);
            }
        }

        public static void SubmitOutcomeUnknown(ILogger l, string modelId, string reason) => s_submitOutcomeUnknown(l, modelId, reason, null);
        public static void JobProgress(ILogger l, ScenarioJob job)
        {
            if (l.IsEnabled(LogLevel.Debug))
            {
                s_jobProgress(l, job.JobId, job.Status, job.Progress?.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) ?? "no progress", null);
            }
        }

        public static void JobSucceeded(ILogger l, ScenarioJob job) => s_jobSucceeded(l, job.JobId, job.AssetIds.Count, null);
        public static void JobFailed(ILogger l, ScenarioJob job) => s_jobFailed(l, job.JobId, job.Status, job.Error ?? "no reason given", null);
        public static void JobWaitStopped(ILogger l, string jobId, string why) => s_jobWaitStopped(l, jobId, why, null);
        public static void Retrying(ILogger l, string path, string failure, int attempt, int max, TimeSpan delay) =>
            s_retrying(l, path, failure, attempt, max, Math.Round(delay.TotalMilliseconds), null);
        public static void RequestFailed(ILogger l, string path, string failure) => s_requestFailed(l, path, failure, null);
        public static void Downloading(ILogger l, string assetId, string destination) => s_downloading(l, assetId, destination, null);
        public static void Downloaded(ILogger l, string assetId, long bytes) => s_downloaded(l, assetId, bytes, null);
        public static void DownloadUrlExpired(ILogger l, string assetId, int status) => s_downloadUrlExpired(l, assetId, status, null);
        public static void Uploading(ILogger l, string name, long bytes, string method) => s_uploading(l, name, bytes, method, null);
        public static void Uploaded(ILogger l, string name, string assetId) => s_uploaded(l, name, assetId, null);
    }
}
