namespace LtxCodegen.Generator.Emitting
{
    /// <summary>
    /// What the consumer's compilation allows: its namespace for generated code, its C# version and whether the
    /// attributes behind <c>required</c> members exist. Plain values, so the pipeline caches them.
    /// </summary>
    internal sealed record GenerationOptions(
        string Namespace,
        int LanguageVersion,
        bool HasRequiredMemberAttributes,
        bool HasRuntime)
    {
        /// <summary>C# 8: nullable annotations.</summary>
        public bool UseNullable => LanguageVersion >= 800;

        /// <summary>C# 11 and the three attributes: <c>required</c> members.</summary>
        public bool UseRequired => LanguageVersion >= 1100 && HasRequiredMemberAttributes;

        public string Q => UseNullable ? "?" : string.Empty;

        /// <summary>
        /// A generated type by its full name: a member of the referring type (a property named like the model class)
        /// can never hide it.
        /// </summary>
        public string Global(string typeName) => "global::" + Namespace + "." + typeName;
    }
}
