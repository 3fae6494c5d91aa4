using System;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;

namespace LtxCodegen.Internal
{
    /// <summary>A checked, immutable copy of <see cref="ScenarioClientOptions"/>.</summary>
    internal sealed class ClientSettings
    {
        /// <summary>One job count per options object: clients made from the same options (e.g. DI's transient typed clients) share it.</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ScenarioClientOptions, JobSlots> s_slots =
            new System.Runtime.CompilerServices.ConditionalWeakTable<ScenarioClientOptions, JobSlots>();

        private ClientSettings(ScenarioClientOptions o, Uri baseAddress)
        {
            Slots = s_slots.GetValue(o, static options => new JobSlots(options.MaxConcurrentJobs));
            ApiKey = o.ApiKey!;
            BaseAddress = baseAddress;
            ProjectId = string.IsNullOrEmpty(o.ProjectId) ? null : o.ProjectId;
            PollInterval = o.PollInterval;
            MaxPollInterval = o.MaxPollInterval;
            JobTimeout = o.JobTimeout;
            MaxRetries = o.MaxRetries;
            RetryDelay = o.RetryDelay;
            MaxRetryDelay = o.MaxRetryDelay;
            RequestTimeout = o.RequestTimeout;
            UploadPartSize = o.UploadPartSize;
            MaxResponseBodyBytes = o.MaxResponseBodyBytes;
            MaxCostPerJob = o.MaxCostPerJob;
            NoSpend = o.NoSpend;
            MaxConcurrentJobs = o.MaxConcurrentJobs;
            SlotWaitTimeout = o.SlotWaitTimeout;
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(o.ApiKey + ":" + o.ApiSecret));
            Authorization = new AuthenticationHeaderValue("Basic", token);
            Redactor = new SecretRedactor(o.ApiSecret!, token, o.ApiKey);
            Hints = ErrorHints.From(o, baseAddress);
        }

        /// <summary>Hints for 401 and 404 answers (where the credentials and the address came from).</summary>
        public ErrorHints Hints { get; }

        public string ApiKey { get; }
        public Uri BaseAddress { get; }
        public string? ProjectId { get; }
        public TimeSpan PollInterval { get; }
        public TimeSpan MaxPollInterval { get; }
        public TimeSpan JobTimeout { get; }
        public int MaxRetries { get; }
        public TimeSpan RetryDelay { get; }
        public TimeSpan MaxRetryDelay { get; }
        public TimeSpan RequestTimeout { get; }
        public int UploadPartSize { get; }
        public long MaxResponseBodyBytes { get; }
        public double? MaxCostPerJob { get; }
        public bool NoSpend { get; }
        public int? MaxConcurrentJobs { get; }
        public TimeSpan SlotWaitTimeout { get; }
        public JobSlots Slots { get; }
        public AuthenticationHeaderValue Authorization { get; }
        public SecretRedactor Redactor { get; }

        public static ClientSettings From(ScenarioClientOptions? options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (string.IsNullOrWhiteSpace(options.ApiKey))
            {
                throw new ArgumentException("ScenarioClientOptions.ApiKey is empty: set it or the SCENARIO_API_KEY environment variable.", nameof(options));
            }

            if (options.ApiKey!.IndexOf(':') >= 0)
            {
                throw new ArgumentException("ScenarioClientOptions.ApiKey must not contain ':' (it is the Basic auth user name).", nameof(options));
            }

            if (string.IsNullOrEmpty(options.ApiSecret))
            {
                throw new ArgumentException("ScenarioClientOptions.ApiSecret is empty: set it or the SCENARIO_API_SECRET environment variable.", nameof(options));
            }

            var baseAddress = options.BaseAddress ?? throw new ArgumentException("ScenarioClientOptions.BaseAddress is null.", nameof(options));
            if (!baseAddress.IsAbsoluteUri)
            {
                throw new ArgumentException("ScenarioClientOptions.BaseAddress must be an absolute URI, e.g. " + ScenarioClientOptions.DefaultBaseAddress + ".", nameof(options));
            }

            if (!string.IsNullOrEmpty(baseAddress.UserInfo))
            {
                // Never echo the address: its user info is (or holds) a credential.
                throw new ArgumentException(
                    "ScenarioClientOptions.BaseAddress must not carry credentials (user:password@host): set ApiKey and ApiSecret instead. " +
                    "The address given was " + ScenarioClientOptions.WithoutUserInfo(baseAddress) + " (credentials removed).",
                    nameof(options));
            }

            if (baseAddress.Scheme == Uri.UriSchemeHttp)
            {
                if (!baseAddress.IsLoopback)
                {
                    throw new ArgumentException(
                        "ScenarioClientOptions.BaseAddress " + baseAddress.GetLeftPart(UriPartial.Authority) +
                        " uses http://, which would send the API secret in clear text: use https://, or http:// on a loopback address only.",
                        nameof(options));
                }
            }
            else if (baseAddress.Scheme != Uri.UriSchemeHttps)
            {
                throw new ArgumentException("ScenarioClientOptions.BaseAddress must be an https:// address (http:// only on loopback).", nameof(options));
            }

            if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment))
            {
                throw new ArgumentException("ScenarioClientOptions.BaseAddress must not have a query or fragment (use ProjectId for the project).", nameof(options));
            }

            if (!baseAddress.AbsolutePath.EndsWith("/", StringComparison.Ordinal))
            {
                baseAddress = new Uri(baseAddress.GetLeftPart(UriPartial.Path) + "/");
            }

            if (baseAddress.AbsolutePath == "/")
            {
                // Nothing of the API lives at the root: http://127.0.0.1:5000 means http://127.0.0.1:5000/v1/.
                baseAddress = new Uri(baseAddress, "v1/");
            }

            RequirePositive(options.PollInterval, nameof(options.PollInterval));
            RequirePositive(options.MaxPollInterval, nameof(options.MaxPollInterval));
            if (options.MaxPollInterval < options.PollInterval)
            {
                throw new ArgumentException("ScenarioClientOptions.MaxPollInterval must not be shorter than PollInterval.", nameof(options));
            }

            if (options.JobTimeout != Timeout.InfiniteTimeSpan)
            {
                RequirePositive(options.JobTimeout, nameof(options.JobTimeout));
            }

            if (options.RequestTimeout != Timeout.InfiniteTimeSpan)
            {
                RequirePositive(options.RequestTimeout, nameof(options.RequestTimeout));
            }

            if (options.MaxRetries < 0)
            {
                throw new ArgumentException("ScenarioClientOptions.MaxRetries must be 0 or more.", nameof(options));
            }

            if (options.RetryDelay < TimeSpan.Zero || options.MaxRetryDelay < TimeSpan.Zero)
            {
                throw new ArgumentException("ScenarioClientOptions.RetryDelay and MaxRetryDelay must not be negative.", nameof(options));
            }

            if (options.UploadPartSize <= 0)
            {
                throw new ArgumentException("ScenarioClientOptions.UploadPartSize must be positive.", nameof(options));
            }

            if (options.MaxResponseBodyBytes <= 0 || options.MaxResponseBodyBytes > int.MaxValue)
            {
                throw new ArgumentException("ScenarioClientOptions.MaxResponseBodyBytes must be between 1 and " + int.MaxValue + " bytes.", nameof(options));
            }

            CheckSpendOptions(options);
            return new ClientSettings(options, baseAddress);
        }

        private static void CheckSpendOptions(ScenarioClientOptions options)
        {
            if (options.MaxCostPerJob is double cap && (double.IsNaN(cap) || double.IsInfinity(cap) || cap < 0))
            {
                throw new ArgumentException("ScenarioClientOptions.MaxCostPerJob must be a finite number of creative units, 0 or more (null for no cap).", nameof(options));
            }

            if (options.MaxConcurrentJobs is int jobs && jobs < 1)
            {
                throw new ArgumentException("ScenarioClientOptions.MaxConcurrentJobs must be at least 1 (null for no client-side limit).", nameof(options));
            }

            if (options.SlotWaitTimeout != Timeout.InfiniteTimeSpan)
            {
                RequirePositive(options.SlotWaitTimeout, nameof(options.SlotWaitTimeout));
            }
        }

        private static void RequirePositive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentException("ScenarioClientOptions." + name + " must be positive.", "options");
            }
        }
    }
}
