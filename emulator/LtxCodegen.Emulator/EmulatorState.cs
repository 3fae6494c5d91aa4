using System;
using System.Collections.Generic;
using LtxCodegen.Emulator.Faults;
using LtxCodegen.Emulator.Json;
using LtxCodegen.Emulator.Logging;
using LtxCodegen.Emulator.State;

namespace LtxCodegen.Emulator
{
    /// <summary>Everything the endpoints share: options, models, stored data, faults, log, URL signing.</summary>
    internal sealed partial class EmulatorState
    {
        private readonly Dictionary<string, ScenarioModelDescriptor> _models = new Dictionary<string, ScenarioModelDescriptor>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _credentials = new Dictionary<string, string>(StringComparer.Ordinal);

        public EmulatorState(ScenarioEmulatorOptions options)
        {
            Options = options;
            Log = new EmulatorRequestLog(options.MaxLoggedRequests, options.MaxRequestLogBytes);
            if (options.ProgressSteps < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.ProgressSteps, "ProgressSteps must be at least 1.");
            }

            if (options.QueuedDuration < TimeSpan.Zero || options.RunningDuration < TimeSpan.Zero || options.UrlLifetime <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "Job durations must not be negative and UrlLifetime must be positive.");
            }

            if (options.MaxParallelJobs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.MaxParallelJobs, "MaxParallelJobs must be 0 or more (null for no limit).");
            }

            if (options.Credentials.Count == 0)
            {
                AddCredentials(options.ApiKey, options.ApiSecret);
            }
            else
            {
                foreach (var c in options.Credentials)
                {
                    AddCredentials(c.ApiKey, c.ApiSecret);
                }
            }

            if (options.IncludeBuiltInModels)
            {
                foreach (var model in BuiltInModels.All)
                {
                    _models[model.Id] = model;
                }
            }

            if (options.SchemasDirectory is not null)
            {
                var docs = LtxCodegen.Docs.DocModels.ReadDirectory(options.SchemasDirectory);
                DocDiagnostics = docs.Diagnostics;
                foreach (var model in docs.Models)
                {
                    _models[model.Id] = model;
                }
            }

            if (options.Models is not null)
            {
                foreach (var model in options.Models)
                {
                    _models[model.Id] = model ?? throw new ArgumentException("Models must not contain null.", nameof(options));
                }
            }

            Timings = new JobTimings(options.QueuedDuration, options.RunningDuration, options.ProgressSteps);
            Faults = new EmulatorFaultController(options.Faults ?? new EmulatorFaultOptions());
            Signer = new UrlSigner(options.UrlSigningKey);
        }

        public ScenarioEmulatorOptions Options { get; }

        /// <summary>The problems found in the docs of <see cref="ScenarioEmulatorOptions.SchemasDirectory"/>.</summary>
        public IReadOnlyList<LtxCodegen.Schema.Diagnostics.DiagnosticInfo> DocDiagnostics { get; } = Array.Empty<LtxCodegen.Schema.Diagnostics.DiagnosticInfo>();

        public JobTimings Timings { get; }

        public EmulatorStore Store { get; } = new EmulatorStore();

        public EmulatorFaultController Faults { get; }

        public EmulatorRequestLog Log { get; }

        public UrlSigner Signer { get; }

        public IReadOnlyCollection<ScenarioModelDescriptor> Models => _models.Values;

        /// <summary>The root of the server, e.g. <c>http://127.0.0.1:5181/</c>; set once Kestrel listens.</summary>
        public Uri Root { get; set; } = new Uri("http://127.0.0.1/");

        public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

        public ScenarioModelDescriptor? FindModel(string id) => _models.TryGetValue(id, out var m) ? m : null;

        /// <summary>The API key when the pair is accepted, else null. Compares the secret in constant time.</summary>
        public string? Authenticate(string key, string secret)
        {
            if (!_credentials.TryGetValue(key, out var expected))
            {
                return null;
            }

            var a = System.Text.Encoding.UTF8.GetBytes(expected);
            var b = System.Text.Encoding.UTF8.GetBytes(secret);
            return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(a, b) ? key : null;
        }

        private void AddCredentials(string key, string secret)
        {
            if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret) || key.IndexOf(':') >= 0)
            {
                throw new ArgumentException("Every API key and secret must be non-empty, and a key cannot contain ':'.");
            }

            _credentials[key] = secret;
        }

        /// <summary>True when the asset may be shown to its owner now (an output only once its job succeeded).</summary>
        public bool IsVisible(AssetState asset)
        {
            if (asset.SourceJobId is null)
            {
                return true;
            }

            var job = Store.FindJob(asset.SourceJobId);
            return job is not null && job.Observe(Now, Timings).Status == "success";
        }

        public AssetState? FindVisibleAsset(string id, string owner)
        {
            var asset = Store.FindAsset(id);
            return asset is not null && asset.Owner == owner && IsVisible(asset) ? asset : null;
        }

        public string DownloadPath(AssetState asset) =>
            "/cdn/assets/" + Uri.EscapeDataString(asset.Id) + "/" + Uri.EscapeDataString(asset.FileName);

        public (Uri Url, DateTimeOffset Expires) IssueDownloadUrl(AssetState asset, bool expired)
        {
            var now = Now;
            var expires = expired ? now - TimeSpan.FromSeconds(1) : now + Options.UrlLifetime;
            var path = DownloadPath(asset);
            return (new Uri(Root, path + Signer.Sign("GET", path, expires)), expires);
        }
    }
}
