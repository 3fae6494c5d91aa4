namespace LtxCodegen.Schema.Model
{
    /// <summary>One Scenario model as one doc (or, after merging, all docs) describe it.</summary>
    public sealed record ModelSpec
    {
        public string Id { get; init; } = "";

        public string? Name { get; init; }

        public string? Description { get; init; }

        public EquatableArray<ParameterSpec> Parameters { get; init; } = EquatableArray<ParameterSpec>.Empty;

        /// <summary>The generated file's name, unique in the compilation (set when merging; empty before).</summary>
        public string HintName { get; init; } = "";

        /// <summary>Type names other models of the compilation already use: this model's option structs avoid them.</summary>
        public EquatableArray<string> ReservedTypeNames { get; init; } = EquatableArray<string>.Empty;

        /// <summary>Where the model is named (its Model ID or JSON id).</summary>
        public DocLocation Location { get; init; } = DocLocation.FileStart("");
    }
}
