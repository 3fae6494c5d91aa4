using System;
using System.Collections.Generic;
using System.Text;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>
    /// Rebuilds the line structure of a markdown page whose whitespace was collapsed onto one line (the seed pages):
    /// headings, thematic breaks (<c>---</c>), code fences and pipe-table rows (the header row says how many cells a
    /// row has). Keeps a map from every repaired offset back to the original offset, so diagnostics point into the
    /// original file. Linear in the page: every look-ahead is bounded (heading markers, bold labels, words) or
    /// answered from one precomputed pass (table pipes), so a page of 100,000 headings costs what one heading per
    /// line costs.
    /// </summary>
    internal sealed class CollapsedPageRepair
    {
        private const int MaxHeadingLength = 120;

        // A word longer than this ends a heading's capitalized run.
        private const int MaxWordLength = 200;

        private static readonly string[] HeadingEndMarkers =
        {
            " **", " |", " - ", " ```", " ---", " > ", " Model ID:", " #",
        };

        private readonly string _source;
        private readonly StringBuilder _out;
        private readonly List<Anchor> _anchors = new List<Anchor>();

        // Every table pipe of the page (outside code spans and escapes), and for each the index of the first pipe
        // pair from there on with only blanks between them: built once, on the first table candidate.
        private int[]? _pipes;
        private int[]? _nextBlankCell;

        private CollapsedPageRepair(string source)
        {
            _source = source;
            _out = new StringBuilder(source.Length + 256);
        }

        /// <summary>The repaired text.</summary>
        public string Text => _out.ToString();

        /// <summary>True when the text looks collapsed: (almost) no line breaks, yet markdown block structure inline.</summary>
        public static bool LooksCollapsed(string text)
        {
            var newlines = 0;
            foreach (var c in text.TrimEnd())
            {
                if (c == '\n')
                {
                    newlines++;
                }
            }

            return newlines <= 1 && text.Length > 80 && (text.Contains(" | ") || text.Contains(" ## ") || text.Contains(" --- "));
        }

        /// <summary>Repairs <paramref name="text"/>; never throws on any input.</summary>
        public static CollapsedPageRepair Repair(string text)
        {
            var repair = new CollapsedPageRepair(text);
            repair.Run();
            return repair;
        }

        /// <summary>Maps an offset in the repaired text back to the original text.</summary>
        public int ToOriginal(int repairedOffset)
        {
            if (_anchors.Count == 0)
            {
                return Math.Min(repairedOffset, _source.Length);
            }

            var lo = 0;
            var hi = _anchors.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (_anchors[mid].Repaired <= repairedOffset)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            var a = _anchors[lo];
            if (a.Repaired > repairedOffset)
            {
                return 0;
            }

            var original = a.Inserted ? a.Original : a.Original + (repairedOffset - a.Repaired);
            return Math.Min(original, _source.Length);
        }

        private void Run()
        {
            var s = _source;
            var i = 0;
            while (i < s.Length)
            {
                var c = s[i];
                var atWordStart = i == 0 || s[i - 1] == ' ';
                if (c == '`' && StartsWith(i, "```"))
                {
                    i = CopyFence(i);
                }
                else if (c == '`')
                {
                    i = CopyCodeSpan(i);
                }
                else if (c == '#' && atWordStart && IsHeadingStart(i))
                {
                    i = CopyHeading(i);
                }
                else if (c == '-' && atWordStart && IsThematicBreak(i, out var end))
                {
                    BlankLine();
                    Copy(i, end);
                    BlankLine();
                    i = SkipSpaces(end);
                }
                else if (c == '|' && atWordStart && TryTable(i, out var next))
                {
                    i = next;
                }
                else if (c == '*' && atWordStart && i > 0 && IsBoldLabel(i))
                {
                    BlankLine();
                    Copy(i, i + 1);
                    i++;
                }
                else
                {
                    Copy(i, i + 1);
                    i++;
                }
            }
        }

        private bool StartsWith(int i, string value) => string.CompareOrdinal(_source, i, value, 0, value.Length) == 0;

        private int SkipSpaces(int i)
        {
            while (i < _source.Length && _source[i] == ' ')
            {
                i++;
            }

            return i;
        }

        private bool IsHeadingStart(int i)
        {
            var j = i;
            while (j < _source.Length && _source[j] == '#' && j - i < 7)
            {
                j++;
            }

            return j - i <= 6 && j < _source.Length && _source[j] == ' ';
        }

        private bool IsThematicBreak(int i, out int end)
        {
            end = i;
            while (end < _source.Length && _source[end] == '-')
            {
                end++;
            }

            return end - i >= 3 && (end == _source.Length || _source[end] == ' ');
        }

        // "**Endpoint:**", "**Model ID:**": a bold label ending in a colon starts a new paragraph.
        private bool IsBoldLabel(int i)
        {
            if (!StartsWith(i, "**"))
            {
                return false;
            }

            var from = i + 2;
            var close = _source.IndexOf("**", from, Math.Min(40, _source.Length - from), StringComparison.Ordinal);
            return close > i + 2 && close - i < 40 && _source[close - 1] == ':';
        }

        private int CopyFence(int i)
        {
            BlankLine();
            var j = i + 3;
            while (j < _source.Length && _source[j] == '`')
            {
                j++;
            }

            var fence = _source.Substring(i, j - i);
            while (j < _source.Length && (char.IsLetterOrDigit(_source[j]) || _source[j] == '_' || _source[j] == '+' || _source[j] == '-' || _source[j] == '.'))
            {
                j++;
            }

            Copy(i, j);
            NewLines(1);
            var bodyStart = SkipSpaces(j);
            var close = _source.IndexOf(fence, bodyStart, StringComparison.Ordinal);
            if (close < 0)
            {
                Copy(bodyStart, _source.Length);
                return _source.Length;
            }

            Copy(bodyStart, close);
            NewLines(1);
            Copy(close, close + fence.Length);
            BlankLine();
            return SkipSpaces(close + fence.Length);
        }

        private int CopyCodeSpan(int i)
        {
            var j = i;
            while (j < _source.Length && _source[j] == '`')
            {
                j++;
            }

            var run = j - i;
            var k = j;
            while (k < _source.Length)
            {
                var close = _source.IndexOf('`', k);
                if (close < 0)
                {
                    break;
                }

                var e = close;
                while (e < _source.Length && _source[e] == '`')
                {
                    e++;
                }

                if (e - close == run)
                {
                    Copy(i, e);
                    return e;
                }

                k = e;
            }

            Copy(i, j);
            return j;
        }

        private int CopyHeading(int i)
        {
            BlankLine();
            var textStart = i;
            while (_source[textStart] == '#')
            {
                textStart++;
            }

            textStart++;
            var end = -1;
            foreach (var marker in HeadingEndMarkers)
            {
                // A marker further than 120 characters is not used, so none is looked for beyond.
                var window = Math.Max(0, Math.Min(_source.Length - textStart, MaxHeadingLength + marker.Length));
                var m = textStart > _source.Length ? -1 : _source.IndexOf(marker, textStart, window, StringComparison.Ordinal);
                if (m >= 0 && (end < 0 || m < end))
                {
                    end = m;
                }
            }

            if (end < 0 || end - textStart > MaxHeadingLength)
            {
                end = EndOfCapitalizedRun(textStart);
            }

            Copy(i, end);
            BlankLine();
            return SkipSpaces(end);
        }

        // "## Authentication Scenario API uses ..." has no marker: keep the capitalized words but the one that starts
        // the next sentence.
        private int EndOfCapitalizedRun(int start)
        {
            var words = new List<(int Start, int End)>();
            var i = start;
            while (i < _source.Length)
            {
                var e = _source.IndexOf(' ', i, Math.Min(MaxWordLength, _source.Length - i));
                if (e < 0)
                {
                    e = Math.Min(_source.Length, i + MaxWordLength);
                }

                if (e > i)
                {
                    words.Add((i, e));
                }

                if ((e > i && !char.IsUpper(_source[i]) && !char.IsDigit(_source[i])) || (e < _source.Length && _source[e] != ' '))
                {
                    // A lower-case word, or one too long to be part of a heading, ends the run.
                    break;
                }

                i = e + 1;
                if (words.Count > 12)
                {
                    break;
                }
            }

            if (words.Count == 0)
            {
                return _source.Length;
            }

            var last = words[words.Count - 1];
            var lowerFollows = !char.IsUpper(_source[last.Start]) && !char.IsDigit(_source[last.Start]);
            var keep = lowerFollows ? words.Count - 2 : words.Count;
            keep = Math.Max(1, keep);
            return words[keep - 1].End;
        }

        private bool TryTable(int start, out int next)
        {
            next = start;
            var cellCount = HeaderCellCount(start);
            if (cellCount < 1)
            {
                return false;
            }

            BlankLine();
            var rowStart = start;
            var pipesPerRow = cellCount + 1;
            while (true)
            {
                var row = PipePositions(rowStart, int.MaxValue, pipesPerRow);
                if (row.Count < pipesPerRow)
                {
                    // A cut-off last row: keep what there is on its own line.
                    Copy(rowStart, _source.Length);
                    next = _source.Length;
                    return true;
                }

                var rowEnd = row[pipesPerRow - 1] + 1;
                Copy(rowStart, rowEnd);
                var after = SkipSpaces(rowEnd);
                if (after < _source.Length && _source[after] == '|')
                {
                    NewLines(1);
                    rowStart = after;
                    continue;
                }

                BlankLine();
                next = after;
                return true;
            }
        }

        // The header row's cell count when a pipe table starts here: the first blank cell (between a row's last pipe
        // and the next row's first) must come after two cells or more, be followed by a delimiter cell ("---") and lie
        // within 4,000 characters of the start; else -1.
        private int HeaderCellCount(int start)
        {
            if (_pipes is null)
            {
                BuildPipeIndex();
            }

            var pipes = _pipes!;
            var idx = Array.BinarySearch(pipes, start);
            if (idx < 0)
            {
                return -1;
            }

            var j = _nextBlankCell![idx];
            if (j < 0 || j + 2 >= pipes.Length || pipes[j + 2] >= start + 4000)
            {
                return -1;
            }

            var k = j - idx + 1;
            return k >= 2 && IsDelimiterCell(pipes[j + 1], pipes[j + 2]) ? k - 1 : -1;
        }

        private void BuildPipeIndex()
        {
            var pipes = PipePositions(0, int.MaxValue).ToArray();
            var next = new int[pipes.Length];
            var blank = -1;
            for (var i = pipes.Length - 1; i >= 0; i--)
            {
                if (i + 1 < pipes.Length && IsBlank(pipes[i], pipes[i + 1]))
                {
                    blank = i;
                }

                next[i] = blank;
            }

            _pipes = pipes;
            _nextBlankCell = next;
        }

        private bool IsBlank(int pipe, int nextPipe)
        {
            for (var i = pipe + 1; i < nextPipe; i++)
            {
                if (_source[i] != ' ' && _source[i] != '\t')
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsDelimiterCell(int pipe, int nextPipe)
        {
            var dashes = 0;
            for (var i = pipe + 1; i < nextPipe; i++)
            {
                var c = _source[i];
                if (c == '-')
                {
                    dashes++;
                }
                else if (c != ':' && c != ' ')
                {
                    return false;
                }
            }

            return dashes > 0;
        }

        // Positions of the table pipes from start on, skipping code spans and backslash escapes.
        private List<int> PipePositions(int start, int maxLength, int maxCount = int.MaxValue)
        {
            var result = new List<int>();
            var limit = maxLength == int.MaxValue ? _source.Length : Math.Min(_source.Length, start + maxLength);
            var i = start;
            while (i < limit && result.Count < maxCount)
            {
                var c = _source[i];
                if (c == '\\')
                {
                    i += 2;
                }
                else if (c == '`')
                {
                    i = SkipCodeSpan(i);
                }
                else
                {
                    if (c == '|')
                    {
                        result.Add(i);
                    }

                    i++;
                }
            }

            return result;
        }

        private int SkipCodeSpan(int i)
        {
            var j = i;
            while (j < _source.Length && _source[j] == '`')
            {
                j++;
            }

            var run = j - i;
            var k = j;
            while (k < _source.Length)
            {
                var close = _source.IndexOf('`', k);
                if (close < 0)
                {
                    return j;
                }

                var e = close;
                while (e < _source.Length && _source[e] == '`')
                {
                    e++;
                }

                if (e - close == run)
                {
                    return e;
                }

                k = e;
            }

            return j;
        }

        private void Copy(int from, int to)
        {
            if (to <= from)
            {
                return;
            }

            var contiguous = _anchors.Count > 0
                && !_anchors[_anchors.Count - 1].Inserted
                && _anchors[_anchors.Count - 1].Original + (_out.Length - _anchors[_anchors.Count - 1].Repaired) == from;
            if (!contiguous)
            {
                _anchors.Add(new Anchor(_out.Length, from, false));
            }

            _out.Append(_source, from, to - from);
        }

        private void BlankLine() => NewLines(2);

        private void NewLines(int count)
        {
            if (_out.Length == 0)
            {
                return;
            }

            TrimTrailingSpaces();
            var existing = 0;
            for (var k = _out.Length - 1; k >= 0 && _out[k] == '\n' && existing < count; k--)
            {
                existing++;
            }

            if (existing < count)
            {
                var original = _anchors.Count == 0 ? 0 : ToOriginal(_out.Length - 1) + 1;
                _anchors.Add(new Anchor(_out.Length, original, true));
                _out.Append('\n', count - existing);
            }
        }

        private void TrimTrailingSpaces()
        {
            var length = _out.Length;
            while (length > 0 && _out[length - 1] == ' ')
            {
                length--;
            }

            if (length == _out.Length)
            {
                return;
            }

            _out.Length = length;
            while (_anchors.Count > 0 && _anchors[_anchors.Count - 1].Repaired >= length)
            {
                _anchors.RemoveAt(_anchors.Count - 1);
            }
        }

        private readonly struct Anchor
        {
            public Anchor(int repaired, int original, bool inserted)
            {
                Repaired = repaired;
                Original = original;
                Inserted = inserted;
            }

            public int Repaired { get; }

            public int Original { get; }

            public bool Inserted { get; }
        }
    }
}
