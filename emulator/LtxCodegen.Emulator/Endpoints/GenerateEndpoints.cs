using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LtxCodegen.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LtxCodegen.Emulator.Endpoints
{
    /// <summary><c>POST /v1/generate/custom/{modelId}</c>: validates the body against the model, then creates a job (or, with <c>dryRun=true</c>, prices it).</summary>
    internal static class GenerateEndpoints
    {
        public static void Map(IEndpointRouteBuilder app, EmulatorState state)
        {
            app.MapPost("/v1/generate/custom/{modelId}", context => GenerateAsync(state, context));
        }

        private static async Task GenerateAsync(EmulatorState state, HttpContext context)
        {
            var user = HttpResults.User(context);
            var modelId = HttpResults.Route(context, "modelId");
            var model = state.FindModel(modelId);
            if (model is null)
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status404NotFound, "Model not found",
                    "No model '" + modelId + "' exists. Known models: " + (state.Models.Count == 0 ? "(none)" : string.Join(", ", state.Models.Select(m => m.Id).OrderBy(i => i, StringComparer.Ordinal))) + ".").ConfigureAwait(false);
                return;
            }

            using var document = await HttpResults.ReadJsonAsync(context).ConfigureAwait(false);
            if (document is null)
            {
                return;
            }

            var body = document.RootElement;
            var errors = new List<ValidationError>(ScenarioRequestValidator.Validate(model, body));
            if (errors.Count == 0 && state.Options.RequireExistingInputAssets)
            {
                CheckAssets(state, model, body, user, errors);
            }

            if (errors.Count > 0)
            {
                await HttpResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Invalid request parameters",
                    string.Join(" ", errors.Select(e => e.Message)),
                    b =>
                    {
                        var list = new JsonArray();
                        foreach (var e in errors)
                        {
                            list.Add(new JsonObject { ["parameter"] = e.Parameter, ["rule"] = e.Rule.ToString(), ["message"] = e.Message });
                        }

                        b["errors"] = list;
                    }).ConfigureAwait(false);
                return;
            }

            var price = Pricing.Price(model, body);
            if (IsTrue(context.Request.Query["dryRun"]))
            {
                // The real dry run: priced, nothing created, nothing charged.
                await HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, price.DryRunJson()).ConfigureAwait(false);
                return;
            }

            var now = state.Now;
            var jobId = EmulatorStore.NewId("job");
            var output = CreateOutput(state, model, body, user, jobId, now);
            var job = new JobState(jobId, user, "custom", now)
            {
                ModelId = model.Id,
                Input = RequestEcho.Build(model, body),
                Cost = price.Total,
                CostDetails = price.DetailsJson(),
                Fault = state.Faults.ForNewJob(),
                OutputAssetIds = new[] { output.Id },
            };
            if (!state.TryAdmit(job, out var running, out var limit))
            {
                await WriteParallelLimitAsync(context, running, limit).ConfigureAwait(false);
                return;
            }

            state.Store.Add(output);
            await HttpResults.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject
            {
                ["job"] = state.JobJson(job),
                ["creativeUnitsCost"] = price.Total,
            }).ConfigureAwait(false);
        }

        /// <summary>The real answer to one job too many: 429 whose <c>details</c> name <c>parallel-custom-jobs</c> and its <c>actionLimit</c>.</summary>
        private static Task WriteParallelLimitAsync(HttpContext context, int running, int limit) =>
            HttpResults.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too many parallel jobs",
                "You have " + running.ToString(CultureInfo.InvariantCulture) + " custom job(s) running; your plan allows " +
                limit.ToString(CultureInfo.InvariantCulture) + " at a time. Wait for one to finish.",
                b =>
                {
                    b["name"] = "ActionLimitExceededError";
                    b["details"] = new JsonObject { ["actionName"] = "parallel-custom-jobs", ["actionLimit"] = limit };
                });

        private static void CheckAssets(EmulatorState state, ScenarioModelDescriptor model, JsonElement body, string user, List<ValidationError> errors)
        {
            foreach (var parameter in model.Parameters)
            {
                if (parameter.Type is not (ScenarioParameterType.Asset or ScenarioParameterType.AssetArray) ||
                    !body.TryGetProperty(parameter.WireName, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var ids = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!).ToList() : new List<string> { value.GetString()! };
                foreach (var id in ids)
                {
                    var asset = state.FindVisibleAsset(id, user);
                    if (asset is null)
                    {
                        var pending = state.Store.FindAsset(id) is { } hidden && hidden.Owner == user;
                        errors.Add(new ValidationError(parameter.WireName, ValidationRule.Type, pending
                            ? "'" + parameter.WireName + "' names asset '" + id + "', which is not ready yet (its upload or job has not succeeded)."
                            : "'" + parameter.WireName + "' names asset '" + id + "', which does not exist for these credentials (upload it first)."));
                        break;
                    }

                    var expected = parameter.AssetKind ?? ((parameter.WireName == "video" || parameter.WireName == "image") ? parameter.WireName : null);
                    if (expected is not null && !string.Equals(asset.Kind, expected, StringComparison.Ordinal))
                    {
                        errors.Add(new ValidationError(parameter.WireName, ValidationRule.Type,
                            "'" + parameter.WireName + "' expects a " + expected + " asset, but '" + id + "' is a " + asset.Kind + " (" + asset.MimeType + ")."));
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// The output of a job: for a video model, the input clip when the request names a video asset of this
        /// emulator, else the bundled clip; for other models, the bundled PNG.
        /// </summary>
        private static AssetState CreateOutput(EmulatorState state, ScenarioModelDescriptor model, JsonElement body, string user, string jobId, DateTimeOffset now)
        {
            var id = EmulatorStore.NewId("asset");
            if (!ProducesVideo(model))
            {
                return new AssetState(id, user, "image/png", "image", "output-" + jobId + ".png", SampleMedia.ImageShared, now)
                {
                    SourceJobId = jobId,
                    Width = SampleMedia.ImageSize,
                    Height = SampleMedia.ImageSize,
                };
            }

            foreach (var parameter in model.Parameters)
            {
                if (parameter.Type == ScenarioParameterType.Asset && body.TryGetProperty(parameter.WireName, out var value) &&
                    value.ValueKind == JsonValueKind.String && state.FindVisibleAsset(value.GetString()!, user) is { Kind: "video" } input)
                {
                    return new AssetState(id, user, input.MimeType, "video", "output-" + jobId + AssetState.Extension(input.MimeType), input.Data, now)
                    {
                        SourceJobId = jobId,
                        Width = input.Width,
                        Height = input.Height,
                        Duration = input.Duration,
                    };
                }
            }

            return new AssetState(id, user, "video/mp4", "video", "output-" + jobId + ".mp4", SampleMedia.VideoShared, now)
            {
                SourceJobId = jobId,
                Width = SampleMedia.VideoWidth,
                Height = SampleMedia.VideoHeight,
                Duration = SampleMedia.VideoDurationSeconds,
            };
        }

        internal static bool ProducesVideo(ScenarioModelDescriptor model) =>
            model.Id.IndexOf("video", StringComparison.OrdinalIgnoreCase) >= 0 ||
            model.Parameters.Any(p => p.AssetKind == "video" || p.WireName is "extendDuration" or "duration" or "fps");

        private static bool IsTrue(string? value) =>
            string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";
    }
}
