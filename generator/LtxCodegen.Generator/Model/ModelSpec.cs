namespace LtxCodegen.Generator.Model
{
    /// <summary>One Scenario model as one doc (or, after merging, all docs) describe it.</summary>
    internal sealed record ModelSpec
    {
        public string Id { get; init; } = "";

        public string? Name { get; init; }

        public string? Description { get; init; }

        public EquatableArray<ParameterSpec> Parameters { get; init; } = EquatableArray<ParameterSpec>.Empty;

        /// <summary>Where the model is named (its Model ID or JSON id).</summary>
        public DocLocation Location { get; init; } = DocLocation.FileStart("");
    }
}
