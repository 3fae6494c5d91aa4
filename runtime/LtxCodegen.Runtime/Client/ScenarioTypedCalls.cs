using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen
{
    /// <summary>
    /// The bodies of the generated typed calls (<c>Submit{Model}Async</c>, <c>Run{Model}Async</c>): one shared copy in the
    /// runtime instead of one per model. Call the typed methods or <see cref="IScenarioClient"/> instead.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ScenarioTypedCalls
    {
        /// <summary>Checks the arguments, then <see cref="IScenarioClient.SubmitAsync"/>.</summary>
        public static Task<ScenarioJob> SubmitAsync(IScenarioClient client, IScenarioRequest request, CancellationToken cancellationToken)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            if (request == null) throw new ArgumentNullException(nameof(request));
            return client.SubmitAsync(request, cancellationToken);
        }

        /// <summary>Checks the arguments, then <see cref="IScenarioClient.RunAsync"/>.</summary>
        public static Task<ScenarioJob> RunAsync(IScenarioClient client, IScenarioRequest request, IProgress<ScenarioJob>? progress, CancellationToken cancellationToken)
        {
            if (client == null) throw new ArgumentNullException(nameof(client));
            if (request == null) throw new ArgumentNullException(nameof(request));
            return client.RunAsync(request, progress, cancellationToken);
        }
    }
}
