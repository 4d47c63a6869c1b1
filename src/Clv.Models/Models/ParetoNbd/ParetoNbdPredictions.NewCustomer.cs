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

    /// <summary>
    /// ln J of <see cref="ProbabilityOfPurchases"/> (n ≥ 1) by tanh-sinh on [0, u*] and [u*, z], u* the integrand's peak (found on a
    /// log-spaced probe of u/z and refined by golden-section search in ln u), so each piece has its peak at an endpoint where the nodes
    /// cluster, and the integrand is scaled by its peak value (no overflow, no peak missed between nodes).
    /// </summary>
    internal static double LogPurchaseIntegral(in ParetoNbdParameters p, int n, double t)
    {
        double z = t / (p.Alpha + t), oneMinusZ = p.Alpha / (p.Alpha + t), rho = p.Alpha / p.Beta;
        double e1 = p.R + p.S - 1, e2 = p.S + 1;
        // ln of the integrand at u = z·e^σ, σ ≤ 0, with 1 − u = (1−z) + z(1 − e^σ).
        double Phi(double sigma)
        {
            double u = z * Math.Exp(sigma), w = oneMinusZ - z * Elementary.Expm1(sigma);
            return n * Math.Log(u) + e1 * Math.Log(w) - e2 * Math.Log(w + rho * u);
        }
        double best = double.NegativeInfinity, bestSigma = 0;
        for (int j = 0; j <= 160; j++)
        {
            double sigma = -j * 0.25;
            double v = Phi(sigma);
            if (v > best) { best = v; bestSigma = sigma; }
        }
        for (int j = 1; j < 64; j++)
        {
            double sigma = Elementary.Log1p(-j / 64.0);
            double v = Phi(sigma);
            if (v > best) { best = v; bestSigma = sigma; }
        }
        // Golden-section refinement within one probe step either side (the log-integrand is smooth and unimodal there).
        double lo = bestSigma - 0.25, hi = Math.Min(0, bestSigma + 0.25);
        const double G = 0.6180339887498949;
        double x1 = hi - G * (hi - lo), x2 = lo + G * (hi - lo), f1 = Phi(x1), f2 = Phi(x2);
        for (int it = 0; it < 60; it++)
        {
            if (f1 < f2) { lo = x1; x1 = x2; f1 = f2; x2 = lo + G * (hi - lo); f2 = Phi(x2); }
            else { hi = x2; x2 = x1; f2 = f1; x1 = hi - G * (hi - lo); f1 = Phi(x1); }
        }
        double peakSigma = f1 > best ? x1 : bestSigma;
        double shift = Math.Max(best, f1);
        double uStar = z * Math.Exp(peakSigma);
        double oneMinusUStar = oneMinusZ - z * Elementary.Expm1(peakSigma);
        double j1 = 0, j2 = 0;
        if (uStar > 0)
        {
            var left = new PurchaseIntegrand(n, e1, e2, 0, uStar, oneMinusUStar, rho, shift);
            j1 = uStar * TanhSinh.Integrate(in left, 1e-12, 10);
        }
        if (z > uStar)
        {
            var right = new PurchaseIntegrand(n, e1, e2, uStar, z - uStar, oneMinusZ, rho, shift);
            j2 = (z - uStar) * TanhSinh.Integrate(in right, 1e-12, 10);
        }
        return Math.Log(j1 + j2) + shift;
    }

    /// <summary>
    /// uⁿ(1−u)^e1 ((1−u) + ρu)^(−e2) scaled by e^(−shift) at u = lo + width·v on a piece [lo, lo + width], with
    /// 1 − u = (1 − hi) + width·(1 − v) carried from the accurately known <paramref name="oneMinusHi"/>.
    /// </summary>
    private readonly struct PurchaseIntegrand(int n, double e1, double e2, double lo, double width, double oneMinusHi, double rho, double shift) : IUnitIntervalIntegrand
    {
        public double Evaluate(double v, double oneMinusV)
        {
            double u = lo + width * v, w = oneMinusHi + width * oneMinusV;
            if (u <= 0) return 0;
            return Math.Exp(n * Math.Log(u) + e1 * Math.Log(w) - e2 * Math.Log(w + rho * u) - shift);
        }
    }
}
