using System;
using System.Linq;
using LtxCodegen.Generator;
using Microsoft.CodeAnalysis;

namespace LtxCodegen.Benchmarks
{
    /// <summary>
    /// What the incremental runs of <see cref="GeneratorIncrementalBenchmarks"/> actually re-run, at 1,000 docs: the
    /// driver's tracked steps counted by reason (<c>dotnet LtxCodegen.Benchmarks.dll incremental-steps</c>).
    /// Exits 1 unless the unrelated edit re-parses nothing and the one-doc edit re-parses exactly one doc.
    /// </summary>
    internal static class IncrementalStepsReport
    {
        public static int Run()
        {
            var docs = BenchDocs.Create(1000);
            var texts = BenchDocs.Texts(docs);
            var compilation = BenchDocs.Compilation();
            var edited = BenchDocs.Compilation("namespace Consumer { internal static class Placeholder { public static int Edited = 1; } }");
            var warm = BenchDocs.Driver(texts, trackSteps: true).RunGenerators(compilation);

            var unrelated = warm.RunGenerators(edited).GetRunResult();
            var newDoc = new BenchDocs.Doc(docs[504].Path, docs[504].Text.Replace("Output frame rate", "Output frame rate (edited)"));
            var oneDoc = warm.ReplaceAdditionalText(texts[504], newDoc).RunGenerators(compilation).GetRunResult();

            var parsedUnrelated = Report("unrelated C# edit", unrelated);
            var parsedOneDoc = Report("one-doc edit", oneDoc);
            return parsedUnrelated == 0 && parsedOneDoc == 1 ? 0 : 1;
        }

        // Prints the reasons of the parse and emit steps; returns how many docs were parsed again.
        private static int Report(string name, GeneratorDriverRunResult result)
        {
            var steps = result.Results[0].TrackedSteps;
            string Reasons(string step) => string.Join(", ", steps[step]
                .SelectMany(s => s.Outputs)
                .GroupBy(o => o.Reason)
                .OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
                .Select(g => g.Key + " " + g.Count()));
            var parsed = steps[LtxCodegenGenerator.Steps.ParsedDocs].SelectMany(s => s.Outputs).Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
            Console.WriteLine(name + ": ParsedDocs [" + Reasons(LtxCodegenGenerator.Steps.ParsedDocs) + "]; ModelSources [" + Reasons(LtxCodegenGenerator.Steps.ModelSources) + "]");
            return parsed;
        }
    }
}
