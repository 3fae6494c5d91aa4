using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

namespace LtxCodegen.Benchmarks
{
    public static class Program
    {
        // dotnet run -c Release --project benchmarks/LtxCodegen.Benchmarks -- --filter '*' --job short
        public static void Main(string[] args) =>
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
                .Run(args, DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default));
    }
}
