using System;

namespace LtxCodegen.Metadata
{
    /// <summary>This parameter must be used together with another one ("Must be used with height").</summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = false)]
    public sealed class ScenarioPairAttribute : Attribute
    {
        /// <summary>Names the partner.</summary>
        public ScenarioPairAttribute(string partnerWireName) => PartnerWireName = partnerWireName;

        /// <summary>The partner's wire name, e.g. <c>height</c>.</summary>
        public string PartnerWireName { get; }

        /// <summary>Where the rule was read from.</summary>
        public RuleSource Source { get; set; }
    }
}
