using BenchmarkDotNet.Attributes;
using Clv.Cli.Bench;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Kernels;

namespace Clv.Models.Benchmarks;

/// <summary>BG/NBD: one value+gradient pass of the log-likelihood, and a whole fit, over simulated customers.</summary>
[MemoryDiagnoser]
public class BgNbdBenchmarks : IWorkSize
{
    private CustomerSummary summary = null!;
    private FrequencySegments segments = null!;
    private double[] pieceSums = null!;
    private readonly double[] gradient = new double[4];
    private readonly BgNbdParameters evaluationPoint = new(0.25, 4.2, 0.8, 2.5);

    [Params(100_000, 1_000_000)]
    public int Customers { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [Params(VectorWidth.Scalar, VectorWidth.Vector256, VectorWidth.Vector512)]
    public VectorWidth Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        summary = BenchData.Customers(Customers, seed: 42);
        segments = FrequencySegments.Create(summary.Frequency, summary.Recency, summary.T, []);
        pieceSums = new double[segments.Pieces.Length * BgNbdLikelihood.SumCount];
    }

    [Benchmark(Description = "LL+gradient pass")]
    public double LogLikelihoodAndGradient() => BgNbdLikelihood.ValueAndGradient(segments, evaluationPoint, gradient, pieceSums, Threads, Width);

    [Benchmark(Description = "fit")]
    public double Fit() => new BgNbdModel(new Estimation.FitOptions { MaxDegreeOfParallelism = Threads, VectorWidth = Width }).Fit(summary).LogLikelihood;

    public (long Customers, long Transactions) WorkSize(string method) => (Customers, BenchData.Transactions(BenchData.Customers(Customers, seed: 42)));
}
