using Clv.Models.BgNbd;
using Clv.Models.Special;

namespace Clv.Models.Valuation;

/// <summary>
/// Discounted expected transactions of the BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way",
/// Marketing Science 24(2)): <c>DET(δ, H) = E[∫_T^(T+H) e^(−δ(τ−T)) dN(τ) | x, t_x, T] = P(alive | x, t_x, T) · DET_alive(δ, H)</c>,
/// the BG/NBD counterpart of the Pareto/NBD DERT of Fader, Hardie &amp; Lee (2005), JMR 42(4), eq. (2).
/// </summary>
/// <remarks>
/// Given alive at T, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x) independently (posterior of FHL eq. (3) restricted to "alive"). While
/// alive purchases arrive at rate λ and each is the last with probability p, so the customer is still alive at T+t with probability
/// <c>e^(−λpt)</c> and <c>DET_alive = E[∫₀^H λ e^(−(δ+λp)t) dt] = E[λ(1 − e^(−(δ+λp)H))/(δ+λp)]</c>. The λ-expectation is analytic:
/// <c>E_λ[λ e^(−λpt)] = R/A · (1 + pt/A)^(−(R+1))</c> (R = r+x, A = α+T), and with u = pt/A
/// <c>E_λ[…] = (R/p) · J_(pH/A)(R+1, δA/p)</c>, where J is <see cref="PowerLaplace"/>; for H = ∞ this is
/// <c>E_λ[λ/(δ+λp)] = (1/p)(1 − w^R U(R, R, w)) = (R/p)·J(R+1, w)</c>, w = δA/p (DLMF 13.4.4 for E_λ[1/(λ+δ/p)], and the
/// recurrence <c>1 − wJ(R, w) = R·J(R+1, w)</c>, which avoids the cancellation of 1 − w^R U for large w). The remaining expectation over p is one-dimensional and done by <see cref="BetaExpectation"/>
/// (tanh-sinh over the Beta(a, b+x) density), split at the knee <c>p = A·max(δ, 1/H)/(R+1)</c> where the integrand turns from
/// ≈ constant to ≈ 1/p. Only b+x and r+x enter; t_x acts through P(alive) alone.
/// Limits: δ = 0, finite H gives E[Y(H) | alive] (FHL eq. (10) without P(alive)); δ = 0, H = ∞ gives E[1/p] = (a+b+x−1)/(a−1)
/// for a &gt; 1 and +∞ for a ≤ 1.
/// </remarks>
internal static class BgNbdDiscountedTransactions
{
    /// <summary>
    /// <c>DET_alive(δ, H) = R · E_p[J_(pH/A)(R+1, δA/p)/p]</c>, p ~ Beta(a, b+x), R = r+x, A = α+T (see the class remarks).
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="x">Frequency (repeat purchases), x ≥ 0.</param>
    /// <param name="T">Age (time since the first purchase), T ≥ 0, in the summary's time unit.</param>
    /// <param name="discountRate">Continuous discount rate δ ≥ 0 per time unit (15 %/year in weeks: ln(1.15)/52).</param>
    /// <param name="horizon">Horizon H &gt; 0 in the time unit, or <see cref="double.PositiveInfinity"/>.</param>
    /// <returns>The discounted expected number of transactions in (T, T+H] given alive at T; +∞ only for δ = 0, H = ∞, a ≤ 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter or argument is out of range.</exception>
    public static double GivenAlive(in BgNbdParameters p, double x, double T, double discountRate, double horizon) =>
        GivenAlive(p, x, T, discountRate, horizon, initialFlips: 0);

    /// <summary>
    /// <see cref="GivenAlive(in BgNbdParameters, double, double, double, double)"/> with <paramref name="initialFlips"/> dropout flips
    /// before the first repeat purchase (1: MBG/NBD): a customer alive at T has survived k = x + initialFlips flips, so
    /// p ~ Beta(a, b+k) given alive; the future (purchases at rate λ, each followed by death with probability p) is the same.
    /// </summary>
    internal static double GivenAlive(in BgNbdParameters p, double x, double T, double discountRate, double horizon, int initialFlips)
    {
        p.Validate();
        DiscountArguments.Validate(x, T, discountRate, horizon);
        double R = p.R + x, A = p.Alpha + T, B = p.B + (x + initialFlips);
        bool infinite = double.IsPositiveInfinity(horizon);
        if (discountRate == 0 && infinite)
            return p.A > 1 ? (p.A + B - 1) / (p.A - 1) : double.PositiveInfinity;
        double inverseTime = Math.Max(discountRate, infinite ? 0 : 1 / horizon); // 1 / min(H, 1/δ)
        var g = new Integrand(R, A, discountRate, horizon, inverseTime);
        return R * BetaExpectation.Evaluate(p.A, B, A * inverseTime / (R + 1), in g);
    }

    /// <summary>
    /// <c>P(alive | x, t_x, T) · DET_alive(δ, H)</c> (<see cref="BgNbdPredictions.ProbabilityAlive(in BgNbdParameters, double, double, double)"/>
    /// times <see cref="GivenAlive(in BgNbdParameters, double, double, double, double)"/>): the expected number of transactions in (T, T+H], each discounted by e^(−δ(τ−T)).
    /// For H = ∞ the discounted expected residual transactions (DERT); multiplied by the expected spend per transaction this is the
    /// residual customer lifetime value. Returns 0 when P(alive) is 0, and +∞ for δ = 0, H = ∞, a ≤ 1 (with x, P(alive) &gt; 0).
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="x">Frequency.</param>
    /// <param name="tx">Recency, 0 ≤ t_x ≤ T.</param>
    /// <param name="T">Age.</param>
    /// <param name="discountRate">Continuous discount rate δ ≥ 0 per time unit.</param>
    /// <param name="horizon">Horizon H &gt; 0, or <see cref="double.PositiveInfinity"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter or argument is out of range.</exception>
    public static double DiscountedExpectedTransactions(in BgNbdParameters p, double x, double tx, double T, double discountRate, double horizon)
    {
        if (!(double.IsFinite(tx) && tx >= 0 && tx <= T))
            throw new ArgumentOutOfRangeException(nameof(tx), tx, "recency t_x must satisfy 0 <= t_x <= T.");
        double given = GivenAlive(p, x, T, discountRate, horizon);
        double alive = BgNbdPredictions.ProbabilityAlive(p, x, tx, T);
        return alive == 0 ? 0 : alive * given;
    }

    /// <summary>
    /// <see cref="DiscountedExpectedTransactions(in BgNbdParameters, double, double, double, double, double)"/> for every customer with
    /// the same δ and H: <c>result[i] = DET(δ, H | x[i], tx[i], T[i])</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter or argument is out of range.</exception>
    public static void DiscountedExpectedTransactions(in BgNbdParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> T,
        double discountRate, double horizon, Span<double> result) =>
        DiscountedExpectedTransactions(p, x, tx, T, discountRate, horizon, result, initialFlips: 0);

    /// <summary>
    /// The column form with <paramref name="initialFlips"/> dropout flips before the first repeat purchase (1: MBG/NBD):
    /// <c>P(alive)·DET_alive</c>, both with k = x + initialFlips survived flips.
    /// </summary>
    internal static void DiscountedExpectedTransactions(in BgNbdParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> T,
        double discountRate, double horizon, Span<double> result, int initialFlips)
    {
        if (tx.Length != x.Length || T.Length != x.Length)
            throw new ArgumentException($"x, tx and T must have the same length (got {x.Length}, {tx.Length}, {T.Length}).", nameof(tx));
        if (result.Length != x.Length)
            throw new ArgumentException($"result must have the same length as x (got {result.Length}, expected {x.Length}).", nameof(result));
        var q = p;
        GivenAliveCache.Fill(x, tx, T, result, (xi, ti) => GivenAlive(q, xi, ti, discountRate, horizon, initialFlips),
            (xi, txi, ti) => BgNbdPredictions.ProbabilityAlive(q, xi, txi, ti, initialFlips));
    }

    /// <summary>
    /// <c>g(p) = J_(pH/A)(R+1, δA/p)/p = (1/R)·E_λ[λ(1 − e^(−(δ+λp)H))/(δ+λp)]</c>. When <c>(R+1)·p·min(H, 1/δ)/A &lt; 1e-17</c>
    /// (including p = 0 and subnormal p, where δA/p overflows) its p → 0 limit <c>(1 − e^(−δH))/(Aδ)</c> (H/A for δ = 0,
    /// 1/(Aδ) for H = ∞), whose relative error is below that bound.
    /// </summary>
    private readonly struct Integrand(double R, double A, double delta, double horizon, double inverseTime) : IProbabilityFunction
    {
        public double Evaluate(double p)
        {
            if ((R + 1) * p < 1e-17 * A * inverseTime)
            {
                if (double.IsPositiveInfinity(horizon)) return 1 / (A * delta);
                return delta == 0 ? horizon / A : -Elementary.Expm1(-delta * horizon) / (A * delta);
            }
            double h = double.IsPositiveInfinity(horizon) ? horizon : p * horizon / A;
            return PowerLaplace.Truncated(R + 1, delta * A / p, h) / p;
        }
    }
}
