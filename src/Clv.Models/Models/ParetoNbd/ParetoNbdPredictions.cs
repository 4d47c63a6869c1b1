using Clv.Models.Special;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// Per-customer predictions of the Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987, Management Science 33(1), cited
/// as SMC; Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions", cited as the note;
/// Fader &amp; Hardie 2006, "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model", cited as the P(X(t)=x) note).
/// These are the scalar reference implementations, each checked against 50-digit mpmath values
/// (tests/Clv.Models.Tests/TestData/reference/paretonbd_reference.py) to 1e-10 relative; the method names and argument
/// order are those of <c>BgNbdPredictions</c>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1708:Identifiers should differ by more than case",
    Justification = "t (horizon) and T (age) are the paper's notation; the parameters are documented separately.")]
public static partial class ParetoNbdPredictions
{
    /// <summary>
    /// P(alive | x, t_x, T) (the note, section 5): the "alive at T" share of the likelihood, term₁/(term₁ + s·I), evaluated as
    /// <c>exp(−softplus(D))</c> with <c>D = ln(s·I/term₁)</c> (<see cref="ParetoNbdLikelihood.LogAliveShare"/>), which is free of
    /// cancellation and equals 1 exactly when t_x = T.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="x">Frequency: number of repeat purchases.</param>
    /// <param name="tx">Recency: time of the last purchase, 0 ≤ t_x ≤ T.</param>
    /// <param name="T">Age: time since the first purchase.</param>
    public static double ProbabilityAlive(in ParetoNbdParameters p, double x, double tx, double T)
        => Math.Exp(ParetoNbdLikelihood.LogAliveShare(p, x, tx, T));

    /// <summary>
    /// The conditional expectation E[Y(t) | x, t_x, T] of the number of purchases in (T, T+t] (the note, section 6):
    /// <c>P(alive) · (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]</c>. The bracket over (s−1) is
    /// <c>−expm1(−(s−1)ℓ)/(s−1)</c> with <c>ℓ = log1p(t/(β+T))</c>, accurate for s → 1 and equal to its limit ℓ at s = 1
    /// (<see cref="ScaledDropoutFactor"/>).
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="t">Prediction horizon t ≥ 0.</param>
    /// <param name="x">Frequency.</param>
    /// <param name="tx">Recency.</param>
    /// <param name="T">Age.</param>
    public static double ExpectedPurchases(in ParetoNbdParameters p, double t, double x, double tx, double T)
    {
        if (t <= 0) return 0;
        double alive = ProbabilityAlive(p, x, tx, T);
        return alive == 0 ? 0 : alive * ExpectedPurchasesGivenAlive(p, t, x, T);
    }

    /// <summary>
    /// E[Y(t) | alive at T] = <c>(r+x)(β+T)/(α+T) · [1 − ((β+T)/(β+T+t))^(s−1)]/(s−1)</c>: the expected purchase rate (r+x)/(α+T) times
    /// the expected time alive in (T, T+t], which depend on (x, T) only.
    /// </summary>
    internal static double ExpectedPurchasesGivenAlive(in ParetoNbdParameters p, double t, double x, double T)
    {
        if (t <= 0) return 0;
        double bt = p.Beta + T;
        return (p.R + x) / (p.Alpha + T) * bt * ScaledDropoutFactor(p.S, t / bt);
    }

    /// <summary>
    /// <see cref="ProbabilityAlive(in ParetoNbdParameters, double, double, double)"/> for every customer:
    /// <c>result[i] = P(alive | x[i], tx[i], T[i])</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void ProbabilityAlive(in ParetoNbdParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> T, Span<double> result)
    {
        PurchaseModelSpans.CheckLengths(x.Length, tx.Length, T.Length, result.Length);
        for (int i = 0; i < x.Length; i++) result[i] = ProbabilityAlive(p, x[i], tx[i], T[i]);
    }

    /// <summary>
    /// <see cref="ExpectedPurchases(in ParetoNbdParameters, double, double, double, double)"/> for every customer over the same
    /// horizon: <c>result[i] = E[Y(t) | x[i], tx[i], T[i]]</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void ExpectedPurchases(in ParetoNbdParameters p, double t, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> T, Span<double> result)
    {
        PurchaseModelSpans.CheckLengths(x.Length, tx.Length, T.Length, result.Length);
        var q = p;
        GivenAliveCache.Fill(x, tx, T, result, (xi, ti) => ExpectedPurchasesGivenAlive(q, t, xi, ti), (xi, txi, ti) => ProbabilityAlive(q, xi, txi, ti));
    }

    /// <summary>
    /// <c>[1 − (1+u)^(−(s−1))]/(s−1) = ∫₀^ℓ e^(−(s−1)y) dy</c>, ℓ = log1p(u): the expected remaining lifetime factor, written as
    /// <c>−expm1(−(s−1)ℓ)/(s−1)</c> (no cancellation for small u or s → 1) and ℓ at s = 1 exactly.
    /// </summary>
    internal static double ScaledDropoutFactor(double s, double u)
    {
        double ell = Elementary.Log1p(u);
        double sm1 = s - 1;
        if (sm1 == 0) return ell;
        double e = sm1 * ell;
        if (e > 700) return 1 / sm1; // (1+u)^-(s-1) underflows
        return -Elementary.Expm1(-e) / sm1;
    }

}
