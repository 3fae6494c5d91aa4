using System;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace LtxCodegen.Benchmarks
{
    /// <summary>
    /// The generator's first runs in a fresh process (<c>dotnet LtxCodegen.Benchmarks.dll first-run [docs]</c>): what a
    /// compiler that loads the generator anew pays (JIT of the generator and Markdig, first-call initialisation), next
    /// to the warmed-up cold run that BenchmarkDotNet reports. Each run is a fresh driver over a fresh compilation.
    /// Each line also shows how many methods the JIT compiled during the run and the time it took
    /// (<see cref="System.Runtime.JitInfo"/>): the difference between run 1 and the later runs is mostly that JIT
    /// (see "Generator cost per build" in benchmarks/RESULTS.md). Run 0 warms Roslyn's own driver code (no generator)
    /// so that run 1 shows what the generator, LtxCodegen.Schema and Markdig cost on first use.
    /// </summary>
    internal static class FirstRunReport
    {
        /// <summary>Reads every doc's length and emits one file: warms the driver's code paths, not the generator's.</summary>
        private sealed class TrivialGenerator : IIncrementalGenerator
        {
            public void Initialize(IncrementalGeneratorInitializationContext context)
            {
                var lengths = context.AdditionalTextsProvider
                    .Select(static (t, ct) => t.GetText(ct)?.Length ?? 0)
                    .Collect()
                    .Combine(context.CompilationProvider.Select(static (c, _) => c.AssemblyName ?? string.Empty));
                context.RegisterSourceOutput(lengths, static (spc, x) => spc.AddSource("Trivial.g.cs", "// " + x.Left.Length.ToString(CultureInfo.InvariantCulture) + " " + x.Right));
            }
        }

        public static int Run(string[] args)
        {
            var count = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;
            var texts = BenchDocs.Texts(BenchDocs.Create(count));
            var warm = BenchDocs.Compilation();
            Measure("run 0 (Roslyn's driver, a trivial generator)", () => Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
                    new[] { new TrivialGenerator().AsSourceGenerator() }, texts, null, null, default)
                .RunGenerators(warm).GetRunResult().GeneratedTrees.Length);
            for (var run = 1; run <= 5; run++)
            {
                var compilation = BenchDocs.Compilation();
                Measure(FormattableString.Invariant($"run {run}"), () => BenchDocs.Driver(texts).RunGenerators(compilation).GetRunResult().GeneratedTrees.Length);
            }

            return 0;

            void Measure(string name, Func<int> run)
            {
                var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
                var jit = System.Runtime.JitInfo.GetCompilationTime();
                var clock = Stopwatch.StartNew();
                var trees = run();
                var elapsed = clock.Elapsed;
                Console.WriteLine(FormattableString.Invariant(
                    $"{name}: {elapsed.TotalMilliseconds:F0} ms, {count} docs, {trees} files; JIT {System.Runtime.JitInfo.GetCompiledMethodCount() - methods} methods in {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:F0} ms"));
            }
        }
    }
}
