using Clv.Models.Kernels;

namespace Clv.Models.Estimation;

/// <summary>A model's segmented value+gradient kernel: Σ w·ln L at <paramref name="parameters"/> and its gradient.</summary>
internal delegate double SegmentedKernel(FrequencySegments data, ReadOnlySpan<double> parameters, Span<double> gradient, double[] pieceSums, int threads, VectorWidth width);

/// <summary>
/// The total log-likelihood of any model whose kernel runs on <see cref="FrequencySegments"/>, as the estimator sees it:
/// the layout, the per-piece sums buffer (allocated once, so an evaluation allocates nothing per row), the thread count
/// and the vector width.
/// </summary>
internal sealed class SegmentedLikelihoodFunction(
    IReadOnlyList<string> parameterNames, FrequencySegments data, int sumCount, SegmentedKernel kernel, FitOptions options) : ILogLikelihoodFunction
{
    private readonly double[] pieceSums = new double[data.Pieces.Length * sumCount];
    private readonly int threads = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;

    public IReadOnlyList<string> ParameterNames => parameterNames;

    public double TotalWeight => data.TotalWeight;

    public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) =>
        kernel(data, parameters, gradient, pieceSums, threads, options.VectorWidth);
}
