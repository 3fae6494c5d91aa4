using System.Collections.Generic;
using System.Text.Json;

namespace LtxCodegen.Cli
{
    /// <summary>A request built at run time: a model descriptor and the JSON body assembled from the command line.</summary>
    internal sealed class DescriptorRequest : IScenarioRequest
    {
        private readonly JsonElement _body;

        public DescriptorRequest(ScenarioModelDescriptor descriptor, JsonElement body)
        {
            Descriptor = descriptor;
            _body = body.Clone();
        }

        public string ModelId => Descriptor.Id;

        public ScenarioModelDescriptor Descriptor { get; }

        public IReadOnlyList<ValidationError> Validate() => ScenarioRequestValidator.Validate(Descriptor, _body);

        public void WriteJson(Utf8JsonWriter writer) => _body.WriteTo(writer);
    }
}
