using Clv.Models.Estimation;
using Clv.Models.Kernels;

namespace Clv.Models.GammaGamma;

/// <summary>The Gamma-Gamma total log-likelihood as the estimator sees it.</summary>
internal sealed class GammaGammaLikelihoodFunction(FrequencySegments data, int? maxDegreeOfParallelism, VectorWidth width = VectorWidth.Auto) : ILogLikelihoodFunction
{
    private readonly double[] pieceSums = new double[data.Pieces.Length * GammaGammaLikelihood.SumCount];
    private readonly int threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;

    public IReadOnlyList<string> ParameterNames => GammaGammaParameters.Names;

    public double TotalWeight => data.TotalWeight;

    public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) =>
        GammaGammaLikelihood.ValueAndGradient(data, GammaGammaParameters.FromSpan(parameters), gradient, pieceSums, threads, width);
}
