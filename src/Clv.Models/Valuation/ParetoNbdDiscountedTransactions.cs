using Clv.Models.ParetoNbd;
using Clv.Models.Special;

namespace Clv.Models.Valuation;

/// <summary>
/// Discounted expected transactions of the Pareto/NBD model given that the customer is alive at T. Multiplied by P(alive | x, t_x, T)
/// this is <c>DET(δ, H) = E[∫_T^(T+H) e^(−δ(τ−T)) dN(τ) | x, t_x, T]</c>, and for H = ∞ the DERT of Fader, Hardie &amp; Lee (2005),
/// "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4) 415–430, eq. (2) and
/// appendix eq. (A4); see also Fader &amp; Hardie, "Discounted Expected Residual Transactions for the Pareto/NBD Model".
/// </summary>
internal static class ParetoNbdDiscountedTransactions
{
    /// <summary>
    /// <c>DET_alive(δ, H) = (r+x)/(α+T) · ∫₀^H e^(−δt) ((β+T)/(β+T+t))^s dt</c>: given alive at T the posterior rates are independent,
    /// λ ~ Gamma(r+x, α+T) and μ ~ Gamma(s, β+T) (Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related
    /// Expressions"), the expected purchase rate is E[λ] = (r+x)/(α+T) and the survival to T+t is E[e^(−μt)] = ((β+T)/(β+T+t))^s.
    /// With u = t/(β+T) the integral is <c>(β+T)·J_(H/(β+T))(s, δ(β+T))</c> (<see cref="PowerLaplace"/>); for H = ∞,
    /// <c>(β+T)·J(s, z) = (β+T)^s δ^(s−1) U(s, s, z)</c>, z = δ(β+T), which is FHL (2005) eq. (A4) without P(alive).
    /// Only r+x enters (t_x does not: it acts through P(alive) alone).
    /// Limits: δ = 0, finite H gives E[Y(H) | alive] = <c>(r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+H))^(s−1)]</c>
    /// (<c>(r+x)(β+T)/(α+T) · ln(1 + H/(β+T))</c> for s = 1); δ = 0, H = ∞ gives <c>(r+x)(β+T)/((α+T)(s−1))</c> for s &gt; 1 and
    /// +∞ for s ≤ 1 (the expected lifetime is infinite).
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="x">Frequency (repeat purchases), x ≥ 0.</param>
    /// <param name="T">Age (time since the first purchase), T ≥ 0, in the summary's time unit.</param>
    /// <param name="discountRate">Continuous discount rate δ ≥ 0 per time unit (15 %/year in weeks: ln(1.15)/52).</param>
    /// <param name="horizon">Horizon H &gt; 0 in the time unit, or <see cref="double.PositiveInfinity"/>.</param>
    /// <returns>The discounted expected number of transactions in (T, T+H] given alive at T; +∞ only for δ = 0, H = ∞, s ≤ 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter or argument is out of range.</exception>
    public static double GivenAlive(in ParetoNbdParameters p, double x, double T, double discountRate, double horizon)
    {
        p.Validate();
        DiscountArguments.Validate(x, T, discountRate, horizon);
        double rate = (p.R + x) / (p.Alpha + T);
        double scale = p.Beta + T;
        double h = double.IsPositiveInfinity(horizon) ? horizon : horizon / scale;
        return rate * scale * PowerLaplace.Truncated(p.S, discountRate * scale, h);
    }

    /// <summary>
    /// DET(δ, H | x, t_x, T) = P(alive | x, t_x, T) · <see cref="GivenAlive"/>: the discounted expected number of transactions in
    /// (T, T+H]; DERT for H = ∞ (Fader, Hardie &amp; Lee 2005, JMR, eq. A4).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter or argument is out of range.</exception>
    public static double DiscountedExpectedTransactions(in ParetoNbdParameters p, double x, double tx, double T, double discountRate, double horizon)
    {
        if (!(double.IsFinite(tx) && tx >= 0 && tx <= T))
            throw new ArgumentOutOfRangeException(nameof(tx), tx, "recency t_x must satisfy 0 <= t_x <= T.");
        double given = GivenAlive(p, x, T, discountRate, horizon);
        double alive = ParetoNbdPredictions.ProbabilityAlive(p, x, tx, T);
        return alive == 0 ? 0 : alive * given;
    }

    /// <summary>DET for every customer with the same δ and H.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void DiscountedExpectedTransactions(in ParetoNbdParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> T,
        double discountRate, double horizon, Span<double> result)
    {
        PurchaseModelSpans.CheckLengths(x.Length, tx.Length, T.Length, result.Length);
        var q = p;
        GivenAliveCache.Fill(x, tx, T, result, (xi, ti) => GivenAlive(q, xi, ti, discountRate, horizon),
            (xi, txi, ti) => ParetoNbdPredictions.ProbabilityAlive(q, xi, txi, ti));
    }
}
