using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
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

        /// <summary>Largest model JSON <c>ltx pull</c> reads.</summary>
        public const int MaxModelJsonBytes = 16 * 1024 * 1024;

        /// <summary>GET /v1/models/{id} as JSON (the runtime has no method for it); errors carry the body redacted and cleaned.</summary>
        public async Task<JsonDocument> GetModelJsonAsync(string modelId, CancellationToken cancellationToken)
        {
            var path = "GET /v1/models/" + modelId;
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
            var uri = new Uri(_options.BaseAddress, "models/" + Uri.EscapeDataString(modelId));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.ApiKey + ":" + _options.ApiSecret));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var body = await ReadBoundedAsync(response.Content, path, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var text = new TerminalText(_options.ApiKey, _options.ApiSecret);
                var excerpt = text.Clean(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 2000)));
                throw new ScenarioApiException(path + " failed with " + (int)response.StatusCode + ": " + excerpt,
                    response.StatusCode, excerpt.Length == 0 ? response.ReasonPhrase : excerpt, null, path);
            }

            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException e)
            {
                throw new ScenarioApiException(path + " answered something that is not JSON (" + e.Message + "); nothing was written.", null, null, null, path);
            }
        }

        private static async Task<byte[]> ReadBoundedAsync(HttpContent content, string path, CancellationToken cancellationToken)
        {
            if (content.Headers.ContentLength > MaxModelJsonBytes)
            {
                throw TooLarge(path);
            }

            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new System.IO.MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxModelJsonBytes)
                {
                    throw TooLarge(path);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }

        private static ScenarioApiException TooLarge(string path) =>
            new(path + " answered more than " + (MaxModelJsonBytes / (1024 * 1024)) + " MB; nothing was written.", null, null, null, path);

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
