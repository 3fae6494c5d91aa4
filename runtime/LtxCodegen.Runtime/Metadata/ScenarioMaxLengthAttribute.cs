using System;

namespace LtxCodegen.Metadata
{
    /// <summary>The longest string, or the most list items, a parameter accepts.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class ScenarioMaxLengthAttribute : Attribute
    {
        /// <summary>Sets the limit.</summary>
        public ScenarioMaxLengthAttribute(int maxLength) => MaxLength = maxLength;

        /// <summary>The limit.</summary>
        public int MaxLength { get; }
    }
}
