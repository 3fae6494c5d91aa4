using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Extensions.AI.Internal;
using Microsoft.Extensions.AI;

namespace LtxCodegen.Extensions.AI
{
    /// <summary>
    /// A Scenario model as an <see cref="AIFunction"/> any <c>IChatClient</c> can call (make them with
    /// <see cref="ScenarioAIExtensions.AsAITools"/>). Its JSON schema comes from the model's descriptor; invoking it
    /// checks the arguments with the model's rules (an invalid call returns the errors to the model and sends nothing),
    /// runs the job and returns its asset ids, download URLs and cost as JSON.
    /// </summary>
    public sealed class ScenarioModelFunction : AIFunction
    {
        private readonly IScenarioClient _client;
        private readonly JsonElement _schema;

        /// <summary>Creates the function of <paramref name="model"/> on <paramref name="client"/>.</summary>
        public ScenarioModelFunction(IScenarioClient client, ScenarioModelDescriptor model)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            Model = model ?? throw new ArgumentNullException(nameof(model));
            Name = NameOf(model);
            Description = (model.Name + ". " + (model.Description is { Length: > 0 } d ? d.TrimEnd() + " " : "") +
                "Runs the Scenario model " + model.Id + " (a paid job) and returns its output asset ids, download URLs and cost as JSON.").Trim();
            _schema = ToolSchema.For(model);
        }

        /// <summary>The model this function runs.</summary>
        public ScenarioModelDescriptor Model { get; }

        /// <inheritdoc />
        public override string Name { get; }

        /// <inheritdoc />
        public override string Description { get; }

        /// <inheritdoc />
        public override JsonElement JsonSchema => _schema;

        /// <summary>
        /// The tool name of a model: its id, with any character other than letters, digits, <c>_</c> and <c>-</c>
        /// replaced by <c>_</c>, at most 64 characters (what chat services accept).
        /// </summary>
        public static string NameOf(ScenarioModelDescriptor model)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            var name = new StringBuilder(Math.Min(model.Id.Length, 64));
            foreach (var c in model.Id)
            {
                if (name.Length == 64)
                {
                    break;
                }

                name.Append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ? c : '_');
            }

            return name.Length == 0 ? "scenario_model" : name.ToString();
        }

        /// <inheritdoc />
        protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
        {
            var values = new List<KeyValuePair<string, object?>>();
            foreach (var pair in arguments)
            {
                if (JsonValues.Unsupported(pair.Value) is string type)
                {
                    return Refused(new[] { new ValidationError(pair.Key, ValidationRule.Type, "'" + pair.Key + "' is a " + type + ", not a JSON value.") });
                }

                values.Add(new KeyValuePair<string, object?>(pair.Key, pair.Value));
            }

            var request = new DescriptorRequest(Model, JsonValues.WriteObject(values));
            var errors = request.Validate();
            if (errors.Count > 0)
            {
                return Refused(errors);
            }

            ScenarioJob job;
            try
            {
                job = await _client.RunAsync(request, null, cancellationToken).ConfigureAwait(false);
            }
            catch (ScenarioValidationException e)
            {
                return Refused(e.Errors);
            }
            catch (ScenarioException e)
            {
                // The model reads why; a job that may exist is named so that nobody pays for it twice.
                return Result(w =>
                {
                    w.WriteString("error", e.Message);
                    if (e.JobId is string jobId)
                    {
                        w.WriteString("jobId", jobId);
                    }

                    if (e is ScenarioApiException { JobMayExist: true })
                    {
                        w.WriteBoolean("jobMayExist", true);
                        w.WriteString("advice", "Do not call again: the job may have been created and billed.");
                    }
                });
            }

            var assets = new List<ScenarioAsset>(job.AssetIds.Count);
            foreach (var assetId in job.AssetIds)
            {
                assets.Add(await _client.GetAssetAsync(assetId, cancellationToken).ConfigureAwait(false));
            }

            return Result(w =>
            {
                w.WriteString("jobId", job.JobId);
                w.WriteString("status", job.Status);
                if (job.Cost is double cost)
                {
                    w.WriteNumber("cost", cost);
                }
                else
                {
                    w.WriteNull("cost");
                }

                w.WriteStartArray("assets");
                foreach (var asset in assets)
                {
                    w.WriteStartObject();
                    w.WriteString("assetId", asset.Id);
                    w.WriteString("url", asset.Url?.AbsoluteUri);
                    w.WriteString("mimeType", asset.MimeType);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
        }

        private JsonElement Refused(IReadOnlyList<ValidationError> errors) => Result(w =>
        {
            w.WriteString("error", "Invalid arguments for " + Model.Id + ": nothing was sent. Fix them and call again.");
            w.WriteStartArray("errors");
            foreach (var error in errors)
            {
                w.WriteStartObject();
                w.WriteString("parameter", error.Parameter);
                w.WriteString("rule", error.Rule.ToString());
                w.WriteString("message", error.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });

        private static JsonElement Result(Action<Utf8JsonWriter> body)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                body(writer);
                writer.WriteEndObject();
            }

            using var doc = JsonDocument.Parse(buffer.ToArray());
            return doc.RootElement.Clone();
        }
    }
}
