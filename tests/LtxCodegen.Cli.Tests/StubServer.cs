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

namespace LtxCodegen.Cli.Tests
{
    /// <summary>
    /// A small Scenario-shaped server on loopback whose answers a test writes: a hostile job id, an error body that
    /// echoes the Authorization header, escape codes in reasons. Everything it is asked is recorded.
    /// </summary>
    internal sealed class StubServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private StubServer(WebApplication app, Uri root)
        {
            _app = app;
            Root = root;
        }

        public Uri Root { get; }

        public Uri BaseAddress => new(Root, "/v1/");

        public ConcurrentQueue<string> Requests { get; } = new();

        public static async Task<StubServer> StartAsync(Func<StubServer, HttpContext, Task> handler)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            StubServer? server = null;
            app.Run(context =>
            {
                server!.Requests.Enqueue(context.Request.Method + " " + context.Request.Path + context.Request.QueryString);
                return handler(server, context);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server = new StubServer(app, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/"));
            return server;
        }

        public static Task WriteJsonAsync(HttpContext context, int status, string json)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(json);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
