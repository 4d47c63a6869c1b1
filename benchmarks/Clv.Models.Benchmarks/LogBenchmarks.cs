using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Clv.Cli.Bench;
using Clv.Models.Data;

namespace Clv.Models.Benchmarks;

/// <summary>
/// Work on a simulated transaction log CSV (<c>customer_id,date,amount</c>, CDNOW-like customers, written once to the temp
/// folder): summarising it, and the whole path to a CLV file (summary → BG/NBD and Gamma-Gamma fits → valuation → CSV).
/// Seconds per operation, so a few monitored iterations rather than many.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LogBenchmarks : IWorkSize
{
    private string log = null!;
    private string output = null!;

    [Params(10_000_000)]
    public long Transactions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        log = Path.Combine(Path.GetTempPath(), $"clv-benchmark-log-{Transactions}.csv");
        output = Path.Combine(Path.GetTempPath(), $"clv-benchmark-clv-{Environment.ProcessId}.csv");
        BenchData.WriteLog(log, Transactions, seed: 1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(log);
        File.Delete(output);
    }

    [Benchmark(Description = "summarise log CSV")]
    public int Summarise() => Summarizer.Summarize(log, BenchData.LogColumns, BenchData.Window).Summary.Count;

    [Benchmark(Description = "log CSV -> summary -> BG/NBD + Gamma-Gamma -> CLV CSV")]
    public void EndToEnd() => Clv.Cli.Commands.BenchCommand.EndToEnd(log, output, new Estimation.FitOptions());

    public (long Customers, long Transactions) WorkSize(string method)
    {
        // The simulator's counts, without writing the file: the same seeded draws into a null writer.
        var (customers, transactions) = BenchData.WriteLog(Stream.Null, Transactions, seed: 1);
        return (customers, transactions);
    }
}
