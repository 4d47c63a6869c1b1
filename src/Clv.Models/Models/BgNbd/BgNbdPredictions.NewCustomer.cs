using Clv.Models.Special;

namespace Clv.Models.BgNbd;

public static partial class BgNbdPredictions
{
    /// <summary>
    /// E[X(t)], the expected number of purchases in (0, t] of a customer drawn at random from the population, FHL eq. (7):
    /// <c>(a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]</c>, i.e. eq. (10) with x = t_x = T = 0, evaluated by
    /// <see cref="Hyp2F1Difference"/> (no cancellation at small t, no singularity at a = 1; worst relative error on the reference grid 2.5e-13).
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="t">Length of the period, t ≥ 0.</param>
    public static double ExpectedPurchasesNewCustomer(in BgNbdParameters p, double t)
        => t <= 0 ? 0 : Hyp2F1Difference.Evaluate(p.R, p.A, p.B, t / p.Alpha);

    /// <summary>
    /// P(X(t) = n) for a customer drawn at random from the population, FHL eq. (8):
    /// <c>B(a, b+n)/B(a, b) · NB(n) + [n&gt;0] · B(a+1, b+n−1)/B(a, b) · [1 − Σ_{j&lt;n} NB(j)]</c> with
    /// <c>NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j</c>. The bracket, an upper tail of the negative binomial, is the
    /// regularized incomplete beta <c>I_z(n, r)</c>, z = t/(α+t) (DLMF 8.17.5; <see cref="RegularizedBeta.NegativeBinomialUpperTail"/>) instead of a
    /// subtraction; the beta and gamma ratios are formed in log space (worst relative error on the reference grid 1.8e-13).
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="n">Number of purchases, n ≥ 0.</param>
    /// <param name="t">Length of the period, t &gt; 0.</param>
    public static double ProbabilityOfPurchases(in BgNbdParameters p, int n, double t) => ProbabilityOfPurchases(p, n, t, initialFlips: 0);

    /// <summary>
    /// P(X(t) = n) with <paramref name="initialFlips"/> dropout flips before the first repeat purchase (1: MBG/NBD): with
    /// k = n + initialFlips, <c>B(a, b+k)/B(a, b) · NB(n) + [k&gt;0] · B(a+1, b+k−1)/B(a, b) · P(N ≥ n)</c> — alive at t after n
    /// purchases, or died at the k-th flip (after the n-th purchase, which needs N ≥ n; P(N ≥ 0) = 1).
    /// </summary>
    internal static double ProbabilityOfPurchases(in BgNbdParameters p, int n, double t, int initialFlips)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (t <= 0) return n == 0 ? 1.0 : 0.0;
        int k = n + initialFlips;
        double z = t / (p.Alpha + t), y = p.Alpha / (p.Alpha + t);
        // ln NB(n) = ln (r)_n - ln n! + r ln(α/(α+t)) + n ln(t/(α+t))
        double logNb = LogGamma.LogRising(p.R, n) - LogGamma.LogRising(1, n) - p.R * Elementary.Log1p(t / p.Alpha) + n * Math.Log(z);
        // B(a, b+k)/B(a, b) = (b)_k/(a+b)_k
        double first = Math.Exp(LogGamma.LogRisingRatio(p.A, p.B, k) + logNb);
        if (k == 0) return first;
        // B(a+1, b+k-1)/B(a, b) = a/(a+b+k-1) · (b)_{k-1}/(a+b)_{k-1}
        double logWeight = Math.Log(p.A) - Math.Log(p.A + p.B + (k - 1)) + LogGamma.LogRisingRatio(p.A, p.B, k - 1);
        double tail = n == 0 ? 1.0 : RegularizedBeta.NegativeBinomialUpperTail(n, p.R, z, y);
        return first + Math.Exp(logWeight) * tail;
    }
}
