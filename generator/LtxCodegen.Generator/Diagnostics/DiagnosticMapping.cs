using System.Linq;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Generator.Diagnostics
{
    /// <summary>Turns the model library's plain diagnostics into Roslyn diagnostics: the id picks the descriptor.</summary>
    internal static class DiagnosticMapping
    {
        public static Diagnostic ToDiagnostic(this DiagnosticInfo info)
        {
            var descriptor = GeneratorDiagnostics.Find(info.Id);
            var location = info.Location is null || info.Location.Path.Length == 0 ? Location.None : info.Location.ToLocation();
            return Diagnostic.Create(descriptor, location, info.Args.Cast<object>().ToArray());
        }

        public static Location ToLocation(this DocLocation location) =>
            Location.Create(
                location.Path,
                new TextSpan(location.Start, location.Length),
                new LinePositionSpan(new LinePosition(location.StartLine, location.StartColumn), new LinePosition(location.EndLine, location.EndColumn)));
    }
}
