using MathNet.Numerics;

namespace Clv.Models.Diagnostics;

/// <summary>
/// Pearson's goodness-of-fit test of observed counts O_k against expected counts E_k: χ² = Σ (O_k − E_k)² / E_k, and
/// the p-value P(χ²_df ≥ χ²) = Q(df/2, χ²/2), Q the regularised upper incomplete gamma function.
/// </summary>
/// <param name="Statistic">The χ² statistic.</param>
/// <param name="DegreesOfFreedom">Number of bins − 1 − number of estimated parameters.</param>
/// <param name="PValue">Probability of a statistic at least this large if the model were true.</param>
public sealed record ChiSquareTest(double Statistic, int DegreesOfFreedom, double PValue)
{
    /// <summary>The test of <paramref name="observed"/> against <paramref name="expected"/> (one value per bin).</summary>
    /// <param name="observed">Observed counts.</param>
    /// <param name="expected">Expected counts, all &gt; 0.</param>
    /// <param name="estimatedParameters">Parameters estimated from the same data (each costs one degree of freedom).</param>
    /// <exception cref="ArgumentException">Lengths differ, an expected count is not &gt; 0, or no degree of freedom is left.</exception>
    public static ChiSquareTest Of(ReadOnlySpan<double> observed, ReadOnlySpan<double> expected, int estimatedParameters)
    {
        if (observed.Length != expected.Length) throw new ArgumentException($"observed and expected must have the same length (got {observed.Length}, {expected.Length})");
        int df = observed.Length - 1 - estimatedParameters;
        if (df < 1) throw new ArgumentException($"{observed.Length} bins and {estimatedParameters} estimated parameters leave no degree of freedom", nameof(estimatedParameters));
        double statistic = 0;
        for (int k = 0; k < observed.Length; k++)
        {
            if (!(expected[k] > 0)) throw new ArgumentException($"expected count of bin {k} must be > 0 but is {expected[k]}", nameof(expected));
            double d = observed[k] - expected[k];
            statistic += d * d / expected[k];
        }

        return new ChiSquareTest(statistic, df, PValueOf(statistic, df));
    }

    /// <summary>P(χ²_df ≥ <paramref name="statistic"/>) = Q(df/2, statistic/2).</summary>
    public static double PValueOf(double statistic, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(statistic);
        return SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, statistic / 2.0);
    }
}
