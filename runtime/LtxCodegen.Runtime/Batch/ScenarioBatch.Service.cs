using System;
using System.Collections.Generic;
using System.Linq;
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
            return estimate.CreativeUnits;
        }

        /// <summary>
        /// Looks for the job of a submit whose answer was lost, skipping the jobs other lines already own. Several identical
        /// candidates are interchangeable (identical requests): the oldest one not owned is taken. No match in a listing read
        /// completely back past the submit time proves the submit created no job.
        /// </summary>
        private async Task<Lookup> FindSubmittedAsync(string lineId, IScenarioRequest request, DateTimeOffset since, CancellationToken cancellationToken)
        {
            List<string> owned;
            lock (_gate)
            {
                owned = _records.Values.Where(r => r.Id != lineId && r.JobId is not null).Select(r => r.JobId!).ToList();
            }

            ScenarioJobSearchResult result;
            try
            {
                result = await _client.FindSubmittedJobAsync(request, since, owned, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ScenarioException or System.Net.Http.HttpRequestException)
            {
                return new Lookup(null, false, "the job list could not be read (" + ScenarioBatchText.Safe(e.Message) + ")");
            }

            if (result.Matches.Count > 0)
            {
                return new Lookup(result.Matches[result.Matches.Count - 1], false, null);
            }

            return result.IsComplete
                ? new Lookup(null, true, null)
                : new Lookup(null, false, "the job list could not be read back to the submit time (" + result.JobsExamined + " jobs examined)");
        }

        /// <summary>Records <paramref name="jobId"/> as the line's in memory unless another line owns it; the owner otherwise.</summary>
        private string? TryClaim(string lineId, string jobId)
        {
            lock (_gate)
            {
                foreach (var record in _records.Values)
                {
                    if (record.Id != lineId && string.Equals(record.JobId, jobId, StringComparison.Ordinal))
                    {
                        return record.Id;
                    }
                }

                var mine = _records[lineId].Copy();
                mine.JobId = jobId;
                _records[lineId] = mine;
                return null;
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
