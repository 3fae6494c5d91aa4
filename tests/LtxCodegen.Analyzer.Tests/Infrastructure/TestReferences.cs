using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LtxCodegen.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LtxCodegen.Analyzer.Tests.Infrastructure
{
    /// <summary>
    /// What a test compilation references: the running .NET framework's assemblies (so no reference pack is downloaded)
    /// and the real LtxCodegen runtime, whose attributes the analyzer reads.
    /// </summary>
    internal static class TestReferences
    {
        /// <summary>No package: the framework comes from <see cref="All"/>.</summary>
        public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

        public static ImmutableArray<MetadataReference> All { get; } = Create();

        private static ImmutableArray<MetadataReference> Create()
        {
            var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path =>
                {
                    var name = Path.GetFileNameWithoutExtension(path);
                    return name is "mscorlib" or "netstandard" or "System" || name.StartsWith("System.", StringComparison.Ordinal)
                        || name.StartsWith("Microsoft.Extensions.Logging.Abstractions", StringComparison.Ordinal)
                        || name.StartsWith("Microsoft.Extensions.DependencyInjection.Abstractions", StringComparison.Ordinal);
                });
            var runtime = typeof(ScenarioModelAttribute).Assembly.Location;
            return trusted.Append(runtime)
                .Distinct(StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }
    }
}
