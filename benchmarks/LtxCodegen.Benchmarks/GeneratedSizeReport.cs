using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace LtxCodegen.Benchmarks
{
    /// <summary>
    /// The size of the generated code per model (<c>dotnet LtxCodegen.Benchmarks.dll generated-size &lt;dir&gt;...</c>):
    /// runs the real generator over every doc of each folder (one run per folder, as an app's <c>schemas/</c>) and
    /// prints lines and bytes of each model's file, then the average per model. The registry file is not a model's.
    /// The generator's error count (and every error and settled conflict, LTXG0022) goes to standard error.
    /// With the environment variable <c>LTXCODEGEN_DUMP_DIR</c> set, each generated file (the registry too) is written
    /// to that folder, under a subfolder named after the doc folder, to read or to break down by construct.
    /// </summary>
    internal static class GeneratedSizeReport
    {
        public static int Run(string[] args)
        {
            Console.WriteLine("| Folder | Model file | Lines | Bytes |");
            Console.WriteLine("|---|---|---|---|");
            foreach (var dir in args.Skip(1))
            {
                var docs = Directory.GetFiles(dir).Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => ("/s/schemas/" + Path.GetFileName(f), File.ReadAllText(f)))
                    .ToArray();
                var result = BenchDocs.Driver(BenchDocs.Texts(docs)).RunGenerators(BenchDocs.Compilation()).GetRunResult();
                var files = result.Results.SelectMany(r => r.GeneratedSources)
                    .Where(s => !s.HintName.StartsWith("ScenarioModels", StringComparison.Ordinal))
                    .Select(s => (s.HintName, Text: s.SourceText.ToString()))
                    .ToArray();
                Dump(dir, result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.ToString())));
                long lines = 0;
                long bytes = 0;
                foreach (var (name, text) in files)
                {
                    var l = text.Count(c => c == '\n');
                    var b = System.Text.Encoding.UTF8.GetByteCount(text);
                    lines += l;
                    bytes += b;
                    if (files.Length <= 10)
                    {
                        Console.WriteLine(FormattableString.Invariant($"| {Path.GetFileName(dir.TrimEnd('/'))} | {name} | {l} | {b} |"));
                    }
                }

                var diagnostics = result.Diagnostics;
                var errors = diagnostics.Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
                var warnings = diagnostics.Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
                Console.Error.WriteLine(FormattableString.Invariant($"{dir}: {errors} error and {warnings} warning diagnostics"));
                foreach (var d in diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error || d.Id == "LTXG0022"))
                {
                    Console.Error.WriteLine(d.ToString());
                }

                var n = Math.Max(1, files.Length);
                Console.WriteLine(FormattableString.Invariant(
                    $"| {Path.GetFileName(dir.TrimEnd('/'))} | average of {files.Length} models | {(double)lines / n:F0} | {(double)bytes / n:F0} (total {bytes / 1024.0 / 1024.0:F2} MB) |"));
            }

            return 0;
        }

        private static void Dump(string docDir, System.Collections.Generic.IEnumerable<(string HintName, string Text)> files)
        {
            var root = Environment.GetEnvironmentVariable("LTXCODEGEN_DUMP_DIR");
            if (string.IsNullOrEmpty(root))
            {
                return;
            }

            var target = Path.Combine(root, Path.GetFileName(docDir.TrimEnd('/')));
            Directory.CreateDirectory(target);
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(target, name), text, new System.Text.UTF8Encoding(false));
            }
        }
    }
}
