using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen
{
    /// <summary>
    /// Calls the Scenario API: submits generated requests, polls jobs, uploads inputs and downloads outputs.
    /// </summary>
    public sealed partial class ScenarioClient : IDisposable
    {
        /// <summary>Creates a client with its own <see cref="HttpClient"/>.</summary>
        public ScenarioClient(ScenarioClientOptions options) => throw new NotImplementedException();

        /// <summary>Creates a client on a caller-owned <see cref="HttpClient"/> (not disposed by this client).</summary>
        public ScenarioClient(HttpClient httpClient, ScenarioClientOptions options) => throw new NotImplementedException();

        /// <summary>Validates, then submits a request. An invalid request throws <see cref="ScenarioValidationException"/> and sends nothing.</summary>
        public Task<ScenarioJob> SubmitAsync(IScenarioRequest request, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Reads a job once.</summary>
        public Task<ScenarioJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Polls a job until it ends; reports progress on every change; throws <see cref="ScenarioJobFailedException"/> on failure.</summary>
        public Task<ScenarioJob> WaitForJobAsync(string jobId, IProgress<ScenarioJob>? progress = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Submits a request and waits for its job to finish.</summary>
        public Task<ScenarioJob> RunAsync(IScenarioRequest request, IProgress<ScenarioJob>? progress = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Reads an asset (its signed, short-lived download URL among others).</summary>
        public Task<ScenarioAsset> GetAssetAsync(string assetId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Downloads an asset to a file, atomically (through <c>&lt;path&gt;.part</c>).</summary>
        public Task<ScenarioAsset> DownloadAssetAsync(string assetId, string path, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Downloads an asset into a stream.</summary>
        public Task<ScenarioAsset> DownloadAssetAsync(string assetId, Stream destination, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Uploads a local file and returns the new asset id.</summary>
        public Task<string> UploadAssetAsync(string path, string? name = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <summary>Uploads a stream and returns the new asset id.</summary>
        public Task<string> UploadAssetAsync(Stream content, string name, string? contentType = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

        /// <inheritdoc />
        public void Dispose() => throw new NotImplementedException();
    }
}
