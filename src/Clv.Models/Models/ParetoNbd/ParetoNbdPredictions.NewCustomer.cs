using Clv.Models.Special;

namespace Clv.Models.ParetoNbd;

public static partial class ParetoNbdPredictions
{
    /// <summary>
    /// E[X(t)], the expected number of purchases in (0, t] of a customer drawn at random from the population (the note,
    /// section 4; SMC): <c>rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)]</c>, with the bracket over (s−1) evaluated as in
    /// <see cref="ExpectedPurchases(in ParetoNbdParameters, double, double, double, double)"/> (exact s → 1 limit, no cancellation
    /// for small t).
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="t">Length of the period, t ≥ 0.</param>
    public static double ExpectedPurchasesNewCustomer(in ParetoNbdParameters p, double t)
        => t <= 0 ? 0 : p.R / p.Alpha * p.Beta * ScaledDropoutFactor(p.S, t / p.Beta);

    /// <summary>
    /// P(X(t) = n) for a customer drawn at random from the population (Fader &amp; Hardie 2006, "Deriving an Expression for
    /// P(X(t) = x) Under the Pareto/NBD Model", sections 3–4, before their ₂F₁ step): alive at t, or died at τ ∈ (0, t] after n
    /// purchases,
    /// <code>
    ///   P(X(t)=n) = NB(n; r, t/(α+t)) (β/(β+t))^s + (r)ₙ/n! · s·(α/β) · J,
    ///   J = ∫₀^z uⁿ (1−u)^(r+s−1) ((1−u) + (α/β)u)^(−s−1) du,   z = t/(α+t)
    /// </code>
    /// (the second term is ∫₀^t NB(n; r, τ/(α+τ)) sβ^s(β+τ)^(−s−1) dτ after u = τ/(α+τ)). J has a positive integrand, so it is
    /// computed by tanh-sinh quadrature (with 1 − u carried to full relative accuracy and the integrand scaled by its largest sampled
    /// value) rather than as SMC's difference of hypergeometric terms; for n = 0 it is the likelihood integral
    /// (<see cref="ParetoNbdIntegral"/>, t_x = 0, T = t) in closed series form.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="n">Number of purchases, n ≥ 0.</param>
    /// <param name="t">Length of the period, t &gt; 0.</param>
    public static double ProbabilityOfPurchases(in ParetoNbdParameters p, int n, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (t <= 0) return n == 0 ? 1.0 : 0.0;
        double lnZ = -Elementary.Log1p(p.Alpha / t);
        // ln NB(n) = ln (r)_n - ln n! - r log1p(t/α) + n ln z
        double logNb = LogGamma.LogRising(p.R, n) - LogGamma.LogRising(1, n) - p.R * Elementary.Log1p(t / p.Alpha) + (n == 0 ? 0 : n * lnZ);
        double alive = Math.Exp(logNb - p.S * Elementary.Log1p(t / p.Beta));
        double logDied;
        if (n == 0)
        {
            // r α^r s β^s ∫₀^t (α+τ)^-r (β+τ)^-(s+1) dτ with the prefactor Γ(r)/Γ(r) = 1.
            var li = ParetoNbdIntegral.Evaluate(p.Alpha, p.R, p.Beta, p.S + 1, 0, t);
            logDied = Math.Log(p.S) + p.R * Math.Log(p.Alpha) + p.S * Math.Log(p.Beta) + li.Log;
        }
        else
        {
            logDied = LogGamma.LogRising(p.R, n) - LogGamma.LogRising(1, n) + Math.Log(p.S) + Math.Log(p.Alpha / p.Beta)
                + LogPurchaseIntegral(p, n, t);
        }
        return alive + Math.Exp(logDied);
    }

    /// <summary>ln J of <see cref="ProbabilityOfPurchases"/> (n ≥ 1) by tanh-sinh over u = z·v.</summary>
    internal static double LogPurchaseIntegral(in ParetoNbdParameters p, int n, double t)
    {
        double z = t / (p.Alpha + t), oneMinusZ = p.Alpha / (p.Alpha + t), rho = p.Alpha / p.Beta;
        var probe = new PurchaseIntegrand(n, p.R + p.S - 1, p.S + 1, z, oneMinusZ, rho, 0);
        // Shift: the largest log-integrand over a coarse probe, so the scaled integrand is O(1) at its peak.
        double shift = double.NegativeInfinity;
        for (int k = 1; k < 64; k++)
        {
            double v = k / 64.0;
            shift = Math.Max(shift, probe.LogValue(v, 1 - v));
        }
        var f = new PurchaseIntegrand(n, p.R + p.S - 1, p.S + 1, z, oneMinusZ, rho, shift);
        double j = TanhSinh.Integrate(in f, 1e-12, 10);
        return Math.Log(j) + shift + Math.Log(z);
    }

    /// <summary>uⁿ(1−u)^e1 ((1−u) + ρu)^(−e2) at u = z·v, 1 − u = (1−z) + z(1−v), scaled by e^(−shift).</summary>
    private readonly struct PurchaseIntegrand(int n, double e1, double e2, double z, double oneMinusZ, double rho, double shift) : IUnitIntervalIntegrand
    {
        public double LogValue(double v, double oneMinusV)
        {
            double u = z * v, w = oneMinusZ + z * oneMinusV;
            return n * Math.Log(u) + e1 * Math.Log(w) - e2 * Math.Log(w + rho * u);
        }

        public double Evaluate(double v, double oneMinusV) => Math.Exp(LogValue(v, oneMinusV) - shift);
    }
}
