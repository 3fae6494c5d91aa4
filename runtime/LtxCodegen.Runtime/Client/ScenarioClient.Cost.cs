using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Http;
using LtxCodegen.Internal;
using LtxCodegen.Json;

namespace LtxCodegen
{
    public sealed partial class ScenarioClient
    {
        /// <summary>
        /// Prices a request without running it: validates it (an invalid request throws <see cref="ScenarioValidationException"/>
        /// and sends nothing), then <c>POST /generate/custom/{modelId}?dryRun=true</c>. Nothing runs and nothing is charged, so
        /// the call is retried like a read (network errors, 408, 429, 5xx) and works in no-spend mode. A workflow's
        /// <c>402 {"estimatedCost"}</c> answer is read as the estimate too.
        /// </summary>
        public async Task<ScenarioCostEstimate> EstimateCostAsync(IScenarioRequest request, CancellationToken cancellationToken = default)
        {
            var modelId = CheckRequest(request);
            var body = WriteBody(request);
            return await EstimateBodyAsync(modelId, body, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Checks the request's model id and rules (nothing sent on failure); returns the model id.</summary>
        private string CheckRequest(IScenarioRequest request)
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

            var errors = request.Validate();
            if (errors.Count > 0)
            {
                Log.ValidationFailed(Logger, modelId, errors.Count);
                throw new ScenarioValidationException(modelId, errors);
            }

            return modelId;
        }

        /// <summary>Refuses a paid call (<c>"generate model_x"</c>, <c>"upload clip.mp4"</c>) in no-spend mode, before anything is sent.</summary>
        private void RefuseIfNoSpend(string verb, string subject)
        {
            if (Settings.NoSpend)
            {
                var refused = ScenarioSpendRefusedException.NoSpend(verb + " " + subject);
                SpendLog.SpendRefused(Logger, refused);
                throw refused;
            }
        }

        /// <summary>With <see cref="ScenarioClientOptions.MaxCostPerJob"/> set: prices the body and refuses it above the cap.</summary>
        private async Task EnforceCostCapAsync(string modelId, byte[] body, CancellationToken cancellationToken)
        {
            if (Settings.MaxCostPerJob is not double cap)
            {
                return;
            }

            var estimate = await EstimateBodyAsync(modelId, body, cancellationToken).ConfigureAwait(false);
            if (estimate.CreativeUnits > cap)
            {
                var refused = ScenarioSpendRefusedException.CostLimit(estimate, cap);
                SpendLog.SpendRefused(Logger, refused);
                throw refused;
            }
        }

        private async Task<ScenarioCostEstimate> EstimateBodyAsync(string modelId, byte[] body, CancellationToken cancellationToken)
        {
            var relative = "generate/custom/" + Uri.EscapeDataString(modelId) + "?dryRun=true";
            var uri = _transport.ApiUri(relative);
            var path = ScenarioTransport.Describe(HttpMethod.Post, uri) + " (dry run)";
            for (var attempt = 0; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ScenarioApiException failure;
                TimeSpan? retryAfter = null;
                try
                {
                    using var response = await _transport.SendAsync(() => _transport.NewApiRequest(HttpMethod.Post, uri, ScenarioTransport.JsonContent(body)), cancellationToken).ConfigureAwait(false);
                    var bytes = await _transport.ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                    var code = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode || code == 402)
                    {
                        var estimate = ReadEstimate(modelId, bytes, path, response.StatusCode);
                        if (estimate is not null)
                        {
                            SpendLog.CostEstimated(Logger, estimate);
                            return estimate;
                        }
                    }

                    var info = ScenarioJson.ReadError(bytes);
                    retryAfter = ScenarioTransport.RetryAfterOf(response, info);
                    failure = _transport.Error(path, response.StatusCode, info, null, retryAfter, false, null);
                    if (!ScenarioTransport.IsRetryable(response.StatusCode))
                    {
                        Log.RequestFailed(Logger, path, ScenarioTransport.Describe(response.StatusCode));
                        throw failure;
                    }
                }
                catch (Exception ex) when (ScenarioTransport.IsTransient(ex, cancellationToken))
                {
                    failure = _transport.NetworkError(path, ex, null, false);
                }

                await _transport.PauseBeforeRetryAsync(path, failure, attempt, retryAfter, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Reads <c>{"creativeUnitsCost", "creativeUnitsDiscount", "costDetails"}</c> (or a workflow's <c>estimatedCost</c>);
        /// null when a 402 carries no cost (a real payment error). A success that carries no cost, or a job, is an error.
        /// </summary>
        private ScenarioCostEstimate? ReadEstimate(string modelId, byte[] bytes, string path, HttpStatusCode status)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(bytes);
            }
            catch (JsonException ex)
            {
                if ((int)status == 402)
                {
                    return null;
                }

                throw _transport.Error(path, status, new ErrorInfo("the response is not valid JSON", null, null), null, null, false, ex);
            }

            using (doc)
            {
                var root = doc.RootElement;
                if ((int)status != 402 && ScenarioJson.ReadJob(root) is ScenarioJob job && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("job", out _))
                {
                    // The service ignored dryRun and created a job: say so loudly, with its id, rather than pretend it was free.
                    throw _transport.Error(path, status, new ErrorInfo("the dry run answered with a job, so the request ran and may be charged", null, null), job.JobId, null, true, null);
                }

                var cost = root.ValueKind == JsonValueKind.Object ? CostNumber(root, "creativeUnitsCost") ?? CostNumber(root, "estimatedCost") ?? CostNumber(root, "cost") : null;
                if (cost is not double units || units < 0)
                {
                    if ((int)status == 402)
                    {
                        return null;
                    }

                    throw _transport.Error(path, status, new ErrorInfo("the dry run's answer carries no cost (creativeUnitsCost)", null, null), null, null, false, null);
                }

                var details = new Dictionary<string, double>(StringComparer.Ordinal);
                if (root.TryGetProperty("costDetails", out var items) && items.ValueKind == JsonValueKind.Object)
                {
                    foreach (var item in items.EnumerateObject())
                    {
                        if (item.Value.ValueKind == JsonValueKind.Number && item.Value.TryGetDouble(out var v) && !double.IsNaN(v) && !double.IsInfinity(v))
                        {
                            details[Settings.Redactor.Redact(item.Name)] = v;
                        }
                    }
                }

                return new ScenarioCostEstimate(modelId, units, CostNumber(root, "creativeUnitsDiscount") ?? 0, details);
            }
        }

        private static double? CostNumber(JsonElement obj, string name) =>
            obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && !double.IsNaN(d) && !double.IsInfinity(d) ? d : null;
    }
}
