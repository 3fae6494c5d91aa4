using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LtxCodegen.Extensions.AI.Internal;
using Microsoft.Extensions.AI;

namespace LtxCodegen.Extensions.AI
{
    /// <summary>
    /// A Scenario image model as a Microsoft.Extensions.AI <see cref="IImageGenerator"/> (make one with
    /// <see cref="ScenarioAIExtensions.AsImageGenerator"/>). The prompt, the original images (uploaded as assets) and
    /// <see cref="ImageGenerationOptions"/> map onto the model's parameters by its descriptor; whatever the model does not
    /// accept throws before anything is sent. Each output's <see cref="AIContent.AdditionalProperties"/> hold the job id,
    /// the asset id and the job's cost; <see cref="ImageGenerationResponse.RawRepresentation"/> is the finished <see cref="ScenarioJob"/>.
    /// </summary>
    public sealed class ScenarioImageGenerator : IImageGenerator
    {
        /// <summary>The key of the job id in each output's additional properties.</summary>
        public const string JobIdKey = "scenario.jobId";

        /// <summary>The key of the asset id in each output's additional properties.</summary>
        public const string AssetIdKey = "scenario.assetId";

        /// <summary>The key of the job's cost (creative units, when the service reports it) in each output's additional properties.</summary>
        public const string CostKey = "scenario.cost";

        /// <summary>The largest output read into memory for <see cref="ImageGenerationResponseFormat.Data"/> (64 MB).</summary>
        public const long MaxImageBytes = 64L * 1024 * 1024;

        private readonly IScenarioClient _client;
        private readonly ImageGeneratorMetadata _metadata;

        /// <summary>Creates a generator of <paramref name="model"/> on <paramref name="client"/> (not disposed by the generator).</summary>
        public ScenarioImageGenerator(IScenarioClient client, ScenarioModelDescriptor model)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            Model = model ?? throw new ArgumentNullException(nameof(model));
            _metadata = new ImageGeneratorMetadata("scenario", client.BaseAddress, model.Id);
        }

        /// <summary>The model this generator runs.</summary>
        public ScenarioModelDescriptor Model { get; }

        /// <inheritdoc />
        public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            // Everything is checked (mapping, then the model's rules with placeholder asset ids) before any upload.
            var mapped = ImageRequestMapper.Map(Model, request, options);
            var draft = new DescriptorRequest(Model, JsonValues.WriteObject(mapped.Values));
            var errors = draft.Validate();
            if (errors.Count > 0)
            {
                throw new ScenarioValidationException(Model.Id, errors);
            }

            var values = mapped.Values;
            for (var i = 0; i < mapped.Uploads.Count; i++)
            {
                var (parameter, image) = mapped.Uploads[i];
                var name = image.Name ?? "image-" + i + Extension(image.MediaType);
                using var content = new MemoryStream(image.Data.ToArray(), writable: false);
                var assetId = await _client.UploadAssetAsync(content, name, image.MediaType, cancellationToken).ConfigureAwait(false);
                values = Replace(values, ImageRequestMapper.Placeholder(i), assetId);
            }

            var job = await _client.RunAsync(new DescriptorRequest(Model, JsonValues.WriteObject(values)), null, cancellationToken).ConfigureAwait(false);
            var format = options?.ResponseFormat ?? ImageGenerationResponseFormat.Data;
            var contents = new List<AIContent>(job.AssetIds.Count);
            foreach (var assetId in job.AssetIds)
            {
                var content = await OutputAsync(job, assetId, format, cancellationToken).ConfigureAwait(false);
                content.AdditionalProperties ??= new AdditionalPropertiesDictionary();
                content.AdditionalProperties[JobIdKey] = job.JobId;
                content.AdditionalProperties[AssetIdKey] = assetId;
                if (job.Cost is double cost)
                {
                    content.AdditionalProperties[CostKey] = cost;
                }

                contents.Add(content);
            }

            return new ImageGenerationResponse(contents) { RawRepresentation = job };
        }

        /// <inheritdoc />
        public object? GetService(Type serviceType, object? serviceKey = null)
        {
            if (serviceType is null)
            {
                throw new ArgumentNullException(nameof(serviceType));
            }

            if (serviceKey is not null)
            {
                return null;
            }

            if (serviceType == typeof(ImageGeneratorMetadata))
            {
                return _metadata;
            }

            if (serviceType == typeof(ScenarioModelDescriptor))
            {
                return Model;
            }

            if (serviceType.IsInstanceOfType(_client))
            {
                return _client;
            }

            return serviceType.IsInstanceOfType(this) ? this : null;
        }

        /// <summary>Does nothing: the client belongs to the caller.</summary>
        public void Dispose()
        {
        }

        private async Task<AIContent> OutputAsync(ScenarioJob job, string assetId, ImageGenerationResponseFormat format, CancellationToken cancellationToken)
        {
            if (format == ImageGenerationResponseFormat.Hosted)
            {
                return new HostedFileContent(assetId);
            }

            if (format == ImageGenerationResponseFormat.Uri)
            {
                var asset = await _client.GetAssetAsync(assetId, cancellationToken).ConfigureAwait(false);
                if (asset.Url is null)
                {
                    throw new InvalidOperationException("Asset " + assetId + " of job " + job.JobId + " has no download URL.");
                }

                return new UriContent(asset.Url, asset.MimeType ?? "application/octet-stream");
            }

            using var buffer = new BoundedMemoryStream(MaxImageBytes, "Asset " + assetId + " of job " + job.JobId);
            var downloaded = await _client.DownloadAssetAsync(assetId, buffer, cancellationToken).ConfigureAwait(false);
            return new DataContent(buffer.ToArray(), downloaded.MimeType ?? "application/octet-stream") { Name = assetId + (downloaded.FileExtension ?? "") };
        }

        private static List<KeyValuePair<string, object?>> Replace(List<KeyValuePair<string, object?>> values, string placeholder, string assetId)
        {
            var result = new List<KeyValuePair<string, object?>>(values.Count);
            foreach (var pair in values)
            {
                object? value = pair.Value;
                if (value is string s && s == placeholder)
                {
                    value = assetId;
                }
                else if (value is List<object?> items)
                {
                    var copy = new List<object?>(items.Count);
                    foreach (var item in items)
                    {
                        copy.Add(item is string t && t == placeholder ? assetId : item);
                    }

                    value = copy;
                }

                result.Add(new KeyValuePair<string, object?>(pair.Key, value));
            }

            return result;
        }

        private static string Extension(string mediaType) => mediaType.ToLowerInvariant() switch
        {
            "image/png" => ".png",
            "image/jpeg" or "image/jpg" => ".jpg",
            "image/webp" => ".webp",
            "image/gif" => ".gif",
            _ => "",
        };
    }
}
