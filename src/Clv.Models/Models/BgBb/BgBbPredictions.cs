using Clv.Models.Special;

namespace Clv.Models.BgBb;

/// <summary>
/// Per-customer predictions of the BG/BB model (Fader, Hardie &amp; Shang 2010, "Customer-Base Analysis in a Discrete-Time
/// Noncontractual Setting", Marketing Science 29(6), cited as FHS), for a customer with x transactions in n opportunities,
/// the last at t_x. Every one is a multiple of the posterior probability that the customer is alive at n,
/// <c>P(alive at n) = [B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)] / L</c> (the alive term of eq. (5) over L), computed in logs
/// by <see cref="BgBbLikelihood"/>; checked against 50-digit mpmath values (tests/Clv.Models.Tests/TestData/reference/bgbb_reference.py).
/// </summary>
/// <remarks>
/// Opportunity convention: the customer is observed at opportunities 1..n. "Alive in opportunity n+m" means not yet
/// inactive at the start of opportunity n+m (dropout happens at the start of an opportunity, before the transaction). The
/// paper's P(alive in n+1), eq. (11), is m = 1; the Python package lifetimes' <c>conditional_probability_alive</c> with its
/// default <c>m_periods_in_future = 0</c> is m = 0, alive at the end of the observed opportunities.
/// </remarks>
public static partial class BgBbPredictions
{
    /// <summary>
    /// P(alive in opportunity n+m | x, t_x, n) for m ≥ 0 (FHS eq. (11) for m = 1):
    /// <c>B(α+x, β+n−x)/B(α, β) · B(γ, δ+n+m)/B(γ, δ) / L = P(alive at n) · (δ+n)_m/(γ+δ+n)_m</c>.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="m">Opportunities after n (0 = alive at the end of the observation, 1 = the paper's P(alive in n+1)).</param>
    /// <param name="x">Repeat transactions.</param>
    /// <param name="tx">Opportunity of the last transaction.</param>
    /// <param name="n">Opportunities observed.</param>
    public static double ProbabilityAlive(in BgBbParameters p, int m, int x, int tx, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        var (logAlive, logL) = BgBbLikelihood.AliveAndTotal(p, x, tx, n);
        return Math.Exp(logAlive - logL + LogGamma.LogRisingRatio(p.Gamma, p.Delta + n, m));
    }

    /// <summary>
    /// E[X(n, n+n*) | x, t_x, n], the expected transactions in the n* opportunities after n (FHS eq. (13)):
    /// <c>P(alive at n) · (α+x)/(α+β+n) · Σ_{k=1}^{n*} (δ+n)_k/(γ+δ+n)_k</c>, the sum by <see cref="BgBbDropoutSums"/>.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="horizon">n*: future opportunities (≥ 0).</param>
    /// <param name="x">Repeat transactions.</param>
    /// <param name="tx">Opportunity of the last transaction.</param>
    /// <param name="n">Opportunities observed.</param>
    public static double ExpectedTransactions(in BgBbParameters p, long horizon, int x, int tx, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        if (horizon == 0) return 0;
        return AliveTimesRate(p, x, tx, n) * BgBbDropoutSums.Alive(p.Gamma, p.Delta + n, horizon);
    }

    /// <summary>
    /// DERT(d | x, t_x, n), the discounted expected residual transactions (FHS eq. (14)): each future opportunity n+k
    /// discounted by (1+d)^−k, <c>P(alive at n) · (α+x)/(α+β+n) · Σ_{k≥1} (δ+n)_k/(γ+δ+n)_k (1+d)^−k</c>, which is the paper's
    /// <c>B(α+x+1, β+n−x)/B(α, β) · B(γ, δ+n+1)/B(γ, δ) · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / ((1+d) L)</c>.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="discountRate">d &gt; 0 per opportunity (e.g. 0.1 for 10% a year with yearly opportunities).</param>
    /// <param name="x">Repeat transactions.</param>
    /// <param name="tx">Opportunity of the last transaction.</param>
    /// <param name="n">Opportunities observed.</param>
    public static double DiscountedExpectedResidualTransactions(in BgBbParameters p, double discountRate, int x, int tx, int n)
    {
        if (!(discountRate > 0 && double.IsFinite(discountRate)))
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, "the discount rate per opportunity must be finite and > 0 (undiscounted residual transactions are infinite when gamma <= 1)");
        return AliveTimesRate(p, x, tx, n) * BgBbDropoutSums.Discounted(p.Gamma, p.Delta + n, discountRate);
    }

    /// <summary>P(alive at n) · E[p | x, n] = B(α+x+1, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ) / L.</summary>
    private static double AliveTimesRate(in BgBbParameters p, int x, int tx, int n)
    {
        var (logAlive, logL) = BgBbLikelihood.AliveAndTotal(p, x, tx, n);
        return Math.Exp(logAlive - logL) * ((p.Alpha + x) / (p.Alpha + p.Beta + n));
    }

    /// <summary><see cref="ProbabilityAlive(in BgBbParameters, int, int, int, int)"/> for every row.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void ProbabilityAlive(in BgBbParameters p, int m, ReadOnlySpan<int> x, ReadOnlySpan<int> tx, ReadOnlySpan<int> n, Span<double> result)
    {
        PurchaseModelSpans.CheckLengths(x.Length, tx.Length, n.Length, result.Length);
        for (int i = 0; i < x.Length; i++) result[i] = ProbabilityAlive(p, m, x[i], tx[i], n[i]);
    }

    /// <summary><see cref="ExpectedTransactions(in BgBbParameters, long, int, int, int)"/> for every row.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void ExpectedTransactions(in BgBbParameters p, long horizon, ReadOnlySpan<int> x, ReadOnlySpan<int> tx, ReadOnlySpan<int> n, Span<double> result)
    {
        PurchaseModelSpans.CheckLengths(x.Length, tx.Length, n.Length, result.Length);
        for (int i = 0; i < x.Length; i++) result[i] = ExpectedTransactions(p, horizon, x[i], tx[i], n[i]);
    }

    /// <summary><see cref="DiscountedExpectedResidualTransactions(in BgBbParameters, double, int, int, int)"/> for every row.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void DiscountedExpectedResidualTransactions(in BgBbParameters p, double discountRate, ReadOnlySpan<int> x, ReadOnlySpan<int> tx, ReadOnlySpan<int> n, Span<double> result)
    {
        PurchaseModelSpans.CheckLengths(x.Length, tx.Length, n.Length, result.Length);
        for (int i = 0; i < x.Length; i++) result[i] = DiscountedExpectedResidualTransactions(p, discountRate, x[i], tx[i], n[i]);
    }
}
