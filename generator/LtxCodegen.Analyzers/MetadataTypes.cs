using Microsoft.CodeAnalysis;

namespace LtxCodegen.Analyzers
{
    /// <summary>The rule attribute types of LtxCodegen.Metadata, resolved once per compilation.</summary>
    internal sealed class MetadataTypes
    {
        private const string Namespace = "LtxCodegen.Metadata.";
        private const string RuntimeAssembly = "LtxCodegen.Runtime";

        private MetadataTypes(Compilation compilation, INamedTypeSymbol model)
        {
            Model = model;
            Parameter = Find(compilation, "ScenarioParameterAttribute");
            Range = Find(compilation, "ScenarioRangeAttribute");
            Options = Find(compilation, "ScenarioOptionsAttribute");
            Pair = Find(compilation, "ScenarioPairAttribute");
            MultipleOf = Find(compilation, "ScenarioMultipleOfAttribute");
            Required = Find(compilation, "ScenarioRequiredAttribute");
            MaxLength = Find(compilation, "ScenarioMaxLengthAttribute");
            SetsRequiredMembers = TypeLookup.Find(compilation, "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
        }

        public INamedTypeSymbol Model { get; }
        public INamedTypeSymbol? Parameter { get; }
        public INamedTypeSymbol? Range { get; }
        public INamedTypeSymbol? Options { get; }
        public INamedTypeSymbol? Pair { get; }
        public INamedTypeSymbol? MultipleOf { get; }
        public INamedTypeSymbol? Required { get; }
        public INamedTypeSymbol? MaxLength { get; }
        public INamedTypeSymbol? SetsRequiredMembers { get; }

        private static INamedTypeSymbol? Find(Compilation compilation, string name) =>
            TypeLookup.Find(compilation, Namespace + name, RuntimeAssembly);

        /// <summary>Resolves the types, or returns null when the compilation does not see LtxCodegen.Metadata.</summary>
        public static MetadataTypes? TryCreate(Compilation compilation)
        {
            var model = Find(compilation, "ScenarioModelAttribute");
            return model is null ? null : new MetadataTypes(compilation, model);
        }
    }
}
