using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Emulator.Endpoints;
using LtxCodegen.Emulator.Faults;
using LtxCodegen.Emulator.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LtxCodegen.Emulator
{
    /// <summary>
    /// A Scenario-compatible API server on 127.0.0.1 (real Kestrel): generate, jobs, assets with signed expiring
    /// download URLs, uploads and model definitions, with seeded and targeted faults and a request log.
    /// </summary>
    /// <example>
    /// <code>
    /// await using var emulator = await ScenarioEmulator.StartAsync(new ScenarioEmulatorOptions { ApiKey = "k", ApiSecret = "s" });
    /// using var client = new ScenarioClient(new ScenarioClientOptions { BaseAddress = emulator.BaseAddress, ApiKey = "k", ApiSecret = "s" });
    /// </code>
    /// </example>
    public sealed class ScenarioEmulator : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly EmulatorState _state;
        private int _disposed;

        private ScenarioEmulator(WebApplication app, EmulatorState state, Uri root)
        {
            _app = app;
            _state = state;
            Root = root;
            BaseAddress = new Uri(root, "v1/");
        }

        /// <summary>The API root to give a client, e.g. <c>http://127.0.0.1:5181/v1/</c>.</summary>
        public Uri BaseAddress { get; }

        /// <summary>The server root, e.g. <c>http://127.0.0.1:5181/</c> (signed download URLs live under <c>/cdn/</c>).</summary>
        public Uri Root { get; }

        /// <summary>The port it listens on.</summary>
        public int Port => Root.Port;

        /// <summary>The options it was started with.</summary>
        public ScenarioEmulatorOptions Options => _state.Options;

        /// <summary>Every request received, in order.</summary>
        public EmulatorRequestLog Requests => _state.Log;

        /// <summary>The fault switches: targeted one-shot faults and the seeded random ones.</summary>
        public EmulatorFaultController Faults => _state.Faults;

        /// <summary>The models it serves (built-in and given).</summary>
        public IReadOnlyList<ScenarioModelDescriptor> Models => _state.Models.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();

        /// <summary>The problems found in the docs of <see cref="ScenarioEmulatorOptions.SchemasDirectory"/>, located in their doc (empty without one).</summary>
        public IReadOnlyList<LtxCodegen.Schema.Diagnostics.DiagnosticInfo> DocDiagnostics => _state.DocDiagnostics;

        /// <summary>How many jobs were created (generate and upload jobs), over all credentials.</summary>
        public int JobCount => _state.Store.JobCount;

        /// <summary>Starts an emulator on 127.0.0.1 (on <see cref="ScenarioEmulatorOptions.Port"/>, or a free port when 0).</summary>
        public static async Task<ScenarioEmulator> StartAsync(ScenarioEmulatorOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new ScenarioEmulatorOptions();
            var state = new EmulatorState(options);
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(ScenarioEmulator).Assembly.GetName().Name });
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                // Each endpoint enforces its own, smaller cap; this one bounds whatever no endpoint reads.
                var largest = Math.Max(options.MaxUploadBytes, options.MaxAssetBodyBytes);
                kestrel.Limits.MaxRequestBodySize = largest < long.MaxValue - (1024 * 1024) ? largest + (1024 * 1024) : null;
                kestrel.Listen(IPAddress.Loopback, options.Port);
            });
            builder.Services.AddRoutingCore();
            var app = builder.Build();
            app.Use((context, next) => Pipeline.InvokeAsync(state, context, next));
            app.UseRouting();
            app.Use((context, next) => Pipeline.GuardAsync(state, context, next));
            GenerateEndpoints.Map(app, state);
            JobEndpoints.Map(app, state);
            AssetEndpoints.Map(app, state);
            DownloadEndpoints.Map(app, state);
            UploadEndpoints.Map(app, state);
            ModelEndpoints.Map(app, state);
            app.MapFallback(context => HttpResults.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not found",
                "The emulator has no endpoint " + context.Request.Method + " " + context.Request.Path + "."));

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var port = new Uri(address).Port;
            var root = new Uri("http://127.0.0.1:" + port + "/");
            state.Root = root;
            return new ScenarioEmulator(app, state, root);
        }

        /// <summary>Stops the server.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            {
                try
                {
                    await _app.StopAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Connections that would not close in time are dropped.
                }
            }

            await _app.DisposeAsync().ConfigureAwait(false);
        }

        /// <inheritdoc />
        public override string ToString() => "ScenarioEmulator at " + BaseAddress;
    }
}
