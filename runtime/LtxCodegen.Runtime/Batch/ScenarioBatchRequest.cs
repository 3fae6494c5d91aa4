using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LtxCodegen.Batch
{
    /// <summary>A batch line as a request: its parameters with local file paths replaced by the uploaded asset ids.</summary>
    public sealed class ScenarioBatchRequest : IScenarioRequest
    {
        private readonly JsonElement _body;

        /// <summary>Creates the request of <paramref name="line"/>, mapping each local file value through <paramref name="assetIds"/> (value → asset id).</summary>
        public ScenarioBatchRequest(ScenarioBatchLine line, IReadOnlyDictionary<string, string> assetIds)
        {
            if (line is null)
            {
                throw new ArgumentNullException(nameof(line));
            }

            Descriptor = line.Model;
            _body = Rewrite(line, assetIds ?? throw new ArgumentNullException(nameof(assetIds)));
        }

        /// <inheritdoc />
        public string ModelId => Descriptor.Id;

        /// <inheritdoc />
        public ScenarioModelDescriptor Descriptor { get; }

        /// <inheritdoc />
        public IReadOnlyList<ValidationError> Validate() => ScenarioRequestValidator.Validate(Descriptor, _body);

        /// <inheritdoc />
        public void WriteJson(Utf8JsonWriter writer) => _body.WriteTo(writer);

        private static JsonElement Rewrite(ScenarioBatchLine line, IReadOnlyDictionary<string, string> assetIds)
        {
            if (line.LocalFiles.Count == 0)
            {
                return line.Parameters;
            }

            using var buffer = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var property in line.Parameters.EnumerateObject())
                {
                    var parameter = line.Model.Find(property.Name);
                    writer.WritePropertyName(property.Name);
                    if (parameter is not null && parameter.Type is ScenarioParameterType.Asset or ScenarioParameterType.AssetArray)
                    {
                        WriteMapped(writer, property.Value, line, assetIds);
                    }
                    else
                    {
                        property.Value.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }

        private static void WriteMapped(Utf8JsonWriter writer, JsonElement value, ScenarioBatchLine line, IReadOnlyDictionary<string, string> assetIds)
        {
            if (value.ValueKind == JsonValueKind.Array)
            {
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteMapped(writer, item, line, assetIds);
                }

                writer.WriteEndArray();
            }
            else if (value.ValueKind == JsonValueKind.String && line.LocalFiles.ContainsKey(value.GetString()!))
            {
                writer.WriteStringValue(assetIds.TryGetValue(value.GetString()!, out var id)
                    ? id
                    : throw new InvalidOperationException("The file '" + value.GetString() + "' of line " + line.LineNumber + " has not been uploaded."));
            }
            else
            {
                value.WriteTo(writer);
            }
        }
    }
}
