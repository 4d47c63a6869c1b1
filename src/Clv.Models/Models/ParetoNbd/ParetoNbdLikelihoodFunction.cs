using Clv.Models.Estimation;
using Clv.Models.Kernels;

namespace Clv.Models.ParetoNbd;

/// <summary>The Pareto/NBD total log-likelihood over a segmented data set, as the estimator sees it.</summary>
internal sealed class ParetoNbdLikelihoodFunction : ILogLikelihoodFunction
{
    private readonly FrequencySegments data;
    private readonly double[] pieceSums;
    private readonly int threads;
    private readonly VectorWidth width;

    public ParetoNbdLikelihoodFunction(FrequencySegments data, int? maxDegreeOfParallelism, VectorWidth width = VectorWidth.Auto)
    {
        this.width = width;
        this.data = data;
        pieceSums = new double[data.Pieces.Length * ParetoNbdLikelihood.SumCount];
        threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;
    }

    public IReadOnlyList<string> ParameterNames => ParetoNbdParameters.Names;

    public double TotalWeight => data.TotalWeight;

    public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) =>
        ParetoNbdLikelihood.ValueAndGradient(data, ParetoNbdParameters.FromSpan(parameters), gradient, pieceSums, threads, width);
}
