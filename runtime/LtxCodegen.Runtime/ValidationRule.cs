namespace LtxCodegen
{
    /// <summary>The kind of rule a <see cref="ValidationError"/> reports.</summary>
    public enum ValidationRule
    {
        /// <summary>A required parameter is missing.</summary>
        Required,
        /// <summary>A parameter is required because another one is set (or is not set).</summary>
        ConditionalRequired,
        /// <summary>A number is outside its minimum / maximum.</summary>
        Range,
        /// <summary>A value is not one of a closed set of allowed values.</summary>
        Options,
        /// <summary>One of two parameters that must be used together is set without the other.</summary>
        Pair,
        /// <summary>A number is not a multiple of the step the doc states as an error.</summary>
        MultipleOf,
        /// <summary>A string or list is longer than allowed.</summary>
        MaxLength,
        /// <summary>A value has the wrong type (for example a fraction where an integer is expected).</summary>
        Type,
    }
}
