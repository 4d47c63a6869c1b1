using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Clv.Cli.Bench;
using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Benchmarks;

/// <summary>
/// Whole covariate fits (BFGS, analytic gradient, standard errors from the observed information) on 1M simulated customers with
/// two numeric covariates (z1 ~ N(0, 1), z2 ~ U(−1, 1)) and a three-level categorical one (two dummies), in both processes:
/// 4 base parameters + 8 coefficients. Customers are drawn with their own parameters (true purchase coefficients 0.4, −0.5,
/// 0.5, −0.4; life −0.5, 0, 0.6, −0.4), ages on the day grid of 27–39 weeks. Fits of seconds: one launch, one warm-up, three
/// iterations. Filter: <c>--filter '*CovariateFitBenchmarks*'</c>; the figures are in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CovariateFitBenchmarks : IWorkSize
{
    private const int Customers = 1_000_000;
    private static readonly string[] Names = ["z1", "z2", "store", "web"];
    private static readonly double[] PurchaseTruth = [0.4, -0.5, 0.5, -0.4];
    private static readonly double[] LifeTruth = [-0.5, 0, 0.6, -0.4];
    private CovariateTable table = null!;
    private CustomerSummary bgNbd = null!, paretoNbd = null!;

    [GlobalSetup]
    public void Setup()
    {
        table = Table(Customers, seed: 42);
        var placeholder = new CustomerSummary([.. table.CustomerIds], new double[Customers], new double[Customers], Enumerable.Repeat(1.0, Customers).ToArray());
        var aligned = table.AlignTo(placeholder);
        var bg = new BgNbdCovariates(BenchData.Purchases, Truth()).CustomerParameters(aligned);
        var pn = new ParetoNbdCovariates(BenchData.ParetoNbd, Truth()).CustomerParameters(aligned);
        bgNbd = Simulate(i => BgNbdSimulator.SimulateCustomer(bg[i], Age(i), Rng(i)));
        paretoNbd = Simulate(i => ParetoNbdSimulator.SimulateCustomer(pn[i], Age(i), Rng(i)));
        Console.WriteLine($"// BG/NBD fit: {Describe(BgNbdFit().Estimate)}");
        Console.WriteLine($"// Pareto/NBD fit: {Describe(ParetoNbdFit().Estimate)}");
    }

    [Benchmark(Description = "BG/NBD + 8 covariate coefficients, 1M customers")]
    public FittedCovariateModel<BgNbdParameters> BgNbdFit() => new BgNbdCovariateModel(Spec).Fit(bgNbd, table);

    [Benchmark(Description = "Pareto/NBD + 8 covariate coefficients, 1M customers")]
    public FittedCovariateModel<ParetoNbdParameters> ParetoNbdFit() => new ParetoNbdCovariateModel(Spec).Fit(paretoNbd, table);

    public (long Customers, long Transactions) WorkSize(string method) => (Customers, 0);

    private static CovariateSpec Spec => new() { Purchase = Names, Life = Names };

    private static CovariateCoefficient[] Truth() =>
    [
        .. Names.Select((n, k) => Coefficient(CovariateProcess.Purchase, n, PurchaseTruth[k])),
        .. Names.Select((n, k) => Coefficient(CovariateProcess.Life, n, LifeTruth[k])),
    ];

    private static CovariateCoefficient Coefficient(CovariateProcess process, string name, double value) =>
        new(CovariateSpec.CoefficientName(process, name), name, process, value, double.NaN, double.NaN, double.NaN);

    private static CovariateTable Table(int n, int seed)
    {
        var rng = new Random(seed);
        double[][] columns = [new double[n], new double[n], new double[n], new double[n]];
        for (int i = 0; i < n; i++)
        {
            columns[0][i] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            columns[1][i] = 2 * rng.NextDouble() - 1;
            int level = rng.Next(3); // 0 = reference
            columns[2][i] = level == 1 ? 1 : 0;
            columns[3][i] = level == 2 ? 1 : 0;
        }
        return CovariateTable.Create([.. Enumerable.Range(1, n).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], Names, columns);
    }

    /// <summary>Age of customer i in weeks on the day grid (27–39 weeks), seeded per customer.</summary>
    private static double Age(int i) => new Random(1_000_003 * i + 7).Next(27 * 7, 39 * 7 + 1) / 7.0;

    private static Random Rng(int i) => new(31 * i + 11);

    private CustomerSummary Simulate(Func<int, (int Frequency, double Recency)> customer)
    {
        double[] x = new double[Customers], tx = new double[Customers], t = new double[Customers];
        Parallel.For(0, Customers, i =>
        {
            var (f, r) = customer(i);
            x[i] = f;
            t[i] = Age(i);
            tx[i] = Math.Floor(r * 7) / 7.0; // purchase days
        });
        return new CustomerSummary([.. table.CustomerIds], x, tx, t);
    }

    private static string Describe(Clv.Models.Estimation.MaximumLikelihoodEstimate e) =>
        string.Join(", ", e.Parameters.Select(p => $"{p.Name} {p.Value:G4} ({p.StandardError:G2})")) + $"; {e.Convergence.Iterations} iterations";
}
