using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Clv.Models.Benchmarks;

/// <summary>
/// Runs the benchmarks: `dotnet run -c Release --project benchmarks/Clv.Models.Benchmarks -- --filter '*'`. Every summary has
/// customers/s and transactions/s columns (<see cref="ThroughputColumn"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(args, DefaultConfig.Instance.AddColumn(new ThroughputColumn(transactions: false), new ThroughputColumn(transactions: true)));
}
