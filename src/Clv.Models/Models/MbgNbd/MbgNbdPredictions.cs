using Clv.Models.BgNbd;
using Clv.Models.Special;

namespace Clv.Models.MbgNbd;

/// <summary>
/// Per-customer predictions of the MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007, IJRM 24(3)). Each follows from
/// the BG/NBD derivation (Fader, Hardie &amp; Lee 2005, cited as FHL) with one more dropout flip, at time 0: a customer alive at T
/// has survived k = x + 1 flips, so given alive p ~ Beta(a, b+x+1) and λ ~ Gamma(r+x, α+T). The formulas are evaluated by the
/// BG/NBD routines with that flip count (same numerics: log space, no cancellation, no singularity at a = 1) and checked against
/// 50-digit mpmath values of the closed forms below (tests/Clv.Models.Tests/TestData/reference/mbgnbd_reference.py).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case",
    Justification = "t (horizon) and T (age) are the paper's notation; the parameters are documented separately.")]
public static class MbgNbdPredictions
{
    /// <summary>
    /// P(alive | x, t_x, T) = <c>1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x))</c> — the first term of the likelihood over the sum; unlike
    /// BG/NBD below 1 for x = 0 as well (<c>1 / (1 + a/b · (1 + T/α)^r)</c>). Evaluated as a sigmoid of its log-odds.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="x">Frequency: number of repeat purchases.</param>
    /// <param name="tx">Recency: time of the last purchase, 0 ≤ t_x ≤ T.</param>
    /// <param name="T">Age: time since the first purchase.</param>
    public static double ProbabilityAlive(in MbgNbdParameters p, double x, double tx, double T) =>
        BgNbdPredictions.ProbabilityAlive(p.Shared, x, tx, T, MbgNbdParameters.InitialFlips);

    /// <summary>
    /// E[Y(t) | x, t_x, T], the expected number of purchases in (T, T+t] (FHL eq. (10) with b+x → b+x+1):
    /// <c>(a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] · P(alive)</c>, the bracket by
    /// <see cref="Hyp2F1Difference"/>.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="t">Prediction horizon t ≥ 0.</param>
    /// <param name="x">Frequency.</param>
    /// <param name="tx">Recency.</param>
    /// <param name="T">Age.</param>
    public static double ExpectedPurchases(in MbgNbdParameters p, double t, double x, double tx, double T) =>
        BgNbdPredictions.ExpectedPurchases(p.Shared, t, x, tx, T, MbgNbdParameters.InitialFlips);

    /// <summary>
    /// E[X(t)] for a customer drawn at random: alive after the flip at time 0 with probability b/(a+b), and then p ~ Beta(a, b+1):
    /// <c>b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))] = b/(a+b) · D(r, a, b+1, t/α)</c> (<see cref="Hyp2F1Difference"/>).
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="t">Length of the period, t ≥ 0.</param>
    public static double ExpectedPurchasesNewCustomer(in MbgNbdParameters p, double t) =>
        t <= 0 ? 0 : p.B / (p.A + p.B) * Hyp2F1Difference.Evaluate(p.R, p.A, 1 + p.B, t / p.Alpha);

    /// <summary>
    /// P(X(t) = n) for a customer drawn at random (FHL eq. (8) with one more flip):
    /// <c>B(a, b+n+1)/B(a, b) · NB(n) + B(a+1, b+n)/B(a, b) · P(N ≥ n)</c>, N ~ NB(r, t/(α+t)) the purchases of an immortal customer;
    /// for n = 0 the second term is a/(a+b), the customers who die at time 0.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="n">Number of purchases, n ≥ 0.</param>
    /// <param name="t">Length of the period, t &gt; 0.</param>
    public static double ProbabilityOfPurchases(in MbgNbdParameters p, int n, double t) =>
        BgNbdPredictions.ProbabilityOfPurchases(p.Shared, n, t, MbgNbdParameters.InitialFlips);

    /// <summary><c>result[i] = P(alive | x[i], tx[i], T[i])</c>.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void ProbabilityAlive(in MbgNbdParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> T, Span<double> result)
    {
        var q = p;
        PurchaseModelSpans.Fill(x, tx, T, result, (xi, txi, ti) => ProbabilityAlive(q, xi, txi, ti));
    }

    /// <summary>
    /// <c>result[i] = E[Y(t) | x[i], tx[i], T[i]]</c>, the same horizon for every customer; the bracket is evaluated once per
    /// distinct (x, T).
    /// </summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void ExpectedPurchases(in MbgNbdParameters p, double t, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> T, Span<double> result) =>
        BgNbdPredictions.ExpectedPurchases(p.Shared, t, x, tx, T, result, MbgNbdParameters.InitialFlips);
}
