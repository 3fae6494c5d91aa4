using System;
using System.Collections.Generic;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>A doc's original text with a line table, turning offsets into located <see cref="DocLocation"/>s.</summary>
    internal sealed class DocText
    {
        private readonly int[] _lineStarts;

        public DocText(string path, string text)
        {
            Path = path;
            Text = text;
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    starts.Add(i + 1);
                }
                else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                {
                    starts.Add(i + 1);
                }
            }

            _lineStarts = starts.ToArray();
        }

        public string Path { get; }

        public string Text { get; }

        public DocLocation Locate(int start, int length)
        {
            start = Math.Max(0, Math.Min(start, Text.Length));
            length = Math.Max(0, Math.Min(length, Text.Length - start));
            var (line, column) = LineColumn(start);
            var (endLine, endColumn) = LineColumn(start + length);
            return new DocLocation(Path, start, length, line, column, endLine, endColumn);
        }

        private (int Line, int Column) LineColumn(int offset)
        {
            var index = Array.BinarySearch(_lineStarts, offset);
            if (index < 0)
            {
                index = ~index - 1;
            }

            return (index, offset - _lineStarts[index]);
        }
    }
}
