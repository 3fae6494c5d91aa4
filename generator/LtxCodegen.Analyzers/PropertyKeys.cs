namespace LtxCodegen.Analyzers
{
    /// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> the code fixes read.</summary>
    public static class PropertyKeys
    {
        /// <summary>C# source of the value that repairs the diagnostic (a literal), when there is one.</summary>
        public const string Replacement = "Replacement";

        /// <summary>The name of the C# property that is missing (pair rule).</summary>
        public const string MissingProperty = "MissingProperty";

        /// <summary>The C# source of the value to give the missing property, or absent for a TODO value.</summary>
        public const string MissingValue = "MissingValue";

        /// <summary>The wire name of the missing parameter (for the TODO text).</summary>
        public const string MissingWireName = "MissingWireName";
    }
}
