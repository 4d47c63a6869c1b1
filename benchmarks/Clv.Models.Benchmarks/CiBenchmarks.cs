using BenchmarkDotNet.Attributes;
using Clv.Cli.Bench;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.ParetoNbd;
using Clv.Models.Valuation;

namespace Clv.Models.Benchmarks;

/// <summary>
/// The short CI set (a few minutes): the fits and predictions of the performance table at 1M customers, at the machine's
/// widest vector width and all its cores. Filter: <c>--filter '*CiBenchmarks*'</c>; compared against benchmarks/baseline/.
/// </summary>
[MemoryDiagnoser]
public class CiBenchmarks : IWorkSize
{
    private const int Customers = 1_000_000;
    private CustomerSummary bg = null!;
    private CustomerSummary pnbd = null!;
    private double[] frequency = null!;
    private double[] monetary = null!;
    private ValuationOptions valuation = null!;

    [GlobalSetup]
    public void Setup()
    {
        bg = BenchData.Customers(Customers, seed: 42);
        pnbd = BenchData.ParetoNbdCustomers(Customers, seed: 42);
        (frequency, monetary) = BenchData.RepeatSpend(Customers, seed: 42);
        valuation = new ValuationOptions { DiscountRate = ValuationOptions.ContinuousRate(0.15, 52), PurchaseHorizon = 52 };
    }

    [Benchmark(Description = "BG/NBD fit 1M")]
    public double BgNbdFit() => new BgNbdModel().Fit(bg).LogLikelihood;

    [Benchmark(Description = "Pareto/NBD fit 1M")]
    public double ParetoNbdFit() => new ParetoNbdModel().Fit(pnbd).LogLikelihood;

    [Benchmark(Description = "Gamma-Gamma fit 1M")]
    public double GammaGammaFit() => new GammaGammaModel().Fit(frequency, monetary).LogLikelihood;

    [Benchmark(Description = "Pareto/NBD P(alive) + E[Y] + DERT 1M")]
    public CustomerValueTable ParetoNbdPredictions() => CustomerValuation.Compute(BenchData.ParetoNbd, pnbd, valuation);

    public (long Customers, long Transactions) WorkSize(string method) => method switch
    {
        nameof(BgNbdFit) => (Customers, BenchData.Transactions(BenchData.Customers(Customers, seed: 42))),
        nameof(GammaGammaFit) => (Customers, Customers + (long)BenchData.RepeatSpend(Customers, seed: 42).Frequency.Sum()),
        _ => (Customers, BenchData.Transactions(BenchData.ParetoNbdCustomers(Customers, seed: 42))),
    };
}
