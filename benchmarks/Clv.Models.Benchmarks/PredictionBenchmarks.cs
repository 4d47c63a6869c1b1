using BenchmarkDotNet.Attributes;
using Clv.Cli.Bench;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.ParetoNbd;
using Clv.Models.Valuation;

namespace Clv.Models.Benchmarks;

/// <summary>
/// Per-customer predictions of a fitted model: P(alive), E[Y(52) | x, t_x, T] and DERT (15 % a year) for every customer, as
/// <see cref="CustomerValuation.Compute"/> makes them (once per distinct (x, t_x, T), in parallel chunks).
/// </summary>
[MemoryDiagnoser]
public class PredictionBenchmarks : IWorkSize
{
    private CustomerSummary summary = null!;
    private IPurchaseModel model = null!;
    private ValuationOptions options = null!;

    [Params(1_000_000)]
    public int Customers { get; set; }

    [Params("bg-nbd", "pareto-nbd")]
    public string Model { get; set; } = "bg-nbd";

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        summary = Data();
        model = Model == "bg-nbd" ? BenchData.Purchases : BenchData.ParetoNbd;
        options = new ValuationOptions { DiscountRate = ValuationOptions.ContinuousRate(0.15, 52), PurchaseHorizon = 52, MaxDegreeOfParallelism = Threads };
    }

    [Benchmark(Description = "P(alive) + E[Y(52)] + DERT")]
    public CustomerValueTable Predict() => CustomerValuation.Compute(model, summary, options);

    public (long Customers, long Transactions) WorkSize(string method)
    {
        var s = Data();
        return (s.Count, BenchData.Transactions(s));
    }

    private CustomerSummary Data() => Model == "bg-nbd" ? BenchData.Customers(Customers, seed: 42) : BenchData.ParetoNbdCustomers(Customers, seed: 42);
}
