using BenchmarkDotNet.Attributes;
using Clv.Cli.Bench;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.Kernels;

namespace Clv.Models.Benchmarks;

/// <summary>Gamma-Gamma: one value+gradient pass and a whole fit over simulated repeat customers.</summary>
[MemoryDiagnoser]
public class GammaGammaBenchmarks : IWorkSize
{
    private double[] frequency = null!;
    private double[] monetary = null!;
    private FrequencySegments segments = null!;
    private double[] pieceSums = null!;
    private readonly double[] gradient = new double[3];

    [Params(1_000_000)]
    public int Customers { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [Params(VectorWidth.Scalar, VectorWidth.Vector512)]
    public VectorWidth Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (frequency, monetary) = BenchData.RepeatSpend(Customers, seed: 42);
        segments = GammaGammaLikelihood.Layout(frequency, monetary, []);
        pieceSums = new double[segments.Pieces.Length * GammaGammaLikelihood.SumCount];
    }

    [Benchmark(Description = "LL+gradient pass")]
    public double LogLikelihoodAndGradient() => GammaGammaLikelihood.ValueAndGradient(segments, BenchData.Spend, gradient, pieceSums, Threads, Width);

    [Benchmark(Description = "fit")]
    public double Fit() => new GammaGammaModel(new FitOptions { MaxDegreeOfParallelism = Threads, VectorWidth = Width }).Fit(frequency, monetary).LogLikelihood;

    /// <summary>Repeat customers and all their transactions (x repeat purchases plus the first).</summary>
    public (long Customers, long Transactions) WorkSize(string method) => (Customers, Customers + (long)BenchData.RepeatSpend(Customers, seed: 42).Frequency.Sum());
}
