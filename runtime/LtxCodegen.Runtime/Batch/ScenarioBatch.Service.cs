using System;
using System.Threading;
using System.Threading.Tasks;

namespace LtxCodegen.Batch
{
    public sealed partial class ScenarioBatch
    {
        /// <summary>The dry-run price of a request in creative units.</summary>
        private async Task<double> EstimateAsync(IScenarioRequest request, CancellationToken cancellationToken)
        {
            var estimate = await _client.EstimateCostAsync(request, cancellationToken).ConfigureAwait(false);
            return estimate.CreativeUnitsCost;
        }

        /// <summary>Looks for the job of a submit whose answer was lost; says whether its absence is proven.</summary>
        private async Task<Lookup> FindSubmittedAsync(IScenarioRequest request, DateTimeOffset since, CancellationToken cancellationToken)
        {
            try
            {
                var job = await _client.FindSubmittedJobAsync(request, since, cancellationToken).ConfigureAwait(false);
                return job is null ? new Lookup(null, true, null) : new Lookup(job, false, null);
            }
            catch (ScenarioException e)
            {
                return new Lookup(null, false, "the job list could not be read (" + ScenarioBatchText.Safe(e.Message) + ")");
            }
            catch (System.Net.Http.HttpRequestException e)
            {
                return new Lookup(null, false, "the job list could not be read (" + ScenarioBatchText.Safe(e.Message) + ")");
            }
        }

        private readonly struct Lookup
        {
            public Lookup(ScenarioJob? job, bool provedAbsent, string? problem)
            {
                Job = job;
                ProvedAbsent = provedAbsent;
                Problem = problem;
            }

            public ScenarioJob? Job { get; }

            public bool ProvedAbsent { get; }

            public string? Problem { get; }
        }
    }
}
