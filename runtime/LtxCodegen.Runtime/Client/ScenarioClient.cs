using System;
using System.Diagnostics;
using System.Net.Http;
using LtxCodegen.Http;
using LtxCodegen.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtxCodegen
{
    /// <summary>
    /// Calls the Scenario API: submits generated requests, polls jobs, uploads inputs and downloads outputs.
    /// Thread-safe; create one and reuse it.
    /// </summary>
    [DebuggerDisplay("{ToString(),nq}")]
    public sealed partial class ScenarioClient : IScenarioClient, IDisposable
    {
        /// <summary>The log category of the client's log lines.</summary>
        public const string LogCategory = "LtxCodegen.ScenarioClient";

        private readonly ScenarioTransport _transport;
        private readonly HttpClient _http;
        private readonly bool _ownsHttpClient;
        private int _disposed;

        /// <summary>Creates a client with its own <see cref="HttpClient"/>.</summary>
        public ScenarioClient(ScenarioClientOptions options)
            : this(ClientSettings.From(options), null, null)
        {
        }

        /// <summary>Creates a client with its own <see cref="HttpClient"/>, logging through <paramref name="loggerFactory"/>.</summary>
        public ScenarioClient(ScenarioClientOptions options, ILoggerFactory? loggerFactory)
            : this(ClientSettings.From(options), null, loggerFactory)
        {
        }

        /// <summary>Creates a client on a caller-owned <see cref="HttpClient"/> (not disposed by this client).</summary>
        public ScenarioClient(HttpClient httpClient, ScenarioClientOptions options)
            : this(ClientSettings.From(options), httpClient ?? throw new ArgumentNullException(nameof(httpClient)), null)
        {
        }

        /// <summary>Creates a client on a caller-owned <see cref="HttpClient"/>, logging through <paramref name="loggerFactory"/>.</summary>
        public ScenarioClient(HttpClient httpClient, ScenarioClientOptions options, ILoggerFactory? loggerFactory)
            : this(ClientSettings.From(options), httpClient ?? throw new ArgumentNullException(nameof(httpClient)), loggerFactory)
        {
        }

        private ScenarioClient(ClientSettings settings, HttpClient? httpClient, ILoggerFactory? loggerFactory)
        {
            _ownsHttpClient = httpClient is null;
            _http = httpClient ?? CreateHttpClient();
            var logger = loggerFactory?.CreateLogger(LogCategory) ?? NullLogger.Instance;
            _transport = new ScenarioTransport(_http, settings, logger);
        }

        /// <summary>The API root the client calls (ending in <c>/</c>).</summary>
        public Uri BaseAddress => _transport.Settings.BaseAddress;

        private ClientSettings Settings => _transport.Settings;

        private ILogger Logger => _transport.Logger;

        /// <inheritdoc />
        public override string ToString() =>
            "ScenarioClient { BaseAddress = " + Settings.BaseAddress + ", ApiKey = " + Settings.ApiKey +
            (Settings.ProjectId is null ? "" : ", ProjectId = " + Settings.ProjectId) + " }";

        /// <inheritdoc />
        public void Dispose()
        {
            if (System.Threading.Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttpClient)
            {
                _http.Dispose();
            }
        }

        private void ThrowIfDisposed()
        {
            if (_disposed != 0)
            {
                throw new ObjectDisposedException(nameof(ScenarioClient));
            }
        }

        private static HttpClient CreateHttpClient()
        {
#if NET5_0_OR_GREATER
            var handler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                AllowAutoRedirect = true,
            };
#else
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                AllowAutoRedirect = true,
            };
#endif
            // Per-call timeouts come from ScenarioClientOptions.RequestTimeout; downloads may take longer than any fixed limit.
            return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        private static void RequireId(string? id, string name)
        {
            if (id is null)
            {
                throw new ArgumentNullException(name);
            }

            if (PathSegment.Problem(id) is string problem)
            {
                throw new ArgumentException("The id is not valid: " + problem + ".", name);
            }
        }
    }
}
