using Microsoft.CodeAnalysis;

namespace LtxCodegen.Analyzers
{
    /// <summary>
    /// Finds a type by metadata name when more than one assembly may define it (a polyfilled attribute next to the
    /// framework's, a library's internal copy of a runtime type). <c>GetTypeByMetadataName</c> returns null then
    /// (banned in BannedSymbols.txt); this picks the definition the consumer's code binds to.
    /// </summary>
    internal static class TypeLookup
    {
        /// <summary>
        /// The compilation's own definition if it has one (C# binds to it, CS0436), else an accessible one, preferring
        /// <paramref name="preferredAssembly"/> when several are accessible; null when none is.
        /// </summary>
        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName, string? preferredAssembly = null)
        {
            INamedTypeSymbol? found = null;
            foreach (var type in compilation.GetTypesByMetadataName(metadataName))
            {
                if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
                {
                    return type;
                }

                if (!compilation.IsSymbolAccessibleWithin(type, compilation.Assembly))
                {
                    continue;
                }

                if (found is null || (preferredAssembly is not null && type.ContainingAssembly.Name == preferredAssembly))
                {
                    found = type;
                }
            }

            return found;
        }
    }
}
