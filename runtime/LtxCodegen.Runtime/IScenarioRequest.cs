using System.Collections.Generic;
using System.Text.Json;

namespace LtxCodegen
{
    /// <summary>
    /// A request to one Scenario model, as generated from its model doc: the body of
    /// <c>POST /v1/generate/custom/{modelId}</c>.
    /// </summary>
    public interface IScenarioRequest
    {
        /// <summary>The Scenario model id, e.g. <c>model_ltx-2-19b-extend-video</c>.</summary>
        string ModelId { get; }

        /// <summary>The model's descriptor: its parameters, types, defaults and rules.</summary>
        ScenarioModelDescriptor Descriptor { get; }

        /// <summary>Checks every rule the model doc states; returns one error per problem (empty when valid).</summary>
        IReadOnlyList<ValidationError> Validate();

        /// <summary>Writes the request body as a JSON object under the exact wire names, omitting unset values.</summary>
        void WriteJson(Utf8JsonWriter writer);
    }
}
