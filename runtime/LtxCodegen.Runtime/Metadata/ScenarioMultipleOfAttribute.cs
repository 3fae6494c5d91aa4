using System;

namespace LtxCodegen.Metadata
{
    /// <summary>A numeric parameter is a multiple of <see cref="Step"/>: rounded on serialization, or an error.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class ScenarioMultipleOfAttribute : Attribute
    {
        /// <summary>Sets the step.</summary>
        public ScenarioMultipleOfAttribute(double step) => Step = step;

        /// <summary>The step, e.g. 64.</summary>
        public double Step { get; }

        /// <summary>True when the doc says another value is an error; false when it is rounded (as the service does).</summary>
        public bool IsError { get; set; }

        /// <summary>Where the rule was read from.</summary>
        public RuleSource Source { get; set; }
    }
}
