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
                    var task = context.AddTask(Markup.Escape(label + " " + jobId + " queued"), maxValue: 100);
                    var progress = new InlineProgress(job =>
                    {
                        task.Description = Markup.Escape(label + " " + job.JobId + " " + job.Status);
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

        public static async Task<IReadOnlyList<string>> DownloadAsync(IAnsiConsole console, ScenarioClient client, ScenarioJob job, string outDir, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(outDir);
            var files = new List<string>();
            for (var i = 0; i < job.AssetIds.Count; i++)
            {
                var assetId = job.AssetIds[i];
                var asset = await client.GetAssetAsync(assetId, cancellationToken).ConfigureAwait(false);
                var name = job.JobId + (job.AssetIds.Count > 1 ? "-" + (i + 1) : "") + (asset.FileExtension ?? ".bin");
                var path = Path.GetFullPath(Path.Combine(outDir, name));
                await client.DownloadAssetAsync(assetId, path, cancellationToken).ConfigureAwait(false);
                console.MarkupLine("Saved [green]" + Markup.Escape(path) + "[/] (" + new FileInfo(path).Length + " bytes)");
                files.Add(path);
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
