using Clv.Models.BgNbd;
using Clv.Models.Kernels;
using Clv.Models.Special;

namespace Clv.Models.MbgNbd;

/// <summary>
/// The MBG/NBD log-likelihood (Batislam, Denizel &amp; Filiztekin 2007, IJRM 24(3): the individual likelihood integrated
/// over λ ~ Gamma(r, α) and p ~ Beta(a, b); the counterpart of Fader, Hardie &amp; Lee 2005, eq. (6)) and its analytic gradient.
/// </summary>
/// <remarks>
/// A customer alive at T has bought x times after time 0 and survived x + 1 dropout flips (one after each purchase, the first at
/// time 0 included); a customer who died did so at the flip after the last purchase (at t_x), having survived x flips:
/// <code>
///   L(r, α, a, b | x, t_x, T) = B(a, b+x+1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
///                             + B(a+1, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
/// </code>
/// Unlike BG/NBD the second term is present for x = 0 too (t_x = 0): L = b/(a+b)·(α/(α+T))^r + a/(a+b).
/// In the log form of <see cref="BgNbdLikelihood"/> only the x-only factors and the log-ratio ln a − ln(b+x) change, so the fit
/// uses the BG/NBD row sums, scalar reference and vector kernel (<see cref="BgNbdKernel"/>) with one initial flip
/// (<see cref="BgNbdFrequencyTerms"/>); <see cref="LogLikelihood(in MbgNbdParameters, double, double, double)"/> evaluates the two
/// terms above directly, as an independent check of that path.
/// </remarks>
public static class MbgNbdLikelihood
{
    /// <summary>
    /// Per-customer log-likelihood, the two terms of the class remarks in log space:
    /// <c>ln B(a, b+x+1) − ln B(a, b) = ln[(b)_(x+1)/(a+b)_(x+1)]</c>, <c>ln B(a+1, b+x) − ln B(a, b) = ln[a/(a+b+x)] + ln[(b)_x/(a+b)_x]</c>,
    /// <c>ln[Γ(r+x)/Γ(r)] = ln (r)_x</c>, and <c>α^r/(α+s)^(r+x) = α^(−x) · (1 + s/α)^(−(r+x))</c>, combined by log-sum-exp.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="x">Frequency: number of repeat purchases.</param>
    /// <param name="tx">Recency: time of the last purchase, 0 ≤ t_x ≤ T (0 when x = 0).</param>
    /// <param name="t">Age T: time since the first purchase.</param>
    public static double LogLikelihood(in MbgNbdParameters p, double x, double tx, double t)
    {
        int n = (int)x;
        double rx = p.R + x;
        double common = LogGamma.LogRising(p.R, n) - x * Math.Log(p.Alpha);
        double alive = LogGamma.LogRisingRatio(p.A, p.B, n + 1) + common - rx * Elementary.Log1p(t / p.Alpha);
        double dead = Math.Log(p.A) - Math.Log(p.A + p.B + x) + LogGamma.LogRisingRatio(p.A, p.B, n) + common - rx * Elementary.Log1p(tx / p.Alpha);
        double high = Math.Max(alive, dead);
        return high + Elementary.Log1p(Math.Exp(-Math.Abs(alive - dead)));
    }

    /// <summary>Per-customer log-likelihoods into <paramref name="result"/>.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void LogLikelihood(in MbgNbdParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> result)
    {
        var q = p;
        PurchaseModelSpans.Fill(x, tx, t, result, (xi, txi, ti) => LogLikelihood(q, xi, txi, ti));
    }

    /// <summary>
    /// Σ w·ln L over all rows and its gradient with respect to (r, α, a, b), by the shared BG/NBD row sums with one initial dropout
    /// flip (see the class remarks). Independent of <paramref name="maxDegreeOfParallelism"/>.
    /// </summary>
    internal static double ValueAndGradient(FrequencySegments data, in MbgNbdParameters p, Span<double> gradient, double[] pieceSums, int maxDegreeOfParallelism,
        VectorWidth width = VectorWidth.Auto) =>
        BgNbdLikelihood.ValueAndGradient(data, p.Shared, gradient, pieceSums, maxDegreeOfParallelism, width, MbgNbdParameters.InitialFlips);
}
