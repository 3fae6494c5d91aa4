using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LtxCodegen.Runtime.Tests.Support
{
    /// <summary>
    /// A tiny real HTTP server on 127.0.0.1 answering with hand-written bodies: for the response shapes the service's
    /// documentation and clients mention (older field names, other status words) that the emulator does not produce.
    /// </summary>
    internal sealed class StubServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private StubServer(WebApplication app, Uri baseAddress)
        {
            _app = app;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public ConcurrentQueue<string> Requests { get; } = new();

        public static async Task<StubServer> StartAsync(Func<HttpContext, Task> handle)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            StubServer? server = null;
            app.Run(async context =>
            {
                server!.Requests.Enqueue(context.Request.Method + " " + context.Request.Path);
                await handle(context);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server = new StubServer(app, new Uri("http://127.0.0.1:" + new Uri(address).Port + "/v1/"));
            return server;
        }

        public static Task WriteJsonAsync(HttpContext context, string json, int status = 200)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(json);
        }

        public ScenarioClient Client(Action<ScenarioClientOptions>? configure = null)
        {
            var options = new ScenarioClientOptions
            {
                BaseAddress = BaseAddress,
                ApiKey = Emu.Key,
                ApiSecret = Emu.Secret,
                PollInterval = TimeSpan.FromMilliseconds(5),
                MaxPollInterval = TimeSpan.FromMilliseconds(20),
                RetryDelay = TimeSpan.FromMilliseconds(5),
                MaxRetries = 2,
                JobTimeout = TimeSpan.FromSeconds(10),
                RequestTimeout = TimeSpan.FromSeconds(10),
            };
            configure?.Invoke(options);
            return new ScenarioClient(options);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
