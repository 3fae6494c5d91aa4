using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LtxCodegen.Generator.Model
{
    /// <summary>A place in a model doc (path, character span, line/column span), value-equal.</summary>
    internal sealed record DocLocation(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static DocLocation FileStart(string path) => new DocLocation(path, 0, 0, 0, 0, 0, 0);

        public Location ToLocation() =>
            Location.Create(
                Path,
                new TextSpan(Start, Length),
                new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

        /// <summary>One-based "line:column", for messages that point at another file.</summary>
        public string Describe() => System.IO.Path.GetFileName(Path) + "(" + (StartLine + 1) + "," + (StartColumn + 1) + ")";
    }
}
