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
    public static double ProbabilityOfPurchases(in BgNbdParameters p, int n, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (t <= 0) return n == 0 ? 1.0 : 0.0;
        double z = t / (p.Alpha + t), y = p.Alpha / (p.Alpha + t);
        // ln NB(n) = ln (r)_n - ln n! + r ln(α/(α+t)) + n ln(t/(α+t))
        double logNb = LogGamma.LogRising(p.R, n) - LogGamma.LogRising(1, n) - p.R * Elementary.Log1p(t / p.Alpha) + n * Math.Log(z);
        // B(a, b+n)/B(a, b) = (b)_n/(a+b)_n
        double first = Math.Exp(LogGamma.LogRisingRatio(p.A, p.B, n) + logNb);
        if (n == 0) return first;
        // B(a+1, b+n-1)/B(a, b) = a/(a+b+n-1) · (b)_{n-1}/(a+b)_{n-1}
        double logWeight = Math.Log(p.A) - Math.Log(p.A + p.B + (n - 1)) + LogGamma.LogRisingRatio(p.A, p.B, n - 1);
        return first + Math.Exp(logWeight) * RegularizedBeta.NegativeBinomialUpperTail(n, p.R, z, y);
    }
}
