using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Emulator;

namespace LtxCodegen.Cli
{
    /// <summary>A client for the real service (credentials set) or for an embedded emulator started for this command.</summary>
    internal sealed class ServiceConnection : IAsyncDisposable
    {
        private readonly ScenarioEmulator? _emulator;
        private readonly ScenarioClientOptions _options;

        private ServiceConnection(ScenarioClient client, ScenarioClientOptions options, ScenarioEmulator? emulator)
        {
            Client = client;
            _options = options;
            _emulator = emulator;
        }

        public ScenarioClient Client { get; }

        public bool IsEmulator => _emulator is not null;

        public Uri BaseAddress => _options.BaseAddress;

        public static async Task<ServiceConnection> OpenAsync(CliHost host, bool forceEmulator, CancellationToken cancellationToken, Action<ScenarioClientOptions>? configure = null)
        {
            var useEmulator = forceEmulator || string.IsNullOrEmpty(host.ApiKey) || string.IsNullOrEmpty(host.ApiSecret);
            ScenarioClientOptions options;
            ScenarioEmulator? emulator = null;
            if (useEmulator)
            {
                var emulatorOptions = host.EmulatorOptions();
                emulatorOptions.Models = host.Models;
                emulator = await ScenarioEmulator.StartAsync(emulatorOptions, cancellationToken).ConfigureAwait(false);
                options = new ScenarioClientOptions
                {
                    BaseAddress = emulator.BaseAddress,
                    ApiKey = emulatorOptions.ApiKey,
                    ApiSecret = emulatorOptions.ApiSecret,
                };
                if (!forceEmulator)
                {
                    host.Error.WriteLine("No SCENARIO_API_KEY/SCENARIO_API_SECRET set: using the embedded emulator at " + emulator.BaseAddress + " (nothing leaves this machine).");
                }
            }
            else
            {
                options = new ScenarioClientOptions { ApiKey = host.ApiKey, ApiSecret = host.ApiSecret };
                if (host.BaseAddress is not null)
                {
                    options.BaseAddress = host.BaseAddress;
                }
            }

            if (host.PollInterval is TimeSpan poll)
            {
                options.PollInterval = poll;
                options.MaxPollInterval = poll;
                options.RetryDelay = poll;
            }

            configure?.Invoke(options);
            return new ServiceConnection(new ScenarioClient(options), options, emulator);
        }

        /// <summary>GET /v1/models/{id} as raw JSON (the runtime has no method for it).</summary>
        public async Task<byte[]> GetModelJsonAsync(string modelId, CancellationToken cancellationToken)
        {
            using var http = new HttpClient();
            var uri = new Uri(_options.BaseAddress, "models/" + Uri.EscapeDataString(modelId));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.ApiKey + ":" + _options.ApiSecret));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ScenarioApiException(
                    "GET models/" + modelId + " failed with " + (int)response.StatusCode + " " + response.ReasonPhrase + ": " + Encoding.UTF8.GetString(body.Take(500).ToArray()),
                    response.StatusCode, null, null, "GET /v1/models/" + modelId);
            }

            return body;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (_emulator is not null)
            {
                await _emulator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
