using Clv.Models.Estimation;
using Clv.Models.Kernels;

namespace Clv.Models.BgNbd;

/// <summary>The BG/NBD total log-likelihood over a segmented data set, as the estimator sees it.</summary>
internal sealed class BgNbdLikelihoodFunction : ILogLikelihoodFunction
{
    private readonly FrequencySegments data;
    private readonly double[] pieceSums;
    private readonly int threads;
    private readonly VectorWidth width;

    public BgNbdLikelihoodFunction(FrequencySegments data, int? maxDegreeOfParallelism, VectorWidth width = VectorWidth.Auto)
    {
        this.width = width;
        this.data = data;
        pieceSums = new double[data.Pieces.Length * BgNbdLikelihood.SumCount];
        threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;
    }

    public IReadOnlyList<string> ParameterNames => BgNbdParameters.Names;

    public double TotalWeight => data.TotalWeight;

    public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) =>
        BgNbdLikelihood.ValueAndGradient(data, BgNbdParameters.FromSpan(parameters), gradient, pieceSums, threads, width);
}
