using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen
{
    /// <summary>
    /// Everything <see cref="ScenarioClient"/> does, as an interface: take this in your services and replace it with a
    /// hand-written fake in tests. The generated <c>Run{Model}Async</c> / <c>Submit{Model}Async</c> methods extend it,
    /// and <c>AddScenarioClient</c> registers it.
    /// </summary>
    public interface IScenarioClient
    {
        /// <summary>The API root the client calls (ending in <c>/v1/</c>).</summary>
        Uri BaseAddress { get; }

        /// <summary>
        /// Validates, then submits a request. An invalid request throws <see cref="ScenarioValidationException"/> and sends nothing.
        /// The generate call is never retried once it may have reached the service.
        /// </summary>
        Task<ScenarioJob> SubmitAsync(IScenarioRequest request, CancellationToken cancellationToken = default);

        /// <summary>
        /// Prices a request without running it (<c>?dryRun=true</c>: nothing runs, nothing is charged). An invalid request
        /// throws <see cref="ScenarioValidationException"/> and sends nothing.
        /// </summary>
        Task<ScenarioCostEstimate> EstimateCostAsync(IScenarioRequest request, CancellationToken cancellationToken = default);

        /// <summary>
        /// Finds the job a submit created when its answer was lost (<see cref="ScenarioApiException.JobMayExist"/>), without
        /// paying twice: only reads.
        /// </summary>
        Task<ScenarioJobSearchResult> FindSubmittedJobAsync(IScenarioRequest request, DateTimeOffset since, IEnumerable<string>? excludeJobIds = null, CancellationToken cancellationToken = default);

        /// <summary>Reads a job once.</summary>
        Task<ScenarioJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default);

        /// <summary>
        /// Polls a job until it ends; reports progress on every change; throws <see cref="ScenarioJobFailedException"/> on failure,
        /// <see cref="ScenarioJobTimeoutException"/> on timeout and <see cref="ScenarioWaitCanceledException"/> when canceled.
        /// </summary>
        Task<ScenarioJob> WaitForJobAsync(string jobId, IProgress<ScenarioJob>? progress = null, CancellationToken cancellationToken = default);

        /// <summary>Asks the service to cancel a job and returns the job as the service answered.</summary>
        Task<ScenarioJob> CancelJobAsync(string jobId, CancellationToken cancellationToken = default);

        /// <summary>Submits a request and waits for its job to finish. The first progress report is the submitted job.</summary>
        Task<ScenarioJob> RunAsync(IScenarioRequest request, IProgress<ScenarioJob>? progress = null, CancellationToken cancellationToken = default);

        /// <summary>Uploads a local file and returns the new asset id (content type from the extension).</summary>
        Task<string> UploadAssetAsync(string path, string? name = null, CancellationToken cancellationToken = default);

        /// <summary>Uploads a stream (from its current position to its end) and returns the new asset id.</summary>
        Task<string> UploadAssetAsync(Stream content, string name, string? contentType = null, CancellationToken cancellationToken = default);

        /// <summary>Reads an asset (its signed, short-lived download URL among others).</summary>
        Task<ScenarioAsset> GetAssetAsync(string assetId, CancellationToken cancellationToken = default);

        /// <summary>Downloads output <paramref name="index"/> of a finished job to a file; failures carry the job id.</summary>
        Task<ScenarioAsset> DownloadOutputAsync(ScenarioJob job, string path, int index = 0, CancellationToken cancellationToken = default);

        /// <summary>Downloads an asset to a file, atomically (through <c>&lt;path&gt;.part</c>).</summary>
        Task<ScenarioAsset> DownloadAssetAsync(string assetId, string path, CancellationToken cancellationToken = default);

        /// <summary>Downloads an asset into a stream (left open).</summary>
        Task<ScenarioAsset> DownloadAssetAsync(string assetId, Stream destination, CancellationToken cancellationToken = default);
    }
}
