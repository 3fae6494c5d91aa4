using System;
using System.Collections.Generic;
using LtxCodegen.Emulator.Faults;

namespace LtxCodegen.Emulator
{
    /// <summary>Settings of a <see cref="ScenarioEmulator"/>. Every property has a default that works out of the box.</summary>
    public sealed class ScenarioEmulatorOptions
    {
        /// <summary>The default API key when none is given.</summary>
        public const string DefaultApiKey = "emulator-key";

        /// <summary>The default API secret when none is given.</summary>
        public const string DefaultApiSecret = "emulator-secret";

        /// <summary>The API key (Basic auth user) the emulator accepts. Ignored when <see cref="Credentials"/> is not empty.</summary>
        public string ApiKey { get; set; } = DefaultApiKey;

        /// <summary>The API secret (Basic auth password) the emulator accepts. Ignored when <see cref="Credentials"/> is not empty.</summary>
        public string ApiSecret { get; set; } = DefaultApiSecret;

        /// <summary>
        /// Several accepted credential pairs (key, secret), e.g. to check that one user cannot see another's jobs.
        /// When empty, <see cref="ApiKey"/> / <see cref="ApiSecret"/> is the only pair.
        /// </summary>
        public IList<EmulatorCredentials> Credentials { get; } = new List<EmulatorCredentials>();

        /// <summary>Model descriptors served in addition to the built-in ones (a descriptor here wins over a built-in with the same id).</summary>
        public IEnumerable<ScenarioModelDescriptor>? Models { get; set; }

        /// <summary>
        /// A folder of model docs (<c>*.md</c>, <c>*.json</c>) read at startup through the model library, the generator's
        /// own parser: every model found is served (GET /v1/models/{id}) and run (POST /v1/generate/custom/{id}), over a
        /// built-in of the same id; <see cref="Models"/> win over these. Problems are in
        /// <see cref="ScenarioEmulator.DocDiagnostics"/>, located in their doc; the good models are served regardless.
        /// </summary>
        public string? SchemasDirectory { get; set; }

        /// <summary>True (default) to serve the models compiled into the emulator from the repository's <c>schemas/</c>.</summary>
        public bool IncludeBuiltInModels { get; set; } = true;

        /// <summary>The TCP port on 127.0.0.1; 0 (default) picks a free one.</summary>
        public int Port { get; set; }

        /// <summary>How long a new job stays <c>queued</c>.</summary>
        public TimeSpan QueuedDuration { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>How long a job stays <c>in-progress</c> (progress rises in <see cref="ProgressSteps"/> steps meanwhile).</summary>
        public TimeSpan RunningDuration { get; set; } = TimeSpan.FromSeconds(4);

        /// <summary>How many progress values a running job goes through (0, 1/n, ..., (n-1)/n), at least 1.</summary>
        public int ProgressSteps { get; set; } = 4;

        /// <summary>How long a signed download or part-upload URL stays valid.</summary>
        public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>The largest request body <c>POST /v1/assets</c> accepts (the service's gateway caps bodies at 10 MB).</summary>
        public long MaxAssetBodyBytes { get; set; } = 10L * 1000 * 1000;

        /// <summary>The least size of every upload part but the last (the service requires 5 MiB).</summary>
        public long MinimumPartSize { get; set; } = 5L * 1024 * 1024;

        /// <summary>The largest file a multipart upload accepts (files are kept in memory).</summary>
        public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

        /// <summary>True (default) to refuse a generate request whose asset parameters name no asset of the caller.</summary>
        public bool RequireExistingInputAssets { get; set; } = true;

        /// <summary>
        /// The most custom jobs one API key may have running (not yet ended) at once; null (default) for no limit. One more
        /// generate answers 429 with <c>details: {"actionName": "parallel-custom-jobs", "actionLimit": n}</c>, as the service
        /// does. Read on every generate, so it may be changed while the emulator runs.
        /// </summary>
        public int? MaxParallelJobs { get; set; }

        /// <summary>Random, seeded faults by kind and rate. Targeted one-shot faults are added at run time through <see cref="ScenarioEmulator.Faults"/>.</summary>
        public EmulatorFaultOptions Faults { get; set; } = new EmulatorFaultOptions();

        /// <summary>The clock (tests may pass their own). Defaults to <see cref="TimeProvider.System"/>.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>The secret that signs download and upload URLs; random per instance when null.</summary>
        public string? UrlSigningKey { get; set; }

        /// <summary>The default of <see cref="MaxLoggedRequests"/>.</summary>
        public const int DefaultMaxLoggedRequests = 10_000;

        /// <summary>The default of <see cref="MaxRequestLogBytes"/> (32 MiB).</summary>
        public const long DefaultMaxRequestLogBytes = 32L * 1024 * 1024;

        /// <summary>How many requests <see cref="ScenarioEmulator.Requests"/> keeps (the latest; older ones are dropped).</summary>
        public int MaxLoggedRequests { get; set; } = DefaultMaxLoggedRequests;

        /// <summary>
        /// How much memory the request log may take, approximately (each entry counts its texts as UTF-16 plus a fixed
        /// overhead; each logged body is at most its first 64 KB). The oldest entries are dropped to stay within it.
        /// </summary>
        public long MaxRequestLogBytes { get; set; } = DefaultMaxRequestLogBytes;
    }

    /// <summary>One accepted API key / secret pair.</summary>
    /// <param name="ApiKey">The Basic auth user.</param>
    /// <param name="ApiSecret">The Basic auth password.</param>
    public sealed record EmulatorCredentials(string ApiKey, string ApiSecret)
    {
        /// <inheritdoc />
        public override string ToString() => "EmulatorCredentials { ApiKey = " + ApiKey + ", ApiSecret = *** }";
    }
}
