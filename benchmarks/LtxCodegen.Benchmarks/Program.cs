using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

namespace LtxCodegen.Benchmarks
{
    public static class Program
    {
        // BenchmarkDotNet: dotnet LtxCodegen.Benchmarks.dll --filter '*Serialization*' --inProcess
        // Timed harness:   dotnet LtxCodegen.Benchmarks.dll client-cpu [--jobs 1000] [--rounds 3] [--emulator process]
        // Step report:     dotnet LtxCodegen.Benchmarks.dll incremental-steps
        // Fresh process:   dotnet LtxCodegen.Benchmarks.dll first-run [docs]
        // Hostile docs:    dotnet LtxCodegen.Benchmarks.dll generator-scaling [scale] [filter]
        // Output size:     dotnet LtxCodegen.Benchmarks.dll generated-size <docs folder>...
        public static async Task<int> Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "client-cpu")
            {
                return await ClientCpuHarness.RunAsync(args);
            }

            if (args.Length > 0 && args[0] == "first-run")
            {
                return FirstRunReport.Run(args);
            }

            if (args.Length > 0 && args[0] == "generator-scaling")
            {
                return GeneratorScalingReport.Run(args);
            }

            if (args.Length > 0 && args[0] == "generated-size")
            {
                return GeneratedSizeReport.Run(args);
            }

            if (args.Length > 0 && args[0] == "incremental-steps")
            {
                return IncrementalStepsReport.Run();
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
                .Run(args, DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default));
            return 0;
        }
    }
}
