using BenchmarkDotNet.Attributes;
using Clv.Cli.Bench;
using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Benchmarks;

/// <summary>
/// Pareto/NBD with per-customer rates (the static-covariate kernel): one value+gradient pass over 1M simulated customers
/// whose α_i = α·exp(−0.5 z₁ᵢ), β_i = β·exp(−0.5 z₂ᵢ) (z standard normal, so both orientations of the integral occur), against
/// the shared-parameter kernel on the same customers' rows, uncollapsed (the same row count) and collapsed (what a fit without
/// covariates runs on).
/// </summary>
[MemoryDiagnoser]
public class ParetoNbdCustomerBenchmarks : IWorkSize
{
    private CustomerSegments layout = null!;
    private FrequencySegments rows = null!, collapsed = null!;
    private double[] alpha = null!, beta = null!, gradLogAlpha = null!, gradLogBeta = null!, rowSums = null!, collapsedSums = null!;
    private readonly double[] shared = new double[2], gradient = new double[4];

    [Params(1_000_000)]
    public int Customers { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [Params(VectorWidth.Scalar, VectorWidth.Vector256, VectorWidth.Vector512)]
    public VectorWidth Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var p = BenchData.ParetoNbd;
        var random = new Random(42);
        int n = Customers;
        var x = new double[n]; var tx = new double[n]; var t = new double[n];
        alpha = new double[n]; beta = new double[n];
        for (int i = 0; i < n; i++)
        {
            alpha[i] = p.Alpha * Math.Exp(-0.5 * Normal(random));
            beta[i] = p.Beta * Math.Exp(-0.5 * Normal(random));
            t[i] = random.Next(27 * 7, 39 * 7 + 1) / 7.0;
            var (f, r) = ParetoNbdSimulator.SimulateCustomer(p with { Alpha = alpha[i], Beta = beta[i] }, t[i], random);
            x[i] = f;
            tx[i] = Math.Floor(r * 7) / 7.0;
        }
        gradLogAlpha = new double[n]; gradLogBeta = new double[n];
        layout = CustomerSegments.Create(x, tx, t, []);
        rows = FrequencySegments.Create(x, [], [tx, t]);
        collapsed = FrequencySegments.Create(x, tx, t, []);
        rowSums = new double[rows.Pieces.Length * ParetoNbdLikelihood.SumCount];
        collapsedSums = new double[collapsed.Pieces.Length * ParetoNbdLikelihood.SumCount];
        Console.WriteLine($"// {n} customers, {collapsed.Count} distinct rows");
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    [Benchmark(Description = "per-customer rates")]
    public double PerCustomer() =>
        ParetoNbdCustomerLikelihood.ValueAndGradient(layout, BenchData.ParetoNbd.R, BenchData.ParetoNbd.S, alpha, beta, shared, gradLogAlpha, gradLogBeta, Threads, Width);

    [Benchmark(Description = "shared rates, every row")]
    public double SharedRows() => ParetoNbdLikelihood.ValueAndGradient(rows, BenchData.ParetoNbd, gradient, rowSums, Threads, Width);

    [Benchmark(Description = "shared rates, collapsed rows")]
    public double SharedCollapsed() => ParetoNbdLikelihood.ValueAndGradient(collapsed, BenchData.ParetoNbd, gradient, collapsedSums, Threads, Width);

    public (long Customers, long Transactions) WorkSize(string method) => (Customers, 0);
}
