using Clv.Models.Special;

namespace Clv.Models.BgBb;

/// <summary>
/// The BG/BB likelihood (Fader, Hardie &amp; Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual Setting",
/// Marketing Science 29(6), eq. (5)) and its analytic gradient.
/// </summary>
/// <remarks>
/// Eq. (5): <c>L(α, β, γ, δ | x, t_x, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
///   + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α, β) · B(γ+1, δ+t_x+i)/B(γ, δ)</c>:
/// the first term is the customer still alive at opportunity n, term i the customer who became inactive at the start of
/// opportunity t_x+i+1. In logs, with <c>(a)_k</c> the rising factorial,
/// <code>
///   ln(alive) = ln (α)_x + ln (β)_{n−x} − ln (α+β)_n + ln[(δ)_n / (γ+δ)_n]
///   ln(term 0) = ln (α)_x + ln (β)_{t_x−x} − ln (α+β)_{t_x} + ln γ − ln(γ+δ+t_x) + ln[(δ)_{t_x} / (γ+δ)_{t_x}]
///   term i+1 / term i = (β+t_x−x+i)/(α+β+t_x+i) · (δ+t_x+i)/(γ+δ+t_x+i+1)   (each factor &lt; 1)
/// </code>
/// so the dropout terms are summed relative to term 0 (no overflow, no cancellation: all terms are positive), and
/// <c>ln L = logaddexp(ln alive, ln term 0 + ln Σ r_i)</c>. The gradient is the average of the terms' log-derivatives,
/// weighted by their shares of L, with <c>H(a, k) = ψ(a+k) − ψ(a) = Σ_{j&lt;k} 1/(a+j)</c> (for a term with m opportunities
/// alive and x transactions):
/// <code>
///   ∂/∂α = H(α, x) − H(α+β, m)           ∂/∂β = H(β, m−x) − H(α+β, m)
///   alive (m = n):     ∂/∂γ = −H(γ+δ, n)                          ∂/∂δ = H(δ, n) − H(γ+δ, n)
///   dropout (m = t_x+i): ∂/∂γ = 1/γ − 1/(γ+δ+m) − H(γ+δ, m)       ∂/∂δ = −1/(γ+δ+m) + H(δ, m) − H(γ+δ, m)
/// </code>
/// The H values are advanced by one term per opportunity, so a row costs O(n − t_x) plus O(min(t_x, 64)).
/// </remarks>
public static class BgBbLikelihood
{
    /// <summary>Per-customer log-likelihood ln L(α, β, γ, δ | x, t_x, n), eq. (5).</summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="x">Repeat transactions.</param>
    /// <param name="tx">Opportunity of the last transaction (0 when x = 0).</param>
    /// <param name="n">Opportunities observed.</param>
    public static double LogLikelihood(in BgBbParameters p, int x, int tx, int n) => Evaluate(p, x, tx, n, default).LogL;

    /// <summary>Per-customer log-likelihoods into <paramref name="result"/>.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void LogLikelihood(in BgBbParameters p, ReadOnlySpan<int> x, ReadOnlySpan<int> tx, ReadOnlySpan<int> n, Span<double> result)
    {
        PurchaseModelSpans.CheckLengths(x.Length, tx.Length, n.Length, result.Length);
        for (int i = 0; i < x.Length; i++) result[i] = LogLikelihood(p, x[i], tx[i], n[i]);
    }

    /// <summary>ln L and its gradient with respect to (α, β, γ, δ) written to <paramref name="gradient"/> (length 4, or empty to skip it).</summary>
    internal static double ValueAndGradient(in BgBbParameters p, int x, int tx, int n, Span<double> gradient) => Evaluate(p, x, tx, n, gradient).LogL;

    /// <summary>ln of the alive term of eq. (5) and ln L: their difference is ln P(alive at n | x, t_x, n).</summary>
    internal static (double LogAlive, double LogL) AliveAndTotal(in BgBbParameters p, int x, int tx, int n)
    {
        var e = Evaluate(p, x, tx, n, default);
        return (e.LogAlive, e.LogL);
    }

    /// <summary>ln[(a)_x (b)_{m−x} / (a+b)_m] = ln B(a+x, b+m−x) − ln B(a, b).</summary>
    internal static double LogBetaBinomialTerm(double a, double b, int x, int m) =>
        LogGamma.LogRising(a, x) + LogGamma.LogRising(b, m - x) - LogGamma.LogRising(a + b, m);

    /// <summary>H(a, k) = ψ(a+k) − ψ(a) = Σ_{j&lt;k} 1/(a+j) (DLMF 5.5.2): the sum for k ≤ 64, else the digamma difference.</summary>
    internal static double HarmonicShift(double a, int k)
    {
        if (k > 64) return MathNet.Numerics.SpecialFunctions.DiGamma(a + k) - MathNet.Numerics.SpecialFunctions.DiGamma(a);
        double s = 0;
        for (int j = 0; j < k; j++) s += 1.0 / (a + j);
        return s;
    }

    private static (double LogAlive, double LogL) Evaluate(in BgBbParameters p, int x, int tx, int n, Span<double> gradient)
    {
        double a = p.Alpha, b = p.Beta, g = p.Gamma, d = p.Delta;
        double logAlive = LogBetaBinomialTerm(a, b, x, n) + LogGamma.LogRisingRatio(g, d, n);
        bool wantGradient = gradient.Length > 0;
        double hA = wantGradient ? HarmonicShift(a, x) : 0;
        // Running H values at m = t_x (advanced to m = n by the dropout loop).
        double hAB = 0, hB = 0, hD = 0, hGD = 0;
        if (wantGradient)
        {
            hAB = HarmonicShift(a + b, tx);
            hB = HarmonicShift(b, tx - x);
            hD = HarmonicShift(d, tx);
            hGD = HarmonicShift(g + d, tx);
        }
        int terms = n - tx;
        double logDrop = double.NegativeInfinity;
        double sR = 0, sA = 0, sB = 0, sG = 0, sD = 0; // Σ r_i and Σ r_i · ∂ln(term i)
        if (terms > 0)
        {
            double logTerm0 = LogBetaBinomialTerm(a, b, x, tx) + Math.Log(g) - Math.Log(g + d + tx) + LogGamma.LogRisingRatio(g, d, tx);
            double r = 1;
            double invG = 1.0 / g;
            for (int i = 0; i < terms; i++)
            {
                int m = tx + i;
                sR += r;
                if (wantGradient)
                {
                    double inv = 1.0 / (g + d + m);
                    sA += r * (hA - hAB);
                    sB += r * (hB - hAB);
                    sG += r * (invG - inv - hGD);
                    sD += r * (-inv + hD - hGD);
                    hAB += 1.0 / (a + b + m);
                    hB += 1.0 / (b + m - x);
                    hD += 1.0 / (d + m);
                    hGD += 1.0 / (g + d + m);
                }
                r *= (b + m - x) / (a + b + m) * ((d + m) / (g + d + m + 1));
            }
            logDrop = logTerm0 + Math.Log(sR);
        }
        double logL = LogAddExp(logAlive, logDrop);
        if (wantGradient)
        {
            double share = Math.Exp(logAlive - logL); // weight of the alive term in L
            double rest = terms > 0 ? Math.Exp(logDrop - logL) / sR : 0;
            gradient[0] = share * (hA - hAB) + rest * sA;
            gradient[1] = share * (hB - hAB) + rest * sB;
            gradient[2] = share * -hGD + rest * sG;
            gradient[3] = share * (hD - hGD) + rest * sD;
        }
        return (logAlive, logL);
    }

    /// <summary>ln(e^u + e^v) without overflow; −∞ operands allowed.</summary>
    internal static double LogAddExp(double u, double v)
    {
        if (double.IsNegativeInfinity(v)) return u;
        if (double.IsNegativeInfinity(u)) return v;
        return Math.Max(u, v) + Elementary.Log1p(Math.Exp(-Math.Abs(u - v)));
    }
}
