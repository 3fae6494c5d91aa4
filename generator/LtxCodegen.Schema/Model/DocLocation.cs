namespace LtxCodegen.Schema.Model
{
    /// <summary>A place in a model doc (path, character span, line/column span), value-equal.</summary>
    public sealed record DocLocation(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static DocLocation FileStart(string path) => new DocLocation(path, 0, 0, 0, 0, 0, 0);

        /// <summary>One-based "line:column", for messages that point at another file.</summary>
        public string Describe() => System.IO.Path.GetFileName(Path) + "(" + (StartLine + 1) + "," + (StartColumn + 1) + ")";
    }
}
