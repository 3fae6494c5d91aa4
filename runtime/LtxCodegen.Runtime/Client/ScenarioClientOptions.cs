using System;
using System.Diagnostics;

namespace LtxCodegen
{
    /// <summary>Settings of a <see cref="ScenarioClient"/>. The client copies them when it is created.</summary>
    [DebuggerDisplay("{ToString(),nq}")]
    public sealed class ScenarioClientOptions
    {
        /// <summary>The public service.</summary>
        public static readonly Uri DefaultBaseAddress = new Uri("https://api.cloud.scenario.com/v1/");

        /// <summary>API key (Basic auth user). Defaults to the <c>SCENARIO_API_KEY</c> environment variable.</summary>
        public string? ApiKey { get; set; } = Environment.GetEnvironmentVariable("SCENARIO_API_KEY");

        /// <summary>API secret (Basic auth password). Defaults to <c>SCENARIO_API_SECRET</c>. Never logged or shown.</summary>
        [DebuggerBrowsable(DebuggerBrowsableState.Never)]
        public string? ApiSecret { get; set; } = Environment.GetEnvironmentVariable("SCENARIO_API_SECRET");

        /// <summary>
        /// The API root, ending in <c>/v1/</c>. <c>http://</c> is accepted for loopback addresses only, and an address with
        /// credentials in it (<c>https://key:secret@host/</c>) never: use <see cref="ApiKey"/> and <see cref="ApiSecret"/>. Defaults to the
        /// <c>SCENARIO_API_URL</c> environment variable (e.g. an emulator's address, <c>http://127.0.0.1:PORT/v1/</c>), else
        /// <see cref="DefaultBaseAddress"/>. A bare root (<c>http://127.0.0.1:PORT</c>) means its <c>/v1/</c>; any other path
        /// is used as given, and a 404 from it says so.
        /// </summary>
        public Uri BaseAddress { get; set; } = BaseAddressFromEnvironment();

        /// <summary>Optional project id sent as the <c>projectId</c> query parameter on every call.</summary>
        public string? ProjectId { get; set; }

        /// <summary>First delay between two polls of a running job.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest delay between two polls (the interval grows to this, with jitter).</summary>
        public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How long <see cref="ScenarioClient.WaitForJobAsync"/> waits in all; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</summary>
        public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>How many times a safe call (GET, download) is retried on a network error, 408, 429 or 5xx.</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>The first delay before retrying a failed safe call; it doubles on each retry, with jitter.</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// The longest delay between two retries, and the cap on what a 429 <c>Retry-After</c> or
        /// <c>remainingSeconds</c> can ask for.
        /// </summary>
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long one HTTP call may take (for downloads and uploads: how long the connection may stay silent);
        /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.
        /// </summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>The size of one part of a multipart upload (videos and large files). The service uses 32 MiB.</summary>
        public int UploadPartSize { get; set; } = 32 * 1024 * 1024;

        /// <summary>
        /// The largest API response body (JSON) the client reads, in bytes; a larger one fails the call with a
        /// <see cref="ScenarioApiException"/> instead of filling memory. Downloads are not JSON: they stop at the
        /// asset's announced size instead. Default 16 MiB; at most <see cref="int.MaxValue"/>.
        /// </summary>
        public long MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

        /// <summary>The default of <see cref="MaxResponseBodyBytes"/>: 16 MiB.</summary>
        public const long DefaultMaxResponseBodyBytes = 16 * 1024 * 1024;

        /// <summary>
        /// The most a single job may cost, in creative units; null (default) for no cap. When set, every submit is priced
        /// first (<c>?dryRun=true</c>, free) and a request above the cap throws <see cref="ScenarioSpendRefusedException"/>
        /// without sending the generate call.
        /// </summary>
        public double? MaxCostPerJob { get; set; }

        /// <summary>
        /// True to refuse every paid call (generate, upload) before anything is sent, with <see cref="ScenarioSpendRefusedException"/>;
        /// cost estimates and reads still work. Defaults to true when the <c>SCENARIO_NO_SPEND</c> environment variable is
        /// <c>1</c> or <c>true</c>.
        /// </summary>
        public bool NoSpend { get; set; } = NoSpendFromEnvironment();

        /// <summary>
        /// The most jobs this client keeps in flight (submitted, not yet seen finished); null (default) for no client-side limit.
        /// A submit beyond it waits for one of the client's jobs to finish (the client polls them while it waits).
        /// </summary>
        public int? MaxConcurrentJobs { get; set; }

        /// <summary>
        /// How long a submit may wait for a free slot in all (the client's <see cref="MaxConcurrentJobs"/>, or the service's
        /// parallel-jobs limit answered with 429); <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.
        /// </summary>
        public TimeSpan SlotWaitTimeout { get; set; } = TimeSpan.FromMinutes(30);

        private static bool NoSpendFromEnvironment()
        {
            var text = Environment.GetEnvironmentVariable("SCENARIO_NO_SPEND")?.Trim();
            return text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "yes", StringComparison.OrdinalIgnoreCase);
        }

        private static Uri BaseAddressFromEnvironment()
        {
            var text = Environment.GetEnvironmentVariable("SCENARIO_API_URL");
            if (string.IsNullOrWhiteSpace(text))
            {
                return DefaultBaseAddress;
            }

            return Uri.TryCreate(text!.Trim(), UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException("The SCENARIO_API_URL environment variable is not an absolute URL.");
        }

        /// <summary>The address with any <c>user:password@</c> removed (it must never be shown).</summary>
        internal static string WithoutUserInfo(Uri? address)
        {
            if (address is null)
            {
                return "(none)";
            }

            if (!address.IsAbsoluteUri || string.IsNullOrEmpty(address.UserInfo))
            {
                return address.ToString();
            }

            return new UriBuilder(address) { UserName = "", Password = "" }.Uri.ToString();
        }

        /// <inheritdoc />
        public override string ToString() =>
            "ScenarioClientOptions { BaseAddress = " + WithoutUserInfo(BaseAddress) + ", ApiKey = " + (ApiKey ?? "(none)") +
            ", ApiSecret = " + (string.IsNullOrEmpty(ApiSecret) ? "(none)" : "***") + ", ProjectId = " + (ProjectId ?? "(none)") + " }";
    }
}
