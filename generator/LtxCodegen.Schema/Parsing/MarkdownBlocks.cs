using System;
using System.Collections.Generic;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace LtxCodegen.Schema.Parsing
{
    internal enum BlockKind
    {
        Heading,
        Paragraph,
        Table,
        FrontMatter,
    }

    /// <summary>One top-level block of a page, with its offsets in the parsed (possibly repaired) text.</summary>
    internal sealed class PageBlock
    {
        public PageBlock(BlockKind kind, int level, int start, int end, string text)
        {
            Kind = kind;
            Level = level;
            Start = start;
            End = end;
            Text = text;
        }

        public BlockKind Kind { get; }

        public int Level { get; }

        public int Start { get; }

        public int End { get; }

        public string Text { get; }

        /// <summary>For tables: each source line (header, delimiter, rows) with its start offset.</summary>
        public List<(string Line, int Start)> Lines { get; } = new List<(string, int)>();
    }

    /// <summary>
    /// Splits a markdown page into headings, paragraphs, pipe tables and front matter with Markdig, after rebuilding
    /// the lines of a whitespace-collapsed page. Offsets are mapped back to the original text by the caller.
    /// </summary>
    internal static class MarkdownBlocks
    {
        /// <summary>The Markdig pipeline every markdown doc is parsed with (the benchmarks' Markdig floor uses it too).</summary>
        internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .UsePreciseSourceLocation()
            .Build();

        public static List<PageBlock> Read(string text)
        {
            MarkdownDocument document;
            try
            {
                document = Markdown.Parse(text, Pipeline);
            }
            catch (ArgumentException e)
            {
                // Markdig refuses input nested beyond its depth limit (thousands of unclosed '**', '[' or '>').
                throw new MarkdownTooDeepException(e.Message);
            }

            var result = new List<PageBlock>();
            foreach (var block in document)
            {
                Add(block, text, result);
            }

            return result;
        }

        private static void Add(Block block, string text, List<PageBlock> result)
        {
            var start = Math.Max(0, Math.Min(block.Span.Start, text.Length));
            var end = Math.Max(start, Math.Min(block.Span.End + 1, text.Length));
            switch (block)
            {
                case YamlFrontMatterBlock:
                    result.Add(new PageBlock(BlockKind.FrontMatter, 0, start, end, text.Substring(start, end - start)));
                    break;
                case HeadingBlock heading:
                    var raw = text.Substring(start, end - start).Trim();
                    var title = raw.TrimStart('#').Trim();
                    result.Add(new PageBlock(BlockKind.Heading, heading.Level, start, end, title));
                    break;
                case Table:
                    var table = new PageBlock(BlockKind.Table, 0, start, end, text.Substring(start, end - start));
                    var lineStart = start;
                    while (lineStart < end)
                    {
                        var lineEnd = text.IndexOf('\n', lineStart);
                        if (lineEnd < 0 || lineEnd > end)
                        {
                            lineEnd = end;
                        }

                        var line = text.Substring(lineStart, lineEnd - lineStart).TrimEnd('\r');
                        if (line.Trim().Length > 0)
                        {
                            table.Lines.Add((line, lineStart));
                        }

                        lineStart = lineEnd + 1;
                    }

                    result.Add(table);
                    break;
                case ParagraphBlock:
                    result.Add(new PageBlock(BlockKind.Paragraph, 0, start, end, text.Substring(start, end - start)));
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Add(child, text, result);
                    }

                    break;
            }
        }
    }

    /// <summary>The markdown reader refused the doc as nested too deeply (a located LTXG0019, not an internal error).</summary>
    internal sealed class MarkdownTooDeepException : Exception
    {
        public MarkdownTooDeepException(string message)
            : base(message)
        {
        }
    }
}
