using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LtxCodegen.Runtime.Tests.Support
{
    /// <summary>A request for any model id with a fixed JSON body and the given parameters (no rules are checked).</summary>
    internal sealed class FixedRequest : IScenarioRequest
    {
        private readonly string _json;

        public FixedRequest(string modelId, string json, params ScenarioParameterDescriptor[] parameters)
        {
            ModelId = modelId;
            _json = json;
            Descriptor = new ScenarioModelDescriptor(modelId, modelId, "Fixed", parameters);
        }

        public string ModelId { get; }

        public ScenarioModelDescriptor Descriptor { get; }

        public IReadOnlyList<ValidationError> Validate() => Array.Empty<ValidationError>();

        public void WriteJson(Utf8JsonWriter writer)
        {
            using var doc = JsonDocument.Parse(_json);
            doc.RootElement.WriteTo(writer);
        }
    }
}
