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
        private async Task<ScenarioBatchLineResult?> WaitAsync(Run run, ScenarioBatchLine line, ScenarioBatchLineRecord record, CancellationToken cancellationToken)
        {
            var jobId = record.JobId!;
            run.Report(line, ScenarioBatchLinePhase.Running, jobId);
            ScenarioJob job;
            try
            {
                job = await _client.WaitForJobAsync(jobId, new JobProgress(run, line), cancellationToken).ConfigureAwait(false);
            }
            catch (ScenarioJobFailedException e)
            {
                record.State = ScenarioBatchLineState.Failed;
                record.Error = ScenarioBatchText.Safe(e.Status + ": " + (e.Reason ?? "no reason given"));
                record.Cost = Add(record.Cost, e.Job.Cost);
                await SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
                return End(run, line, ScenarioBatchLinePhase.Failed, record, "job " + ScenarioBatchText.Safe(jobId) + " " + record.Error + " (the next run submits it again)");
            }
            catch (Exception e) when (e is ScenarioException or HttpRequestException)
            {
                return End(run, line, ScenarioBatchLinePhase.Failed, record, "while waiting for job " + ScenarioBatchText.Safe(jobId) + ": " + ScenarioBatchText.Safe(e.Message) + " (the next run waits again)", serviceError: true);
            }

            record.State = ScenarioBatchLineState.Finished;
            record.Cost = Add(record.Cost, job.Cost);
            record.AssetIds = job.AssetIds.ToArray();
            await SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
            return null;
        }

        private async Task<ScenarioBatchLineResult> DownloadAsync(Run run, ScenarioBatchLine line, ScenarioBatchLineRecord record, CancellationToken cancellationToken)
        {
            if (record.AssetIds.Count == 0)
            {
                return End(run, line, ScenarioBatchLinePhase.Failed, record, "job " + ScenarioBatchText.Safe(record.JobId) + " succeeded without any output", serviceError: true);
            }

            run.Report(line, ScenarioBatchLinePhase.Downloading, record.JobId);
            var outputs = new List<ScenarioBatchOutputFile>();
            try
            {
                for (var i = 0; i < record.AssetIds.Count; i++)
                {
                    var asset = await _client.GetAssetAsync(record.AssetIds[i], cancellationToken).ConfigureAwait(false);
                    var name = OutputFileName(line, i, asset.FileExtension);
                    var path = Path.Combine(_options.OutputDirectory, name);
                    await _client.DownloadAssetAsync(record.AssetIds[i], path, cancellationToken).ConfigureAwait(false);
                    outputs.Add(new ScenarioBatchOutputFile(name, new FileInfo(path).Length));
                }
            }
            catch (Exception e) when (e is ScenarioException or HttpRequestException or IOException or UnauthorizedAccessException)
            {
                return End(run, line, ScenarioBatchLinePhase.Failed, record, "download failed: " + ScenarioBatchText.Safe(e.Message) + " (the next run downloads it again)", serviceError: true);
            }

            record.State = ScenarioBatchLineState.Downloaded;
            record.Outputs = outputs;
            await SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
            return End(run, line, ScenarioBatchLinePhase.Done, record, null);
        }

        private bool OutputsPresent(ScenarioBatchLineRecord record) =>
            record.Outputs.Count > 0 && record.Outputs.All(o =>
            {
                var file = new FileInfo(Path.Combine(_options.OutputDirectory, o.FileName));
                return file.Exists && file.Length == o.Size;
            });
    }
}
