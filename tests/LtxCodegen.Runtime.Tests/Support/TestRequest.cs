using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LtxCodegen.Runtime.Tests.Support
{
    /// <summary>
    /// A request built from a descriptor and loose values, for the cases a typed generated request cannot express
    /// (e.g. a body the emulator must refuse). Validation is the runtime's own <see cref="ScenarioRequestValidator"/>.
    /// </summary>
    internal sealed class TestRequest : IScenarioRequest
    {
        public TestRequest(ScenarioModelDescriptor descriptor, JsonObject values)
        {
            Descriptor = descriptor;
            Values = values;
        }

        public string ModelId => Descriptor.Id;

        public ScenarioModelDescriptor Descriptor { get; }

        public JsonObject Values { get; }

        public bool SkipValidation { get; init; }

        public IReadOnlyList<ValidationError> Validate()
        {
            if (SkipValidation)
            {
                return new List<ValidationError>();
            }

            using var doc = JsonDocument.Parse(Values.ToJsonString());
            return ScenarioRequestValidator.Validate(Descriptor, doc.RootElement);
        }

        public void WriteJson(Utf8JsonWriter writer) => Values.WriteTo(writer);
    }
}
