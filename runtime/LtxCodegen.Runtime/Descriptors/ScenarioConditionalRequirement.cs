namespace LtxCodegen
{
    /// <summary>
    /// A parameter is required when another one is set (<c>ifDefined</c>) or is not set (<c>ifNotDefined</c>).
    /// </summary>
    public sealed class ScenarioConditionalRequirement
    {
        /// <summary>Creates a rule.</summary>
        /// <param name="otherWireName">The parameter whose presence decides.</param>
        /// <param name="whenOtherIsSet">True for <c>ifDefined</c>, false for <c>ifNotDefined</c>.</param>
        /// <param name="message">The doc's message for the rule, if it gives one.</param>
        public ScenarioConditionalRequirement(string otherWireName, bool whenOtherIsSet, string? message = null)
        {
            OtherWireName = otherWireName;
            WhenOtherIsSet = whenOtherIsSet;
            Message = message;
        }

        /// <summary>The parameter whose presence decides.</summary>
        public string OtherWireName { get; }

        /// <summary>True: required when the other is set. False: required when the other is not set.</summary>
        public bool WhenOtherIsSet { get; }

        /// <summary>The doc's message for the rule, if it gives one.</summary>
        public string? Message { get; }
    }
}
