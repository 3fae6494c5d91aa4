using System;

namespace LtxCodegen.Metadata
{
    /// <summary>The inclusive range a numeric parameter accepts. An unset bound is <see cref="double.NaN"/>.</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class ScenarioRangeAttribute : Attribute
    {
        /// <summary>The inclusive minimum, or NaN when there is none.</summary>
        public double Minimum { get; set; } = double.NaN;

        /// <summary>The inclusive maximum, or NaN when there is none.</summary>
        public double Maximum { get; set; } = double.NaN;

        /// <summary>Where the range was read from.</summary>
        public RuleSource Source { get; set; }
    }
}
