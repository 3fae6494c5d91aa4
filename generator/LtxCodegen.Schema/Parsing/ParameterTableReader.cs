using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LtxCodegen.Schema.Diagnostics;
using LtxCodegen.Schema.Model;

namespace LtxCodegen.Schema.Parsing
{
    /// <summary>
    /// Reads a markdown parameter table: the five columns of the API Reference page (Parameter, Type, Required,
    /// Default, Description) or the eight of a provider page (plus Min, Max, Allowed Values). Columns are found by
    /// their header, so either works.
    /// </summary>
    internal sealed class ParameterTableReader
    {
        private readonly DocText _doc;
        private readonly Func<int, int> _toOriginal;
        private readonly List<DiagnosticInfo> _diagnostics;

        public ParameterTableReader(DocText doc, Func<int, int> toOriginal, List<DiagnosticInfo> diagnostics)
        {
            _doc = doc;
            _toOriginal = toOriginal;
            _diagnostics = diagnostics;
        }

        private enum Column
        {
            Other,
            Name,
            Type,
            Required,
            Default,
            Min,
            Max,
            Allowed,
            Description,
        }

        /// <summary>True when the table's header has a Parameter (or Name) column and a Type column.</summary>
        public static bool IsParameterTable(PageBlock table)
        {
            if (table.Lines.Count == 0)
            {
                return false;
            }

            var columns = SplitCells(table.Lines[0].Line, 0).Cells.Select(c => ColumnOf(c.Text)).ToList();
            return columns.Contains(Column.Name) && columns.Contains(Column.Type);
        }

        public List<ParameterSpec> Read(PageBlock table, string modelId)
        {
            var result = new List<ParameterSpec>();
            var seen = new Dictionary<string, DocLocation>(StringComparer.Ordinal);
            var header = SplitCells(table.Lines[0].Line, table.Lines[0].Start);
            var columns = header.Cells.Select(c => ColumnOf(c.Text)).ToList();
            var rowsRead = 0;
            for (var r = 1; r < table.Lines.Count; r++)
            {
                var (line, lineStart) = table.Lines[r];
                if (r == 1 && IsDelimiterRow(line))
                {
                    continue;
                }

                if (++rowsRead > DocLimits.MaxTableRows)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(
                        SchemaDiagnostics.LimitExceeded, Locate(lineStart, line.Length), "The parameter table of '" + modelId + "'",
                        DocLimits.MaxTableRows.ToString(System.Globalization.CultureInfo.InvariantCulture), "rows", "this row and the rows after it are not read"));
                    break;
                }

                var row = SplitCells(line, lineStart);
                var rowLocation = Locate(lineStart, line.Length);
                var complete = row.Terminated ? row.Cells.Count : row.Cells.Count - 1;
                var truncated = complete < columns.Count;
                var values = new Dictionary<Column, Cell>();
                for (var c = 0; c < Math.Min(complete, columns.Count); c++)
                {
                    if (columns[c] != Column.Other && !values.ContainsKey(columns[c]))
                    {
                        values[columns[c]] = row.Cells[c];
                    }
                }

                var partialName = row.Cells.Count > 0 ? Clean(row.Cells[0].Text).Trim('`').Trim() : string.Empty;
                if (!values.TryGetValue(Column.Name, out var nameCell) || !values.TryGetValue(Column.Type, out var typeCell))
                {
                    if (truncated)
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(
                            SchemaDiagnostics.TruncatedRow, rowLocation, partialName.Length == 0 ? "(unnamed)" : partialName,
                            "the doc ends inside the row", "the parameter is skipped"));
                    }

                    continue;
                }

                var name = Clean(nameCell.Text);
                if (name.Length == 0)
                {
                    continue;
                }

                var nameLocation = LocateCell(nameCell);
                if (truncated)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(
                        SchemaDiagnostics.TruncatedRow, rowLocation, name, "the doc ends inside the row",
                        "the parameter is generated from the complete cells only"));
                }

                if (seen.TryGetValue(name, out var first))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.DuplicateParameter, nameLocation, name, modelId, first.Describe()));
                    continue;
                }

                seen[name] = nameLocation;
                var spec = ReadRow(name, values, rowLocation);
                if (spec is not null)
                {
                    result.Add(spec);
                }
            }

            return result;
        }

        private ParameterSpec? ReadRow(string name, Dictionary<Column, Cell> values, DocLocation rowLocation)
        {
            var typeCell = values[Column.Type];
            var rawType = Clean(typeCell.Text);
            if (!ParameterTypes.TryParse(rawType, out var kind))
            {
                _diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.UnknownType, LocateCell(typeCell), name, rawType));
            }

            var spec = new ParameterSpec { WireName = name, Kind = kind, RawType = rawType, Location = rowLocation };
            if (values.TryGetValue(Column.Description, out var descriptionCell))
            {
                var description = Unescape(descriptionCell.Text.Trim());
                spec = spec with { Description = description.Length == 0 ? null : description };
            }

            if (values.TryGetValue(Column.Required, out var requiredCell))
            {
                spec = spec with { Required = ReadRequired(requiredCell, name) };
            }

            if (values.TryGetValue(Column.Default, out var defaultCell))
            {
                var text = Clean(defaultCell.Text);
                if (!IsEmptyValue(text))
                {
                    if (Literals.TryDefaultFromText(text, kind, out var json))
                    {
                        spec = spec with { Default = DocValues.FromJson(json) };
                    }
                    else
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(SchemaDiagnostics.InvalidDefault, LocateCell(defaultCell), text, name, rawType));
                    }
                }
            }

            if (values.TryGetValue(Column.Min, out var minCell))
            {
                spec = spec with { Minimum = Sourced.Of(ReadNumberCell(minCell, name, "Min"), RuleOrigin.Structured) };
            }

            if (values.TryGetValue(Column.Max, out var maxCell))
            {
                spec = spec with { Maximum = Sourced.Of(ReadNumberCell(maxCell, name, "Max"), RuleOrigin.Structured) };
            }

            if (values.TryGetValue(Column.Allowed, out var allowedCell))
            {
                var options = ReadAllowedValues(allowedCell.Text);
                if (options.Count > 0)
                {
                    spec = spec with { Options = OptionSet.Of(options, isClosed: true, RuleOrigin.Structured) };
                }
            }

            return DocRules.Complete(spec, _diagnostics);
        }

        private bool? ReadRequired(Cell cell, string name)
        {
            var text = Clean(cell.Text).ToLowerInvariant();
            switch (text)
            {
                case "yes":
                case "true":
                case "required":
                case "y":
                case "\u2713":
                case "\u2714":
                    return true;
                case "":
                case "-":
                case "no":
                case "false":
                case "optional":
                case "n":
                    return false;
                default:
                    _diagnostics.Add(DiagnosticInfo.Create(
                        SchemaDiagnostics.InvalidField, LocateCell(cell),
                        "The Required cell of '" + name + "' reads '" + Clean(cell.Text) + "' (expected yes or no); the parameter is treated as optional"));
                    return false;
            }
        }

        private double? ReadNumberCell(Cell cell, string name, string column)
        {
            var text = Clean(cell.Text);
            if (IsEmptyValue(text))
            {
                return null;
            }

            if (Literals.TryParseNumber(text, out var value))
            {
                return value;
            }

            _diagnostics.Add(DiagnosticInfo.Create(
                SchemaDiagnostics.InvalidField, LocateCell(cell),
                "The " + column + " cell of '" + name + "' reads '" + text + "', which is not a number; it is ignored"));
            return null;
        }

        private static List<string> ReadAllowedValues(string cell)
        {
            var text = cell.Trim();
            var result = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (IsEmptyValue(Clean(text)))
            {
                return result;
            }

            if (text.IndexOf('`') >= 0)
            {
                var i = 0;
                while (i < text.Length)
                {
                    var open = text.IndexOf('`', i);
                    if (open < 0)
                    {
                        break;
                    }

                    var close = text.IndexOf('`', open + 1);
                    if (close < 0)
                    {
                        break;
                    }

                    var value = Unescape(text.Substring(open + 1, close - open - 1));
                    if (seen.Add(value))
                    {
                        result.Add(value);
                    }

                    i = close + 1;
                }

                return result;
            }

            foreach (var part in text.Split(','))
            {
                var value = Unescape(part.Trim());
                if (value.Length > 0 && seen.Add(value))
                {
                    result.Add(value);
                }
            }

            return result;
        }

        private DocLocation LocateCell(Cell cell)
        {
            var text = cell.Text;
            var lead = text.Length - text.TrimStart().Length;
            var length = text.Trim().Length;
            return Locate(cell.Start + lead, length);
        }

        private DocLocation Locate(int repairedStart, int length)
        {
            var start = _toOriginal(repairedStart);
            var end = _toOriginal(repairedStart + length);
            return _doc.Locate(start, Math.Max(0, end - start));
        }

        private static bool IsDelimiterRow(string line) => line.Trim().Trim('|').Trim().Length > 0 && line.All(c => c == '|' || c == '-' || c == ':' || c == ' ' || c == '\t');

        private static bool IsEmptyValue(string text) =>
            text.Length == 0 || text == "-" || text == "\u2014" || text == "\u2013"
            || text == "\u201C" || text == "\u201D" || text == "\"" || text == "\u2018" || text == "\u2019" || text == "''" || text == "\"\"";

        private static Column ColumnOf(string header)
        {
            var h = Clean(header).Trim('*').Trim().ToLowerInvariant();
            switch (h)
            {
                case "parameter":
                case "parameters":
                case "name":
                case "input":
                    return Column.Name;
                case "type":
                    return Column.Type;
                case "required":
                    return Column.Required;
                case "default":
                    return Column.Default;
                case "min":
                case "minimum":
                    return Column.Min;
                case "max":
                case "maximum":
                    return Column.Max;
                case "allowed values":
                case "options":
                case "values":
                    return Column.Allowed;
                case "description":
                    return Column.Description;
                default:
                    return Column.Other;
            }
        }

        /// <summary>Trims a cell and removes one pair of surrounding backticks and markdown escapes.</summary>
        internal static string Clean(string cell)
        {
            var t = cell.Trim();
            if (t.Length >= 2 && t[0] == '`' && t[t.Length - 1] == '`')
            {
                t = t.Substring(1, t.Length - 2);
            }

            return Unescape(t).Trim();
        }

        internal static string Unescape(string text)
        {
            if (text.IndexOf('\\') < 0)
            {
                return text;
            }

            var sb = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length && IsMarkdownPunctuation(text[i + 1]))
                {
                    sb.Append(text[i + 1]);
                    i++;
                }
                else
                {
                    sb.Append(text[i]);
                }
            }

            return sb.ToString();
        }

        private static bool IsMarkdownPunctuation(char c) => c < 128 && char.IsPunctuation(c) || c == '|' || c == '`' || c == '*' || c == '_' || c == '<' || c == '>' || c == '#' || c == '+' || c == '=' || c == '~' || c == '^' || c == '$';

        internal readonly struct Cell
        {
            public Cell(string text, int start)
            {
                Text = text;
                Start = start;
            }

            public string Text { get; }

            public int Start { get; }
        }

        /// <summary>Splits a row at its unescaped pipes outside code spans.</summary>
        internal static (List<Cell> Cells, bool Terminated) SplitCells(string line, int lineStart)
        {
            var cells = new List<Cell>();
            var i = 0;
            while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
            {
                i++;
            }

            if (i < line.Length && line[i] == '|')
            {
                i++;
            }

            var cellStart = i;
            var terminated = false;
            while (i < line.Length)
            {
                var c = line[i];
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }

                if (c == '`')
                {
                    var run = 0;
                    while (i + run < line.Length && line[i + run] == '`')
                    {
                        run++;
                    }

                    var close = line.IndexOf(new string('`', run), i + run, StringComparison.Ordinal);
                    i = close < 0 ? i + run : close + run;
                    continue;
                }

                if (c == '|')
                {
                    cells.Add(new Cell(line.Substring(cellStart, i - cellStart), lineStart + cellStart));
                    cellStart = i + 1;
                    terminated = true;
                    i++;
                    continue;
                }

                i++;
            }

            i = Math.Min(i, line.Length);
            var rest = line.Substring(Math.Min(cellStart, line.Length));
            if (rest.Trim().Length > 0)
            {
                cells.Add(new Cell(rest, lineStart + cellStart));
                terminated = false;
            }

            return (cells, terminated);
        }
    }
}
