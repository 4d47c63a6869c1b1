using BenchmarkDotNet.Running;

namespace Clv.Models.Benchmarks;

/// <summary>Runs the benchmarks: `dotnet run -c Release --project benchmarks/Clv.Models.Benchmarks -- --filter '*'`.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
