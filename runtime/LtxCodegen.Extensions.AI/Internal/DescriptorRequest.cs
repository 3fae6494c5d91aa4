using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LtxCodegen.Extensions.AI.Internal
{
    /// <summary>A request built from a model descriptor and a JSON body, checked by the same rule engine as the emulator and the CLI.</summary>
    internal sealed class DescriptorRequest : IScenarioRequest
    {
        private readonly byte[] _body;

        public DescriptorRequest(ScenarioModelDescriptor descriptor, byte[] body)
        {
            Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
            _body = body ?? throw new ArgumentNullException(nameof(body));
        }

        public string ModelId => Descriptor.Id;

        public ScenarioModelDescriptor Descriptor { get; }

        public IReadOnlyList<ValidationError> Validate()
        {
            using var doc = JsonDocument.Parse(_body);
            return ScenarioRequestValidator.Validate(Descriptor, doc.RootElement);
        }

        public void WriteJson(Utf8JsonWriter writer)
        {
            using var doc = JsonDocument.Parse(_body);
            doc.RootElement.WriteTo(writer);
        }

        public override string ToString() => ModelId + " " + System.Text.Encoding.UTF8.GetString(_body);
    }
}
