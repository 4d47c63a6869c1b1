namespace Clv.Models.Special;

/// <summary>A function of a probability p ∈ [0, 1] to be averaged over a Beta distribution.</summary>
internal interface IProbabilityFunction
{
    /// <summary>The function at <paramref name="p"/> (0 &lt; p &lt; 1; p may be subnormal).</summary>
    double Evaluate(double p);
}

/// <summary>
/// <c>E[g(p)]</c> for <c>p ~ Beta(a, b)</c>, <c>a, b &gt; 0</c>, by tanh-sinh quadrature (<see cref="TanhSinh"/>), for a positive g
/// that may change behaviour sharply near a known point (a "knee", e.g. where g goes from ≈ constant to ≈ 1/p).
/// </summary>
/// <remarks>
/// As in <see cref="Hyp2F1Difference.Quadrature"/>: the interval is split at the mean <c>c = a/(a+b)</c>; on [0, c] the substitution
/// <c>p = c·v^(1/κ)</c> (κ = min(a, 1)) and on [c, 1] <c>1 − p = (1−c)·w^(1/μ)</c> (μ = min(b, 1)) absorb the endpoint singularities
/// of the density, and every piece is scaled by the density at c. When the knee <c>k</c> lies in (0, c), [0, c] is split further
/// into [0, k] (power substitution from k) and [k, c] with a logarithmic substitution <c>p = k·(c/k)^v</c>, so a knee far below the
/// mean (where, for a &lt; 1, most of the mass of <c>p^(a−1) g(p)</c> sits) is resolved instead of appearing as a near-step in v.
/// </remarks>
internal static class BetaExpectation
{
    /// <summary>Agreement between successive tanh-sinh levels at which each piece stops.</summary>
    public const double QuadratureTolerance = 1e-10;

    /// <summary><c>E[g(p)]</c>, p ~ Beta(a, b); <paramref name="knee"/> ≤ 0 or ≥ the mean means no extra split.</summary>
    public static double Evaluate<TG>(double a, double b, double knee, in TG g) where TG : struct, IProbabilityFunction
    {
        double c = a / (a + b), cc = b / (a + b);
        double lnC = -Elementary.Log1p(b / a), lnCc = -Elementary.Log1p(a / b);
        double kappa = Math.Min(a, 1), mu = Math.Min(b, 1);
        double shift = (a - 1) * lnC + (b - 1) * lnCc;
        double sum;
        if (knee > 0 && knee < c)
        {
            double lnK = Math.Log(knee);
            var low = new PowerPiece<TG>(g, a, b, lnK, kappa, kappa * lnK - Math.Log(kappa) - shift);
            double span = lnC - lnK;
            var mid = new LogPiece<TG>(g, a, b, lnK, lnC, span, Math.Log(span) - shift);
            sum = TanhSinh.Integrate(in low, QuadratureTolerance) + TanhSinh.Integrate(in mid, QuadratureTolerance);
        }
        else
        {
            var low = new PowerPiece<TG>(g, a, b, lnC, kappa, kappa * lnC - Math.Log(kappa) - shift);
            sum = TanhSinh.Integrate(in low, QuadratureTolerance);
        }
        var up = new UpperPiece<TG>(g, a, b, c, cc, lnCc, mu, mu * lnCc - Math.Log(mu) - shift);
        sum += TanhSinh.Integrate(in up, QuadratureTolerance);
        return Math.Exp(Math.Log(sum) + shift - LogGamma.LogBeta(a, b));
    }

    /// <summary>ln(1 − p) from p and ln p without cancellation.</summary>
    private static double LogComplement(double p, double lnP) => p < 0.5 ? Elementary.Log1p(-p) : Math.Log(-Elementary.Expm1(lnP));

    /// <summary>[0, e] with <c>p = e·v^(1/κ)</c>: integrand <c>exp(K + (a−κ) ln p + (b−1) ln(1−p)) g(p)</c>.</summary>
    private readonly struct PowerPiece<TG>(TG g, double a, double b, double lnE, double kappa, double k) : IUnitIntervalIntegrand
        where TG : struct, IProbabilityFunction
    {
        public double Evaluate(double v, double oneMinusV)
        {
            double lnV = v < 0.5 ? Math.Log(v) : Elementary.Log1p(-oneMinusV);
            double lnP = lnE + lnV / kappa;
            double p = Math.Exp(lnP);
            double ex = k + (b - 1) * LogComplement(p, lnP);
            if (a != kappa) ex += (a - kappa) * lnP;
            return Math.Exp(ex) * g.Evaluate(p);
        }
    }

    /// <summary>[k, c] with <c>ln p = ln k + v·(ln c − ln k)</c>: integrand <c>exp(K + a ln p + (b−1) ln(1−p)) g(p)</c>.</summary>
    private readonly struct LogPiece<TG>(TG g, double a, double b, double lnK, double lnC, double span, double k) : IUnitIntervalIntegrand
        where TG : struct, IProbabilityFunction
    {
        public double Evaluate(double v, double oneMinusV)
        {
            double lnP = v < 0.5 ? lnK + v * span : lnC - oneMinusV * span;
            double p = Math.Exp(lnP);
            return Math.Exp(k + a * lnP + (b - 1) * LogComplement(p, lnP)) * g.Evaluate(p);
        }
    }

    /// <summary>[c, 1] with <c>1 − p = (1−c)·w^(1/μ)</c>: integrand <c>exp(K + (a−1) ln p + (b−μ) ln(1−p)) g(p)</c>.</summary>
    private readonly struct UpperPiece<TG>(TG g, double a, double b, double c, double cc, double lnCc, double mu, double k) : IUnitIntervalIntegrand
        where TG : struct, IProbabilityFunction
    {
        public double Evaluate(double w, double oneMinusW)
        {
            double lnW = w < 0.5 ? Math.Log(w) : Elementary.Log1p(-oneMinusW);
            double lnQ = lnCc + lnW / mu;
            double q = Math.Exp(lnQ);
            double oneMinusWm = mu == 1 ? oneMinusW : -Elementary.Expm1(lnW / mu);
            double p = c + cc * oneMinusWm;
            double lnP = q < 0.5 ? Elementary.Log1p(-q) : Math.Log(p);
            double ex = k + (a - 1) * lnP;
            if (b != mu) ex += (b - mu) * lnQ;
            return Math.Exp(ex) * g.Evaluate(p);
        }
    }
}
