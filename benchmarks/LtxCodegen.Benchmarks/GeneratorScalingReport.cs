using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace LtxCodegen.Benchmarks
{
    /// <summary>
    /// The generator's cost on hostile docs at three sizes (<c>dotnet LtxCodegen.Benchmarks.dll generator-scaling</c>):
    /// each doc class runs through the real driver at n, 2n and 4n; the report prints the times, the generated size and
    /// the ratio 4n/n (about 4 for linear cost, 16 for quadratic). Exits 1 if a ratio exceeds 8 or a run exceeds 10 s.
    /// Arguments: <c>generator-scaling [scale] [name filter]</c> (scale multiplies n).
    /// </summary>
    internal static class GeneratorScalingReport
    {
        private const string Header = "| Parameter | Type | Required | Default | Description |\n|---|---|---|---|---|\n";

        public static int Run(string[] args)
        {
            var scale = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 1;
            var cases = new (string Name, int Base, Func<int, (string Path, string Text)[]> Docs)[]
            {
                ("one-line page of '## A ' headings (n headings)", 50_000, n => One("/s/schemas/h.md", "# T " + Repeat("## A ", n) + " **Model ID:** `model_h` | Parameter | Type | |---|---| | `a` | string |")),
                ("same headings one per line (n)", 50_000, n => One("/s/schemas/h.md", "# T\n" + Repeat("## A\n", n) + "**Model ID:** `model_h`\n\n| Parameter | Type |\n|---|---|\n| `a` | string |\n")),
                ("one-line page of '| a ' cells (n cells)", 50_000, n => One("/s/schemas/p.md", "# T **Model ID:** `model_p` " + Repeat("| a ", n))),
                ("one-line page of '**x ' bold starts (n)", 50_000, n => One("/s/schemas/b.md", "# T **Model ID:** `model_b` " + Repeat("**x ", n))),
                ("allowedValues of one parameter (n values)", 25_000, n => One("/s/schemas/o.json", Json("model_o", "{\"name\": \"mode\", \"type\": \"string\", \"allowedValues\": [" + string.Join(",", Enumerable.Range(0, n).Select(i => "\"v" + i + "\"")) + "]}"))),
                ("two docs of n parameters each, one model (merge)", 10_000, n => new[]
                {
                    ("/s/schemas/a.json", Json("model_m", Enumerable.Range(0, n).Select(i => "{\"name\": \"p" + i + "\", \"type\": \"number\"}").ToArray())),
                    ("/s/schemas/b.json", Json("model_m", Enumerable.Range(0, n).Select(i => "{\"name\": \"p" + i + "\", \"type\": \"integer\", \"min\": 0}").ToArray())),
                }),
                ("table of n rows", 12_500, n => One("/s/schemas/r.md", "# R\n\n**Model ID:** `model_r`\n\n" + Header + string.Concat(Enumerable.Range(0, n).Select(i => "| `p" + i + "` | number | - | `1` | Value (0-10). Possible values are a, b. |\n")))),
                ("description of n characters: ': ' + spaces", 25_000, n => One("/s/schemas/d.md", "# D\n\n**Model ID:** `model_d`\n\n" + Header + "| `d` | string | - | - | Max 9 characters. Options: " + new string(' ', n) + "a, b. |\n")),
                ("n unclosed '(' in a description", 25_000, n => One("/s/schemas/u.md", "# U\n\n**Model ID:** `model_u`\n\n" + Header + "| `d` | string | - | - | " + new string('(', n) + " |\n")),
            };

            var failed = false;
            Console.WriteLine("| Doc class | n | ms (n) | ms (2n) | ms (4n) | 4n/n | input (4n) | output (4n) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            var only = args.Length > 2 ? args[2] : null;
            foreach (var c in cases.Where(c => only is null || c.Name.IndexOf(only, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                var n = c.Base * scale;
                Measure(c.Docs(Math.Max(1, n / 16))); // warm-up
                var times = new List<double>();
                var input = 0;
                var output = 0;
                foreach (var size in new[] { n, 2 * n, 4 * n })
                {
                    var docs = c.Docs(size);
                    var (ms, bytes) = Measure(docs);
                    times.Add(ms);
                    input = docs.Sum(d => d.Text.Length);
                    output = bytes;
                }

                var ratio = times[2] / Math.Max(1, times[0]);
                failed |= ratio > 8 || times[2] > 10_000;
                Console.WriteLine(FormattableString.Invariant(
                    $"| {c.Name} | {n:N0} | {times[0]:F0} | {times[1]:F0} | {times[2]:F0} | {ratio:F1} | {input / 1024:N0} KB | {output / 1024:N0} KB |"));
            }

            return failed ? 1 : 0;
        }

        private static (double Ms, int OutputBytes) Measure((string Path, string Text)[] docs)
        {
            var compilation = BenchDocs.Compilation();
            var driver = BenchDocs.Driver(BenchDocs.Texts(docs));
            var clock = Stopwatch.StartNew();
            var result = driver.RunGenerators(compilation).GetRunResult();
            clock.Stop();
            if (result.Results.Any(r => r.Exception is not null) || result.Diagnostics.Any(d => d.Id is "LTXG0015" or "CS8785"))
            {
                throw new InvalidOperationException("generator failed: " + string.Join("; ", result.Diagnostics.Take(3)));
            }

            return (clock.Elapsed.TotalMilliseconds, result.GeneratedTrees.Sum(t => t.Length));
        }

        private static (string, string)[] One(string path, string text) => new[] { (path, text) };

        private static string Json(string id, params string[] inputs) => "{\"model\": {\"id\": \"" + id + "\", \"inputs\": [" + string.Join(",", inputs) + "]}}";

        private static string Repeat(string text, int count)
        {
            var sb = new StringBuilder(text.Length * count);
            for (var i = 0; i < count; i++)
            {
                sb.Append(text);
            }

            return sb.ToString();
        }
    }
}
