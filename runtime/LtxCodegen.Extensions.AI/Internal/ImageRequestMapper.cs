using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.AI;

namespace LtxCodegen.Extensions.AI.Internal
{
    /// <summary>
    /// Maps an <see cref="ImageGenerationRequest"/> and its <see cref="ImageGenerationOptions"/> onto a model's
    /// parameters, by its descriptor. Everything the model cannot take is an exception here, before anything is sent.
    /// </summary>
    internal sealed class ImageRequestMapper
    {
        private static readonly string[] CountNames = { "numOutputs", "numSamples", "numImages", "numberOfImages", "imageCount", "n", "count", "batchSize" };
        private static readonly string[] AspectRatioNames = { "aspectRatio", "aspect_ratio" };
        private static readonly string[] FormatNames = { "outputFormat", "output_format", "format", "fileFormat", "imageFormat" };

        private readonly ScenarioModelDescriptor _model;

        private ImageRequestMapper(ScenarioModelDescriptor model) => _model = model;

        /// <summary>The body values in order (asset inputs hold placeholders until uploaded).</summary>
        public List<KeyValuePair<string, object?>> Values { get; } = new List<KeyValuePair<string, object?>>();

        /// <summary>Images to upload: the parameter each goes to, and the image.</summary>
        public List<(string Parameter, DataContent Image)> Uploads { get; } = new List<(string, DataContent)>();

        public static ImageRequestMapper Map(ScenarioModelDescriptor model, ImageGenerationRequest request, ImageGenerationOptions? options)
        {
            var mapper = new ImageRequestMapper(model);
            mapper.MapPrompt(request.Prompt);
            mapper.MapImages(request.OriginalImages);
            if (options is not null)
            {
                mapper.MapOptions(options);
            }

            return mapper;
        }

        private void MapPrompt(string? prompt)
        {
            if (prompt is null)
            {
                return;
            }

            var parameter = Find("prompt") ?? throw new NotSupportedException(_model.Id + " takes no prompt (its parameters: " + ParameterList() + ").");
            Set(parameter.WireName, prompt);
        }

        private void MapImages(IEnumerable<AIContent>? images)
        {
            var list = images?.ToList() ?? new List<AIContent>();
            if (list.Count == 0)
            {
                return;
            }

            // The model's image inputs: asset parameters of kind image (or of unknown kind), required ones first, in doc order.
            var slots = _model.Parameters
                .Where(p => p.Type is ScenarioParameterType.Asset or ScenarioParameterType.AssetArray && (p.AssetKind is null || p.AssetKind == "image"))
                .OrderBy(p => p.IsRequired ? 0 : 1)
                .ToList();
            if (slots.Count == 0)
            {
                throw new NotSupportedException(_model.Id + " takes no input image (its parameters: " + ParameterList() + ").");
            }

            var next = 0;
            var arrays = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                if (next >= slots.Count)
                {
                    throw new NotSupportedException(_model.Id + " takes at most " + slots.Count + " input image(s) (" + string.Join(", ", slots.Select(s => s.WireName)) + "); the request has " + list.Count + ".");
                }

                var slot = slots[next];
                var value = Input(list[i], i, slot.WireName);
                if (slot.Type == ScenarioParameterType.AssetArray)
                {
                    if (!arrays.TryGetValue(slot.WireName, out var items))
                    {
                        arrays[slot.WireName] = items = new List<object?>();
                        Set(slot.WireName, items);
                    }

                    items.Add(value);
                    if (slot.MaxLength is int max && items.Count >= max)
                    {
                        next++;
                    }
                }
                else
                {
                    Set(slot.WireName, value);
                    next++;
                }
            }
        }

        // A DataContent is uploaded (a placeholder id until then); a HostedFileContent names an existing Scenario asset.
        private string Input(AIContent content, int index, string parameter)
        {
            switch (content)
            {
                case DataContent data when data.HasTopLevelMediaType("image"):
                    Uploads.Add((parameter, data));
                    return Placeholder(Uploads.Count - 1);
                case DataContent data:
                    throw new NotSupportedException("Input image " + index + " is " + data.MediaType + ", not an image.");
                case HostedFileContent hosted when !string.IsNullOrWhiteSpace(hosted.FileId):
                    return hosted.FileId;
                case UriContent uri:
                    throw new NotSupportedException("Input image " + index + " is a URI (" + uri.Uri.Scheme + "); pass its bytes as DataContent (they are uploaded as an asset), or a HostedFileContent naming a Scenario asset id.");
                default:
                    throw new NotSupportedException("Input image " + index + " is a " + content.GetType().Name + "; pass DataContent (uploaded as an asset) or HostedFileContent (a Scenario asset id).");
            }
        }

        public static string Placeholder(int index) => "asset_pending-upload-" + index.ToString(CultureInfo.InvariantCulture);

        private void MapOptions(ImageGenerationOptions options)
        {
            if (options.ModelId is string modelId && !string.Equals(modelId, _model.Id, StringComparison.Ordinal))
            {
                throw new NotSupportedException("This generator runs " + _model.Id + ", not " + modelId + ": make another with AsImageGenerator(descriptor).");
            }

            if (options.Count is int count)
            {
                var parameter = FindAny(CountNames, numeric: true);
                if (parameter is null)
                {
                    if (count != 1)
                    {
                        throw new NotSupportedException(_model.Id + " makes one image per job: it has no count parameter (its parameters: " + ParameterList() + ").");
                    }
                }
                else
                {
                    Set(parameter.WireName, count);
                }
            }

            if (options.ImageSize is { } size)
            {
                MapSize(size.Width, size.Height);
            }

            if (options.MediaType is string mediaType)
            {
                MapMediaType(mediaType);
            }

            if (options.AdditionalProperties is { } extra)
            {
                foreach (var pair in extra)
                {
                    var parameter = _model.Find(pair.Key) ?? throw new ArgumentException(
                        "'" + pair.Key + "' is not a parameter of " + _model.Id + Suggest(pair.Key) + " (its parameters: " + ParameterList() + ").", nameof(options));
                    if (JsonValues.Unsupported(pair.Value) is string type)
                    {
                        throw new ArgumentException("'" + pair.Key + "' is a " + type + ": pass a string, number, boolean, list or JsonElement.", nameof(options));
                    }

                    Set(parameter.WireName, pair.Value);
                }
            }
        }

        private void MapSize(int width, int height)
        {
            if (width <= 0 || height <= 0)
            {
                throw new ArgumentException("ImageSize " + width + "x" + height + " is not a size.", "options");
            }

            var w = Find("width");
            var h = Find("height");
            if (w is not null && h is not null)
            {
                Set(w.WireName, width);
                Set(h.WireName, height);
                return;
            }

            var ratio = FindAny(AspectRatioNames, numeric: false);
            if (ratio is null)
            {
                throw new NotSupportedException(_model.Id + " takes neither width/height nor an aspect ratio, so ImageSize " + width + "x" + height + " cannot be honoured.");
            }

            foreach (var option in ratio.Options)
            {
                var parts = option.Split(':');
                if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a) &&
                    long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && a * height == b * width)
                {
                    Set(ratio.WireName, option);
                    return;
                }
            }

            if (ratio.OptionsAreClosed)
            {
                throw new NotSupportedException(_model.Id + " has no aspect ratio for ImageSize " + width + "x" + height + "; it accepts " + string.Join(", ", ratio.Options) + ".");
            }

            var gcd = Gcd(width, height);
            Set(ratio.WireName, (width / gcd).ToString(CultureInfo.InvariantCulture) + ":" + (height / gcd).ToString(CultureInfo.InvariantCulture));
        }

        private void MapMediaType(string mediaType)
        {
            var parameter = FindAny(FormatNames, numeric: false) ?? throw new NotSupportedException(
                _model.Id + " has no output format parameter, so MediaType " + mediaType + " cannot be asked for; leave it unset.");
            var slash = mediaType.IndexOf('/');
            var subtype = (slash >= 0 ? mediaType.Substring(slash + 1) : mediaType).ToLowerInvariant();
            var candidates = subtype == "jpeg" || subtype == "jpg" ? new[] { "jpeg", "jpg" } : new[] { subtype };
            foreach (var option in parameter.Options)
            {
                if (candidates.Contains(option, StringComparer.OrdinalIgnoreCase))
                {
                    Set(parameter.WireName, option);
                    return;
                }
            }

            if (parameter.OptionsAreClosed || parameter.Options.Count > 0)
            {
                throw new NotSupportedException(_model.Id + " cannot output " + mediaType + "; its " + parameter.WireName + " accepts " + string.Join(", ", parameter.Options) + ".");
            }

            Set(parameter.WireName, candidates[0]);
        }

        private void Set(string wireName, object? value)
        {
            Values.RemoveAll(v => v.Key == wireName);
            Values.Add(new KeyValuePair<string, object?>(wireName, value));
        }

        private ScenarioParameterDescriptor? Find(string name) =>
            _model.Find(name) ?? _model.Parameters.FirstOrDefault(p => string.Equals(p.WireName, name, StringComparison.OrdinalIgnoreCase));

        private ScenarioParameterDescriptor? FindAny(string[] names, bool numeric)
        {
            foreach (var name in names)
            {
                if (Find(name) is { } p && (numeric ? p.Type is ScenarioParameterType.Integer or ScenarioParameterType.Number : p.Type == ScenarioParameterType.String))
                {
                    return p;
                }
            }

            return null;
        }

        private string Suggest(string name)
        {
            var near = _model.Parameters.FirstOrDefault(p => string.Equals(p.WireName, name, StringComparison.OrdinalIgnoreCase));
            return near is null ? "" : " (did you mean '" + near.WireName + "'?)";
        }

        private string ParameterList() => string.Join(", ", _model.Parameters.Select(p => p.WireName));

        private static int Gcd(int a, int b)
        {
            while (b != 0)
            {
                (a, b) = (b, a % b);
            }

            return a;
        }
    }
}
