using System.Linq;
using LtxCodegen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace LtxCodegen.Generator.Diagnostics
{
    /// <summary>A diagnostic as plain data (descriptor id, message arguments, place in the doc).</summary>
    internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Args, DocLocation? Location)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, DocLocation? location, params string[] args) =>
            new DiagnosticInfo(descriptor.Id, args.ToEquatableArray(), location);

        public Diagnostic ToDiagnostic()
        {
            var descriptor = GeneratorDiagnostics.Find(Id);
            var location = Location is null || Location.Path.Length == 0 ? Microsoft.CodeAnalysis.Location.None : Location.ToLocation();
            return Diagnostic.Create(descriptor, location, Args.Cast<object>().ToArray());
        }
    }
}
