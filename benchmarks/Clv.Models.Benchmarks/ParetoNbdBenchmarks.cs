using BenchmarkDotNet.Attributes;
using Clv.Cli.Bench;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Benchmarks;

/// <summary>Pareto/NBD: one value+gradient pass of the log-likelihood (over the collapsed rows) and a whole fit.</summary>
[MemoryDiagnoser]
public class ParetoNbdBenchmarks : IWorkSize
{
    private CustomerSummary summary = null!;
    private FrequencySegments segments = null!;
    private double[] pieceSums = null!;
    private readonly double[] gradient = new double[4];

    [Params(1_000_000)]
    public int Customers { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [Params(VectorWidth.Scalar, VectorWidth.Vector512)]
    public VectorWidth Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        summary = BenchData.ParetoNbdCustomers(Customers, seed: 42);
        segments = FrequencySegments.Create(summary.Frequency, summary.Recency, summary.T, []);
        pieceSums = new double[segments.Pieces.Length * ParetoNbdLikelihood.SumCount];
        Console.WriteLine($"// {Customers} customers, {segments.Count} distinct rows");
    }

    [Benchmark(Description = "LL+gradient pass")]
    public double LogLikelihoodAndGradient() => ParetoNbdLikelihood.ValueAndGradient(segments, BenchData.ParetoNbd, gradient, pieceSums, Threads, Width);

    [Benchmark(Description = "fit")]
    public double Fit() => new ParetoNbdModel(new FitOptions { MaxDegreeOfParallelism = Threads, VectorWidth = Width }).Fit(summary).LogLikelihood;

    public (long Customers, long Transactions) WorkSize(string method) => (Customers, BenchData.Transactions(BenchData.ParetoNbdCustomers(Customers, seed: 42)));
}
