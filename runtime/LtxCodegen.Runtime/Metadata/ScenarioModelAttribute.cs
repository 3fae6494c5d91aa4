using System;

namespace LtxCodegen.Metadata
{
    /// <summary>Marks a generated request class with the Scenario model id it targets.</summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = false)]
    public sealed class ScenarioModelAttribute : Attribute
    {
        /// <summary>Marks a request class.</summary>
        public ScenarioModelAttribute(string modelId) => ModelId = modelId;

        /// <summary>The model id, e.g. <c>model_ltx-2-19b-video-to-video</c>.</summary>
        public string ModelId { get; }
    }
}
