using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;

namespace LtxCodegen.Robustness.Tests
{
    /// <summary>One fuzz input: a doc file name and its (mutated) text, plus other docs of the same compilation.</summary>
    internal sealed record FuzzCase(string FileName, string Text, string Mutation)
    {
        /// <summary>More docs generated together with this one (name clashes across models), or none.</summary>
        public IReadOnlyList<(string FileName, string Text)> Others { get; init; } = Array.Empty<(string, string)>();

        public IEnumerable<(string FileName, string Text)> Docs => new[] { (FileName, Text) }.Concat(Others);

        public override string ToString() =>
            Mutation + ":\n" + string.Join("\n", Docs.Select(d => "--- " + d.FileName + " ---\n" + (d.Text.Length > 4000 ? d.Text.Substring(0, 4000) + "…" : d.Text)));
    }

    /// <summary>CsCheck generators: real docs with byte, line, cell and row mutations, truncations, random tables, hostile text.</summary>
    internal static class FuzzCases
    {
        private static readonly string[] HostileFragments =
        {
            "\"", "\\", "*/", "/*", "</summary>", "<summary>", "]]>", "&amp;", "\n", "\r\n", "\t", "\0", "|", "`", "```",
            "class", "namespace", "void", "@if", "int", "string", "null", "default", "__arglist", "\u202E", "\uFEFF",
            "\u0301", "日本語", "🎬", "\uD800", "1e400", "-0", "NaN", "Infinity", "99999999999999999999", "(1-60 fps)",
            "(0-1)", "must be used with height", "Options: a, b", "#", "---", "{", "}", ");", "System.Environment.Exit(1);",
        };

        private static readonly string[] Types = { "string", "number", "integer", "boolean", "array", "object", "string[]", "file", "weird", "" };

        public static readonly Gen<string> Hostile =
            CsCheck.Gen.OneOf(
                CsCheck.Gen.Int[0, HostileFragments.Length - 1].Array[1, 6].Select(ix => string.Concat(ix.Select(i => HostileFragments[i]))),
                CsCheck.Gen.String[CsCheck.Gen.Char[(char)0, (char)0x7F], 0, 40],
                CsCheck.Gen.String[CsCheck.Gen.Char, 0, 20]);

        public static readonly Gen<FuzzCase> Cases =
            CsCheck.Gen.Select(
                CsCheck.Gen.Int[0, GeneratorFuzzTests.RealDocs.Length - 1],
                CsCheck.Gen.Int[0, 12],
                CsCheck.Gen.Int,
                Hostile,
                (doc, kind, seed, hostile) => Mutate(GeneratorFuzzTests.RealDocs[doc], kind, seed, hostile));

        private static FuzzCase Mutate((string Name, string Text) doc, int kind, int seed, string hostile)
        {
            var rng = new Random(seed);
            var text = doc.Text;
            switch (kind)
            {
                case 0:
                    return new FuzzCase(doc.Name, Bytes(text, rng), "byte mutation");
                case 1:
                    return new FuzzCase(doc.Name, Lines(text, rng), "line mutation");
                case 2:
                    return new FuzzCase(doc.Name, Cells(text, rng, hostile), "cell mutation");
                case 3:
                    return new FuzzCase(doc.Name, Rows(text, rng), "row mutation");
                case 4:
                    return new FuzzCase(doc.Name, text.Substring(0, rng.Next(text.Length + 1)), "truncation");
                case 5:
                    return new FuzzCase("random-" + seed + ".md", RandomTable(rng, hostile), "random table");
                case 6:
                    return new FuzzCase(doc.Name, Insert(text, rng, hostile), "hostile text");
                case 8:
                    return HardeningCases.NameClashes(rng);
                case 9:
                    return HardeningCases.HugeNumbers(rng);
                case 10:
                    return new FuzzCase(doc.Name, HardeningCases.LineEndings(text, rng), "line endings");
                case 11:
                    return HardeningCases.Confusables(doc, rng);
                case 12:
                    return HardeningCases.SizeCaps(rng);
                default:
                    return new FuzzCase(doc.Name, text, "unchanged");
            }
        }

        private static string Bytes(string text, Random rng)
        {
            var sb = new StringBuilder(text);
            var edits = rng.Next(1, 8);
            for (var i = 0; i < edits && sb.Length > 0; i++)
            {
                var at = rng.Next(sb.Length);
                switch (rng.Next(3))
                {
                    case 0: sb[at] = (char)rng.Next(0, 256); break;
                    case 1: sb.Remove(at, 1); break;
                    default: sb.Insert(at, (char)rng.Next(0, 256)); break;
                }
            }

            return sb.ToString();
        }

        private static string Lines(string text, Random rng)
        {
            var lines = text.Split('\n').ToList();
            var at = rng.Next(lines.Count);
            switch (rng.Next(4))
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[at]); break;
                case 2: var other = rng.Next(lines.Count); (lines[at], lines[other]) = (lines[other], lines[at]); break;
                default: lines[at] = lines[rng.Next(lines.Count)] + lines[at]; break;
            }

            return string.Join("\n", lines);
        }

        private static string Cells(string text, Random rng, string hostile)
        {
            // Works on the one-line seed pages too: cells are split on every '|'.
            var cells = text.Split('|').ToList();
            if (cells.Count < 2)
            {
                return Insert(text, rng, hostile);
            }

            var at = rng.Next(1, cells.Count);
            switch (rng.Next(5))
            {
                case 0: cells[at] = " " + hostile + " "; break;
                case 1: cells[at] = " "; break;
                case 2: cells.RemoveAt(at); break;
                case 3: cells.Insert(at, " " + hostile + " "); break;
                default: cells[at] = " " + Types[rng.Next(Types.Length)] + " "; break;
            }

            return string.Join("|", cells);
        }

        private static string Rows(string text, Random rng)
        {
            var lines = text.Split('\n').ToList();
            var rows = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimStart().StartsWith("|", StringComparison.Ordinal)).ToList();
            if (rows.Count == 0)
            {
                // One-line page: rows are "| name | ... |" runs; duplicate or drop a stretch between two pipes pairs.
                var start = rng.Next(text.Length);
                var length = rng.Next(Math.Min(400, text.Length - start) + 1);
                return rng.Next(2) == 0 ? text.Remove(start, length) : text.Insert(start, text.Substring(start, length));
            }

            var row = rows[rng.Next(rows.Count)];
            switch (rng.Next(3))
            {
                case 0: lines.RemoveAt(row); break;
                case 1: lines.Insert(row, lines[row]); break;
                default: var other = rows[rng.Next(rows.Count)]; (lines[row], lines[other]) = (lines[other], lines[row]); break;
            }

            return string.Join("\n", lines);
        }

        private static string RandomTable(Random rng, string hostile)
        {
            var sb = new StringBuilder();
            sb.Append("# Fuzz ").Append(rng.Next(100)).Append(" — API Reference\n\n");
            sb.Append("**Model ID:** `model_fuzz-").Append(rng.Next(1000)).Append("`\n\n");
            sb.Append("| Parameter | Type | Required | Default | Description |\n|---|---|---|---|---|\n");
            var rows = rng.Next(0, 12);
            for (var i = 0; i < rows; i++)
            {
                var name = rng.Next(5) == 0 ? hostile : "p" + rng.Next(20) + (rng.Next(3) == 0 ? "_x" : string.Empty);
                var type = Types[rng.Next(Types.Length)];
                var required = rng.Next(3) switch { 0 => "Yes", 1 => "No", _ => hostile };
                var def = rng.Next(4) switch { 0 => "-", 1 => rng.Next(-5, 100).ToString(System.Globalization.CultureInfo.InvariantCulture), 2 => "\"" + hostile + "\"", _ => "true" };
                var description = rng.Next(3) switch
                {
                    0 => "Frames per second (" + rng.Next(-5, 10) + "-" + rng.Next(-5, 100) + " fps)",
                    1 => "Options: a, b, " + hostile,
                    _ => hostile,
                };
                sb.Append("| ").Append(name).Append(" | ").Append(type).Append(" | ").Append(required).Append(" | ").Append(def).Append(" | ").Append(description).Append(" |\n");
            }

            return sb.ToString();
        }

        private static string Insert(string text, Random rng, string hostile) => text.Insert(rng.Next(text.Length + 1), hostile);
    }
}
