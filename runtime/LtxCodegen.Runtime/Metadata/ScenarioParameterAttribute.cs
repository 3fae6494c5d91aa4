using System;

namespace LtxCodegen.Metadata
{
    /// <summary>Marks a generated property with the wire name it is sent under.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class ScenarioParameterAttribute : Attribute
    {
        /// <summary>Marks a property.</summary>
        public ScenarioParameterAttribute(string wireName) => WireName = wireName;

        /// <summary>The exact JSON name, e.g. <c>fps</c>.</summary>
        public string WireName { get; }
    }
}
