using Microsoft.CodeAnalysis;

namespace LtxCodegen.Analyzers
{
    /// <summary>The rule attribute types of LtxCodegen.Metadata, resolved once per compilation.</summary>
    internal sealed class MetadataTypes
    {
        private const string Namespace = "LtxCodegen.Metadata.";

        private MetadataTypes(Compilation compilation, INamedTypeSymbol model)
        {
            Model = model;
            Parameter = compilation.GetTypeByMetadataName(Namespace + "ScenarioParameterAttribute");
            Range = compilation.GetTypeByMetadataName(Namespace + "ScenarioRangeAttribute");
            Options = compilation.GetTypeByMetadataName(Namespace + "ScenarioOptionsAttribute");
            Pair = compilation.GetTypeByMetadataName(Namespace + "ScenarioPairAttribute");
            MultipleOf = compilation.GetTypeByMetadataName(Namespace + "ScenarioMultipleOfAttribute");
            Required = compilation.GetTypeByMetadataName(Namespace + "ScenarioRequiredAttribute");
            MaxLength = compilation.GetTypeByMetadataName(Namespace + "ScenarioMaxLengthAttribute");
            SetsRequiredMembers = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
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

        /// <summary>Resolves the types, or returns null when the compilation does not see LtxCodegen.Metadata.</summary>
        public static MetadataTypes? TryCreate(Compilation compilation)
        {
            var model = compilation.GetTypeByMetadataName(Namespace + "ScenarioModelAttribute");
            return model is null ? null : new MetadataTypes(compilation, model);
        }
    }
}
