using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LtxCodegen.Robustness.Tests
{
    /// <summary>
    /// Fuzz inputs for the classes of the hardening issue: names that clash across models, huge numbers, line endings,
    /// look-alike letters and bidi controls, and docs beyond the generator's size limits.
    /// </summary>
    internal static class HardeningCases
    {
        private const string Header = "| Parameter | Type | Required | Default | Description |\n|---|---|---|---|---|\n";

        // Parts whose joins make the generated names meet: ScenarioModels, FooBarRequest, ABMode, fooModel, ...
        private static readonly string[] NameParts = { "a", "b", "foo", "bar", "scenario", "models", "model", "request", "client", "extensions", "mode", "json", "names" };

        private static readonly string[] Numbers =
        {
            "18446744073709551615", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "1e16", "1E+16", "10000000000000000", "9007199254740993", "1e308", "1.7976931348623157E+308", "-1e308", "5e-324",
            "1e400", "0.5", "-0", "2147483648", "-2147483649", "1e-7", "123456789012345678901234567890",
        };

        private static readonly string[] NumberTypes = { "integer", "number", "int", "float" };

        // Latin letter -> a Cyrillic or Greek letter drawn alike.
        private static readonly (char Latin, char LookAlike)[] LookAlikes =
        {
            ('a', '\u0430'), ('e', '\u0435'), ('o', '\u043E'), ('p', '\u0440'), ('c', '\u0441'), ('x', '\u0445'), ('y', '\u0443'),
            ('o', '\u03BF'), ('i', '\u0456'), ('s', '\u0455'), ('P', '\u0420'), ('M', '\u041C'), ('T', '\u0422'),
        };

        private static readonly string[] Invisible =
        {
            "\u202E", "\u202A", "\u202B", "\u202C", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C",
            "\u200B", "\u200D", "\uFEFF",
        };

        public static FuzzCase NameClashes(Random rng)
        {
            var docs = new List<(string, string)>();
            var count = rng.Next(2, 4);
            for (var d = 0; d < count; d++)
            {
                var id = "model_" + Join(rng, rng.Next(1, 4), rng.Next(2) == 0 ? "-" : "_");
                var rows = new StringBuilder();
                var parameters = rng.Next(1, 5);
                for (var p = 0; p < parameters; p++)
                {
                    var name = rng.Next(4) == 0 ? Camel(id.Substring("model_".Length)) + Pascal(NameParts[rng.Next(NameParts.Length)]) : Join(rng, rng.Next(1, 3), "_");
                    var options = rng.Next(2) == 0 ? "Possible values are x, y, " + NameParts[rng.Next(NameParts.Length)] + "." : "P";
                    rows.Append("| `").Append(name).Append("` | string | ").Append(p == 0 ? "yes" : "-").Append(" | - | ").Append(options).Append(" |\n");
                }

                var text = rng.Next(3) == 0
                    ? "{\"model\": {\"id\": \"" + id + "\", \"inputs\": [{\"name\": \"" + Join(rng, 2, "_") + "\", \"type\": \"string\", \"allowedValues\": [\"p\", \"q\"]}]}}"
                    : "# " + id + " — API Reference\n\n**Model ID:** `" + id + "`\n\n" + Header + rows;
                docs.Add(("clash" + d + (text.StartsWith("{", StringComparison.Ordinal) ? ".json" : ".md"), text));
            }

            return new FuzzCase(docs[0].Item1, docs[0].Item2, "name clashes across models") { Others = docs.Skip(1).ToList() };
        }

        public static FuzzCase HugeNumbers(Random rng)
        {
            string N() => Numbers[rng.Next(Numbers.Length)];
            if (rng.Next(2) == 0)
            {
                var inputs = Enumerable.Range(0, rng.Next(1, 5)).Select(i =>
                    "{\"name\": \"n" + i + "\", \"type\": \"" + (rng.Next(2) == 0 ? "integer" : "number") + "\", \"default\": " + N()
                    + ", \"min\": " + N() + ", \"max\": " + N() + ", \"step\": " + N() + ", \"allowedValues\": [" + N() + ", " + N() + "]}");
                return new FuzzCase("huge.json", "{\"model\": {\"id\": \"model_huge\", \"inputs\": [" + string.Join(", ", inputs) + "]}}", "huge numbers (JSON)");
            }

            var sb = new StringBuilder("# Huge — API Reference\n\n**Model ID:** `model_huge`\n\n| Parameter | Type | Required | Default | Min | Max | Allowed Values | Description |\n|---|---|---|---|---|---|---|---|\n");
            for (var i = 0; i < rng.Next(1, 5); i++)
            {
                sb.Append("| `n").Append(i).Append("` | ").Append(NumberTypes[rng.Next(NumberTypes.Length)]).Append(" | - | `").Append(N()).Append("` | ")
                    .Append(N()).Append(" | ").Append(N()).Append(" | ").Append(rng.Next(2) == 0 ? "-" : "`" + N() + "`, `" + N() + "`")
                    .Append(" | Value (").Append(N()).Append('-').Append(N()).Append("). Rounded to multiple of ").Append(N()).Append(". |\n");
            }

            return new FuzzCase("huge.md", sb.ToString(), "huge numbers (table)");
        }

        public static string LineEndings(string text, Random rng)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            var style = rng.Next(4);
            var sb = new StringBuilder(text.Length + lines.Length);
            for (var i = 0; i < lines.Length; i++)
            {
                sb.Append(lines[i]);
                if (i + 1 < lines.Length)
                {
                    var pick = style == 3 ? rng.Next(3) : style;
                    sb.Append(pick == 0 ? "\r" : pick == 1 ? "\r\n" : "\n");
                }
            }

            return sb.ToString();
        }

        public static FuzzCase Confusables((string Name, string Text) doc, Random rng)
        {
            var chars = doc.Text.ToCharArray();
            var sb = new StringBuilder(doc.Text.Length + 64);
            var edits = rng.Next(1, 12);
            var inCode = false;
            foreach (var c in chars)
            {
                if (c == '`' || c == '"')
                {
                    inCode = !inCode;
                }

                // Inside names (backticks, JSON strings): swap a letter for its look-alike, or add an invisible one.
                if (inCode && edits > 0 && rng.Next(40) == 0)
                {
                    edits--;
                    var swap = Array.FindIndex(LookAlikes, l => l.Latin == c);
                    if (swap >= 0 && rng.Next(2) == 0)
                    {
                        sb.Append(LookAlikes[swap].LookAlike);
                        continue;
                    }

                    sb.Append(Invisible[rng.Next(Invisible.Length)]);
                }

                sb.Append(c);
            }

            return new FuzzCase(doc.Name, sb.ToString(), "look-alike letters and bidi controls");
        }

        public static FuzzCase SizeCaps(Random rng)
        {
            var page = new StringBuilder("# Caps — API Reference\n\n**Model ID:** `model_caps`\n\n" + Header);
            page.Append("| `prompt` | string | yes | - | P |\n");
            switch (rng.Next(5))
            {
                case 0:
                    // Over the row limit, with few distinct names (a small output).
                    for (var i = 0; i < 1001 + rng.Next(50); i++)
                    {
                        page.Append("| `r").Append(i % 7).Append("` | boolean | - | - | R |\n");
                    }

                    return new FuzzCase("caps.md", page.ToString(), "size caps: rows");
                case 1:
                    var values = string.Join(", ", Enumerable.Range(0, 500 + rng.Next(3)).Select(i => "\"v" + i.ToString(CultureInfo.InvariantCulture) + "\""));
                    return new FuzzCase("caps.json", "{\"model\": {\"id\": \"model_caps\", \"inputs\": [{\"name\": \"mode\", \"type\": \"string\", \"allowedValues\": [" + values + "]}]}}", "size caps: allowed values");
                case 2:
                    page.Append("| `d` | string | - | - | Max 9 characters. ").Append('x', 3990 + rng.Next(20)).Append(" |\n");
                    return new FuzzCase("caps.md", page.ToString(), "size caps: description");
                case 3:
                    page.Append("| `").Append('n', 195 + rng.Next(10)).Append("` | string | - | - | N |\n");
                    page.Append("| `m` | string | - | - | Possible values are ").Append('v', 195 + rng.Next(10)).Append(", w. |\n");
                    return new FuzzCase("caps.md", page.ToString(), "size caps: names");
                default:
                    // Over the parameter limit: one fixed doc, so equal outputs are compiled once.
                    var inputs = Enumerable.Range(0, 501).Select(i => "{\"name\": \"p" + i.ToString(CultureInfo.InvariantCulture) + "\", \"type\": \"boolean\"}");
                    return new FuzzCase("caps.json", "{\"model\": {\"id\": \"model_caps\", \"inputs\": [" + string.Join(", ", inputs) + "]}}", "size caps: parameters");
            }
        }

        private static string Join(Random rng, int parts, string separator) =>
            string.Join(separator, Enumerable.Range(0, parts).Select(_ => NameParts[rng.Next(NameParts.Length)]));

        private static string Pascal(string part) => char.ToUpperInvariant(part[0]) + part.Substring(1);

        private static string Camel(string id)
        {
            var parts = id.Split('-', '_').Where(p => p.Length > 0).Select(Pascal).ToArray();
            var joined = string.Concat(parts);
            return joined.Length == 0 ? "x" : char.ToLowerInvariant(joined[0]) + joined.Substring(1);
        }
    }
}
