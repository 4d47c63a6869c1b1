using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Clv.Cli.Bench;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Uncertainty;

namespace Clv.Models.Benchmarks;

/// <summary>
/// Issue 8's bootstrap target: 1M BG/NBD customers, 200 nonparametric replicates (alias-table multinomial over the distinct
/// rows, warm-started weighted refits on all cores), then per-customer percentile intervals of P(alive) and E[Y(52)]
/// (chunked over the distinct rows, expanded to the 1M customers). A workload of tens of seconds: one launch, no warm-up, one
/// iteration. Filter: <c>--filter '*BootstrapBenchmarks*'</c>; the figure is in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class BootstrapBenchmarks : IWorkSize
{
    private const int Customers = 1_000_000;
    private CustomerSummary customers = null!;
    private FittedBgNbd fit = null!;

    [GlobalSetup]
    public void Setup()
    {
        customers = BenchData.Customers(Customers, seed: 42);
        fit = new BgNbdModel().Fit(customers);
    }

    [Benchmark(Description = "BG/NBD bootstrap 1M x 200: parameters + P(alive), E[Y] intervals")]
    public CustomerIntervals BgNbdBootstrap()
    {
        var boot = Bootstrap.Purchases(fit, customers, new BootstrapOptions { Replicates = 200, Seed = 1, ConfidenceLevel = 0.9 });
        return boot.Predict(customers, purchaseHorizon: 52);
    }

    public (long Customers, long Transactions) WorkSize(string method) => (Customers, BenchData.Transactions(BenchData.Customers(Customers, seed: 42)));
}
