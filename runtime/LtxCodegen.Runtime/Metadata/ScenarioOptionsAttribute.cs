using System;

namespace LtxCodegen.Metadata
{
    /// <summary>The values a parameter is known to accept (strings, or numbers written invariantly).</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class ScenarioOptionsAttribute : Attribute
    {
        /// <summary>Lists the known values.</summary>
        public ScenarioOptionsAttribute(params string[] values) => Values = values;

        /// <summary>The known values.</summary>
        public string[] Values { get; }

        /// <summary>True when the doc lists every accepted value; false when others may exist.</summary>
        public bool IsClosed { get; set; }

        /// <summary>Where the options were read from.</summary>
        public RuleSource Source { get; set; }
    }
}
