using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Runtime.Tests.Support
{
    /// <summary>Passes requests to the real network and notes what went out (method, exact URL, whether it carried credentials).</summary>
    internal sealed class RecordingHandler : DelegatingHandler
    {
        public RecordingHandler()
            : base(new SocketsHttpHandler())
        {
        }

        public ConcurrentQueue<(string Method, string Url, bool HasAuthorization)> Sent { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Enqueue((request.Method.Method, request.RequestUri!.OriginalString, request.Headers.Authorization is not null));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
