using System;
using System.Diagnostics;
using System.Globalization;

namespace LtxCodegen.Benchmarks
{
    /// <summary>
    /// The generator's first runs in a fresh process (<c>dotnet LtxCodegen.Benchmarks.dll first-run [docs]</c>): what a
    /// compiler that loads the generator anew pays (JIT of the generator and Markdig, first-call initialisation), next
    /// to the warmed-up cold run that BenchmarkDotNet reports. Each run is a fresh driver over a fresh compilation.
    /// </summary>
    internal static class FirstRunReport
    {
        public static int Run(string[] args)
        {
            var count = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;
            var texts = BenchDocs.Texts(BenchDocs.Create(count));
            for (var run = 1; run <= 5; run++)
            {
                var compilation = BenchDocs.Compilation();
                var clock = Stopwatch.StartNew();
                var trees = BenchDocs.Driver(texts).RunGenerators(compilation).GetRunResult().GeneratedTrees.Length;
                Console.WriteLine(FormattableString.Invariant($"run {run}: {clock.Elapsed.TotalMilliseconds:F0} ms, {count} docs, {trees} files"));
            }

            return 0;
        }
    }
}
