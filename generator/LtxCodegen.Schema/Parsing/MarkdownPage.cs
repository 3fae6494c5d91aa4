using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>A markdown doc ready for the page parsers: its blocks and the map back to original offsets.</summary>
    internal sealed class MarkdownPage
    {
        private static readonly Regex ModelIdPattern = new Regex(
            @"Model ID:\**\s{0,8}`(?<id>(?>[^`\r\n]+))`", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(500));

        private static readonly Regex EndpointPattern = new Regex(
            @"/generate/custom/(?<id>(?>[A-Za-z0-9_.\-]+))", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(500));

        private MarkdownPage(DocText doc, List<PageBlock> blocks, Func<int, int> toOriginal)
        {
            Doc = doc;
            Blocks = blocks;
            ToOriginal = toOriginal;
        }

        public DocText Doc { get; }

        public List<PageBlock> Blocks { get; }

        /// <summary>Maps an offset of the parsed text (repaired when the page was collapsed) to the original file.</summary>
        public Func<int, int> ToOriginal { get; }

        public static MarkdownPage Load(DocText doc)
        {
            if (CollapsedPageRepair.LooksCollapsed(doc.Text))
            {
                var repair = CollapsedPageRepair.Repair(doc.Text);
                return new MarkdownPage(doc, MarkdownBlocks.Read(repair.Text), repair.ToOriginal);
            }

            return new MarkdownPage(doc, MarkdownBlocks.Read(doc.Text), offset => offset);
        }

        public DocLocation Locate(int parsedStart, int parsedLength)
        {
            var start = ToOriginal(parsedStart);
            var end = ToOriginal(parsedStart + parsedLength);
            return Doc.Locate(start, Math.Max(0, end - start));
        }

        /// <summary>Finds "Model ID: `...`" in a block's text (or, failing that, the generate endpoint).</summary>
        public static bool TryFindModelId(string text, out string id, out int index, out int length)
        {
            var m = ModelIdPattern.Match(text);
            if (!m.Success)
            {
                m = EndpointPattern.Match(text);
            }

            if (m.Success)
            {
                var g = m.Groups["id"];
                id = g.Value.Trim();
                index = g.Index;
                length = g.Length;
                return id.Length > 0;
            }

            id = string.Empty;
            index = 0;
            length = 0;
            return false;
        }

        /// <summary>
        /// Returns the lines of a table, plus a cut-off last row that Markdig left as a paragraph right after it.
        /// </summary>
        public PageBlock TableWithCutOffRow(int tableIndex)
        {
            var table = Blocks[tableIndex];
            if (tableIndex + 1 < Blocks.Count)
            {
                var next = Blocks[tableIndex + 1];
                if (next.Kind == BlockKind.Paragraph && next.Text.TrimStart().StartsWith("|", StringComparison.Ordinal)
                    && next.End >= LastBlockEnd())
                {
                    table.Lines.Add((next.Text.TrimEnd('\r', '\n'), next.Start));
                }
            }

            return table;
        }

        private int LastBlockEnd() => Blocks.Count == 0 ? 0 : Blocks[Blocks.Count - 1].End;
    }
}
