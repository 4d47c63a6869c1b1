using Clv.Models.Special;

namespace Clv.Models.Sbg;

/// <summary>
/// DERL, the discounted expected residual lifetime of an sBG customer (Fader &amp; Hardie 2010, "Customer-Base Valuation in a
/// Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1) 85–93, cited as FH2010).
/// </summary>
/// <remarks>
/// <para>FH2010 value a customer who has made n−1 renewals just before the n-th renewal decision,
/// <c>DERL(d | α, β, n−1) = Σ_{t≥n} S(t | t &gt; n−1) / (1+d)^(t−n) = B(α, β+n)/B(α, β+n−1) · ₂F₁(1, β+n; α+β+n; 1/(1+d))</c>.
/// Here the customer has renewed n times, so with <c>b = β+n</c> (the posterior θ | T &gt; n is Beta(α, b)) and
/// <c>z = 1/(1+d)</c>:</para>
/// <code>
///   DERL(d | n) = b/(α+b) · ₂F₁(1, b+1; α+b+1; z) = Σ_{k≥0} zᵏ S(n+1+k)/S(n)          (series, DLMF 15.2.1)
///               = E_θ[(1−θ)/(1 − z(1−θ))] = (1+d) · E_θ[(1−θ)/(d+θ)],  θ ~ Beta(α, b)  (Euler's integral, DLMF 15.6.1)
/// </code>
/// <para>MathNet.Numerics has no real-argument ₂F₁, and the series converges like zᵏ = (1+d)^(−k): about 40/d terms for a
/// small discount rate. So the series (all terms positive, ratio <c>z(b+1+k)/(α+b+1+k) &lt; z</c>, stopped when the tail bound
/// <c>term·z/(1−z)</c> falls below 1e-17 of the sum) is used while its estimated length is at most
/// <see cref="SeriesTermLimit"/>, and the Beta expectation otherwise, by <see cref="BetaExpectation"/> (tanh-sinh) with its knee
/// at θ = d, where the integrand turns from ≈ 1/d to ≈ 1/θ. At d = 0 the sum is E[(1−θ)/θ] = b/(α−1) for α &gt; 1 and
/// diverges otherwise. Checked against 50-digit mpmath values (tests/Clv.Models.Tests/TestData/reference/sbg_reference.py).</para>
/// </remarks>
internal static class SbgResidualLifetime
{
    /// <summary>Largest estimated number of series terms before switching to the quadrature.</summary>
    public const double SeriesTermLimit = 3000;

    /// <summary>DERL for θ ~ Beta(<paramref name="alpha"/>, <paramref name="b"/>), b = β + renewals, discount rate d ≥ 0.</summary>
    public static double Evaluate(double alpha, double b, double d)
    {
        if (d == 0) return alpha > 1 ? b / (alpha - 1) : double.PositiveInfinity;
        return EstimatedSeriesTerms(d) <= SeriesTermLimit ? Series(alpha, b, d) : Quadrature(alpha, b, d);
    }

    /// <summary>Terms until zᵏ/d ≤ 1e-17: <c>(39 + ln(1/d)) / ln(1+d)</c>, at least 1.</summary>
    public static double EstimatedSeriesTerms(double d) => Math.Max(1, (39 + Math.Max(0, -Math.Log(d))) / Elementary.Log1p(d));

    /// <summary><c>b/(α+b) · Σ_k (b+1)ₖ/(α+b+1)ₖ zᵏ</c>, z = 1/(1+d).</summary>
    public static double Series(double alpha, double b, double d)
    {
        double z = 1 / (1 + d);
        double term = 1, sum = 1;
        for (int k = 0; ; k++)
        {
            term *= z * (b + 1 + k) / (alpha + b + 1 + k);
            sum += term;
            if (term <= 1e-17 * d * sum || term == 0) break; // tail < term·z/(1−z) = term/d
        }
        return b / (alpha + b) * sum;
    }

    /// <summary><c>(1+d) · E[(1−θ)/(d+θ)]</c>, θ ~ Beta(α, b), by tanh-sinh with the knee at θ = d.</summary>
    public static double Quadrature(double alpha, double b, double d) =>
        (1 + d) * BetaExpectation.Evaluate(alpha, b, d, new Renewals(d));

    private readonly struct Renewals(double d) : IProbabilityFunction
    {
        public double Evaluate(double p) => (1 - p) / (d + p);
    }
}
