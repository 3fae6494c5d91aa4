using System.Linq;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Generator.Diagnostics
{
    /// <summary>Turns the model library's plain diagnostics into Roslyn diagnostics: the id picks the descriptor (<see cref="GeneratorDiagnostics"/>).</summary>
    internal static class DiagnosticMapping
    {
        public static Diagnostic ToDiagnostic(this DiagnosticInfo info)
        {
            var location = info.Location is null || info.Location.Path.Length == 0 ? Location.None : info.Location.ToLocation();
            if (!GeneratorDiagnostics.Has(info.Id))
            {
                // An id without a descriptor is a bug of ours: reported, never thrown out of the generator.
                return Diagnostic.Create(GeneratorDiagnostics.Find(SchemaDiagnostics.InternalError.Id), location, "unknown diagnostic " + info.Message);
            }

            return Diagnostic.Create(GeneratorDiagnostics.Find(info.Id), location, info.Args.Cast<object>().ToArray());
        }

        public static Location ToLocation(this DocLocation location) =>
            Location.Create(
                location.Path,
                new TextSpan(location.Start, location.Length),
                new LinePositionSpan(new LinePosition(location.StartLine, location.StartColumn), new LinePosition(location.EndLine, location.EndColumn)));
    }
}
