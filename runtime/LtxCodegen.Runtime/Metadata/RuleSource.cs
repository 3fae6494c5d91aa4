namespace LtxCodegen.Metadata
{
    /// <summary>Where a rule was read from.</summary>
    public enum RuleSource
    {
        /// <summary>A dedicated column or field of the doc (Min, Max, Allowed Values, JSON <c>min</c>...).</summary>
        Structured = 0,
        /// <summary>Extracted from the description's prose, e.g. "(1-60 fps)".</summary>
        Prose = 1,
    }
}
