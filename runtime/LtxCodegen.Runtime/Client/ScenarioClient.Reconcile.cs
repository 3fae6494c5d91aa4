using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Internal;

namespace LtxCodegen
{
    public sealed partial class ScenarioClient
    {
        /// <summary>How far before <c>since</c> the search also looks, for clock differences between this machine and the service.</summary>
        public static readonly TimeSpan ReconcileClockTolerance = TimeSpan.FromMinutes(2);

        /// <summary>The most list pages (of 100 jobs) one search reads.</summary>
        public const int ReconcileMaxPages = 100;

        /// <summary>
        /// Finds the job a submit created when its answer was lost (<see cref="ScenarioApiException.JobMayExist"/>), without paying
        /// twice: lists the jobs created since <paramref name="since"/> (<c>GET /jobs</c>, newest first, 100 a page) and keeps
        /// those whose model and request echo (<c>metadata.input</c>) match <paramref name="request"/> as the service echoes it
        /// (it adds <c>modelId</c> and omitted defaults, may round numbers and chooses values such as a random seed).
        /// Pass the time the submit started; the search also looks <see cref="ReconcileClockTolerance"/> earlier.
        /// <para>Jobs in <paramref name="excludeJobIds"/> (ones already accounted for) are skipped. Two identical requests cannot
        /// be told apart: the result is then <see cref="ScenarioJobSearchResult.IsAmbiguous"/> and lists every candidate.</para>
        /// Only reads: works in no-spend mode, sends no paid call.
        /// </summary>
        public async Task<ScenarioJobSearchResult> FindSubmittedJobAsync(
            IScenarioRequest request,
            DateTimeOffset since,
            IEnumerable<string>? excludeJobIds = null,
            CancellationToken cancellationToken = default)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            ThrowIfDisposed();
            var modelId = request.ModelId;
            if (string.IsNullOrEmpty(modelId))
            {
                throw new ArgumentException("The request has no model id.", nameof(request));
            }

            var excluded = new HashSet<string>(excludeJobIds ?? Array.Empty<string>(), StringComparer.Ordinal);
            var cutoff = since - ReconcileClockTolerance;
            using var bodyDoc = JsonDocument.Parse(WriteBody(request));
            var body = bodyDoc.RootElement;
            var matches = new List<ScenarioJob>();
            var examined = 0;
            var complete = false;
            var seenTokens = new HashSet<string>(StringComparer.Ordinal);
            string? token = null;
            for (var page = 0; page < ReconcileMaxPages; page++)
            {
                var relative = "jobs?pageSize=100" + (token is null ? "" : "&paginationToken=" + Uri.EscapeDataString(token));
                using var doc = await _transport.GetJsonAsync(relative, null, cancellationToken).ConfigureAwait(false);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("jobs", out var jobs) || jobs.ValueKind != JsonValueKind.Array)
                {
                    throw _transport.Error(
                        Http.ScenarioTransport.Describe(System.Net.Http.HttpMethod.Get, _transport.ApiUri("jobs")),
                        System.Net.HttpStatusCode.OK,
                        new Json.ErrorInfo("the job list carries no 'jobs' array", null, null),
                        null,
                        null,
                        false,
                        null);
                }

                var listed = 0;
                var older = 0;
                foreach (var item in jobs.EnumerateArray())
                {
                    listed++;
                    examined++;
                    if (CreatedAt(item) is DateTimeOffset created && created < cutoff)
                    {
                        older++;
                        continue;
                    }

                    if (IsEchoOf(request.Descriptor, modelId, body, item) && Json.ScenarioJson.ReadJob(item) is ScenarioJob job && !excluded.Contains(job.JobId))
                    {
                        excluded.Add(job.JobId);
                        matches.Add(job);
                    }
                }

                token = root.TryGetProperty("nextPaginationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
                if ((listed > 0 && older == listed) || string.IsNullOrEmpty(token))
                {
                    // Newest first: a page holding only older jobs ends the window; no token ends the list.
                    complete = true;
                    break;
                }

                if (!seenTokens.Add(token!))
                {
                    break;
                }
            }

            var result = new ScenarioJobSearchResult(matches, complete, examined);
            SpendLog.Reconciled(Logger, modelId, result);
            return result;
        }

        private static bool IsEchoOf(ScenarioModelDescriptor descriptor, string modelId, JsonElement body, JsonElement job)
        {
            if (job.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (job.TryGetProperty("jobType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is string t &&
                t.Length > 0 && !string.Equals(t, "custom", StringComparison.OrdinalIgnoreCase) && !string.Equals(t, "inference", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (!job.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object ||
                !metadata.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            // The model: in the echo (real responses), else beside it, else on the job. A job naming no model cannot match.
            var model = StringOf(input, "modelId") ?? StringOf(metadata, "modelId") ?? StringOf(job, "modelId");
            return string.Equals(model, modelId, StringComparison.Ordinal) && RequestEchoMatcher.Matches(descriptor, modelId, body, input);
        }

        private static DateTimeOffset? CreatedAt(JsonElement job) =>
            StringOf(job, "createdAt") is string text &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                ? at
                : null;

        private static string? StringOf(JsonElement obj, string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
