using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace LtxCodegen.Cli
{
    /// <summary>Waits for a job with a live progress bar, then downloads its outputs.</summary>
    internal static class JobRunner
    {
        public static async Task<ScenarioJob> WaitAsync(IAnsiConsole console, ScenarioClient client, string jobId, string label, CancellationToken cancellationToken)
        {
            ScenarioJob? final = null;
            await console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(Markup.Escape(TerminalText.StripControls(label + " " + jobId) + " queued"), maxValue: 100);
                    var progress = new InlineProgress(job =>
                    {
                        task.Description = Markup.Escape(TerminalText.StripControls(label + " " + jobId + " " + job.Status));
                        if (job.Progress is double p)
                        {
                            task.Value = Math.Clamp(p * 100, 0, 100);
                        }

                        if (job.IsSuccess)
                        {
                            task.Value = 100;
                        }
                    });
                    try
                    {
                        final = await client.WaitForJobAsync(jobId, progress, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        task.StopTask();
                    }
                }).ConfigureAwait(false);
            return final!;
        }

        /// <summary>Most outputs one job may download (a server announcing more is refused, nothing is written).</summary>
        public const int MaxOutputs = 256;

        /// <summary>
        /// Downloads the job's outputs into <paramref name="outDir"/> as <c>output-{yyyyMMdd-HHmmss}.{ext}</c> (a name no
        /// file there has yet). Prefer the overload with an <see cref="OutputFolder"/> checked before submitting.
        /// </summary>
        public static Task<IReadOnlyList<string>> DownloadAsync(IAnsiConsole console, ScenarioClient client, ScenarioJob job, string outDir, CancellationToken cancellationToken)
        {
            var folder = OutputFolder.Prepare(outDir);
            var stem = folder.UniqueStem("output-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            return DownloadAsync(console, client, job, folder, stem, cancellationToken);
        }

        /// <summary>
        /// Downloads the job's outputs into <paramref name="folder"/> as <c>{stem}.{ext}</c> (or <c>{stem}-1.{ext}</c>, ...):
        /// names from the CLI's own values, never from the server's answer.
        /// </summary>
        public static async Task<IReadOnlyList<string>> DownloadAsync(IAnsiConsole console, ScenarioClient client, ScenarioJob job, OutputFolder folder, string stem, CancellationToken cancellationToken)
        {
            if (job.AssetIds.Count > MaxOutputs)
            {
                throw new ScenarioApiException(
                    "The service announced " + job.AssetIds.Count + " outputs for one job (at most " + MaxOutputs + " are downloaded); nothing was written.",
                    null, null, null, "GET /v1/jobs/" + job.JobId, job.JobId);
            }

            var files = new List<string>();
            for (var i = 0; i < job.AssetIds.Count; i++)
            {
                var assetId = job.AssetIds[i];
                var asset = await client.GetAssetAsync(assetId, cancellationToken).ConfigureAwait(false);
                var path = folder.PathFor(stem, i, job.AssetIds.Count, asset.FileExtension);
                var replaced = File.Exists(path);
                await client.DownloadAssetAsync(assetId, path, cancellationToken).ConfigureAwait(false);
                console.MarkupLine("Saved [green]" + Markup.Escape(path) + "[/] (" + new FileInfo(path).Length + " bytes" + (replaced ? ", replaced the earlier file" : "") + ")");
                files.Add(path);
            }

            if (files.Count == 0)
            {
                console.WriteLine("The job finished with no outputs.");
            }

            return files;
        }

        private sealed class InlineProgress : IProgress<ScenarioJob>
        {
            private readonly Action<ScenarioJob> _report;

            public InlineProgress(Action<ScenarioJob> report) => _report = report;

            public void Report(ScenarioJob value) => _report(value);
        }
    }
}
