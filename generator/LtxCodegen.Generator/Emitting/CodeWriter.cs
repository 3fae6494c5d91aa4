using System.Text;

namespace LtxCodegen.Generator.Emitting
{
    /// <summary>An indented source writer (a tab per level: one byte, not four, on each of the many lines; \n line ends).</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private int _indent;

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _sb.Append('\t', _indent);
                _sb.Append(text);
            }

            _sb.Append('\n');
            return this;
        }

        public CodeWriter Open(string text)
        {
            if (text.Length > 0)
            {
                Line(text);
            }

            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
            return this;
        }

        public CodeWriter Indent()
        {
            _indent++;
            return this;
        }

        public CodeWriter Outdent()
        {
            _indent--;
            return this;
        }

        /// <summary>Writes a summary (and optional remarks) doc comment from plain text.</summary>
        /// <summary>Documentation taken from the implemented interface member (shown by IntelliSense like a summary).</summary>
        public const string InheritDoc = "/// <inheritdoc/>";

        public CodeWriter Doc(string summary, string? remarks = null)
        {
            Line("/// <summary>" + summary + "</summary>");
            if (!string.IsNullOrEmpty(remarks))
            {
                Line("/// <remarks>" + remarks + "</remarks>");
            }

            return this;
        }

        public override string ToString() => _sb.ToString();
    }
}
