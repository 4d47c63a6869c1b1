using Clv.Models.Special;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// ln I and its partial derivatives for the "died in (t_x, T]" integral of the Pareto/NBD likelihood:
/// <c>I(α, a, β, b) = ∫_{t_x}^{T} (α+τ)^(−a) (β+τ)^(−b) dτ</c> (with a = r+x, b = s+1; Fader &amp; Hardie 2005,
/// "A Note on Deriving the Pareto/NBD Model and Related Expressions", section 3: the individual-level likelihood integrated over the gamma mixing
/// distributions before the 2F1 step that leads to their A₀).
/// </summary>
/// <param name="Log">ln I (−∞ when t_x = T).</param>
/// <param name="DAlpha">∂ ln I / ∂α.</param>
/// <param name="DA">∂ ln I / ∂a.</param>
/// <param name="DBeta">∂ ln I / ∂β.</param>
/// <param name="DB">∂ ln I / ∂b.</param>
internal readonly record struct LogIntegral(double Log, double DAlpha, double DA, double DBeta, double DB);

/// <summary>
/// Evaluates <see cref="LogIntegral"/> without cancellation. The integrand is symmetric under (α, a) ↔ (β, b), so let
/// (p, m) be the pair with the larger rate and (q, n) the other, d = p − q ≥ 0.
/// </summary>
/// <remarks>
/// <para><b>Series</b> (when the series is short: its estimated length, which grows like n·z₁/(1−z₁) + 40/(−ln z₁) with
/// z₁ = d/(p+t_x), is at most <see cref="SeriesTermLimit"/>; in practice z₁ up to about 0.9). Substituting z = d/(p+τ) gives
/// <c>I = d^(−c) ∫_{z(T)}^{z₁} z^(c−1)(1−z)^(−n) dz</c>, c = m+n−1 &gt; 0, and expanding (1−z)^(−n) = Σ (n)ₖ/k! zᵏ (DLMF 15.2.1, all terms
/// positive):</para>
/// <code>
///   I = (p+t_x)^(−c) Σ_k (n)ₖ/k! · z₁ᵏ · [1 − e^(−(c+k)L)] / (c+k),   L = log1p((T−t_x)/(p+t_x))
/// </code>
/// <para>Every term is positive and the bracket is −expm1, so there is no cancellation for t_x → T; at α = β (d = 0) only
/// k = 0 survives and the closed form <c>[(p+t_x)^(−c) − (p+T)^(−c)]/c</c> results exactly, and |α − β| ≪ 1 needs one or two
/// terms. This is the Fader–Hardie A₀ (a difference of two ₂F₁(n, c; c+1; ·) values) written as one positive series.
/// The derivatives are the term-by-term derivatives of the same series.</para>
/// <para><b>Quadrature</b> (otherwise: the argument z₁ near 1, i.e. q+t_x ≪ p−q, or a long series because n is large). With
/// ρ = ln((q+τ)/(q+t_x)) ∈ [0, R], R = log1p((T−t_x)/(q+t_x)):
/// <c>I = (q+t_x)^(1−n) (p+t_x)^(−m) ∫₀^R e^(g(ρ)) dρ</c>, <c>g = (1−n)ρ − m·log1p((q+t_x)expm1(ρ)/(p+t_x))</c>. g is concave with
/// slope in [1−m−n, 1−n] and g(0) = 0, so the integrand neither overflows nor hides a spike away from ρ = 0; it is integrated
/// by tanh-sinh (<see cref="TanhSinhVector"/>) together with the moments ⟨ρ⟩, ⟨ln((p+τ)/(p+t_x))⟩, ⟨e^(−ρ)⟩, ⟨(p+t_x)/(p+τ)⟩
/// that give the derivatives (∂ ln I/∂n = −⟨ln(q+τ)⟩, ∂ ln I/∂q = −n⟨1/(q+τ)⟩, and likewise for p, m).</para>
/// </remarks>
internal static partial class ParetoNbdIntegral
{
    /// <summary>Largest series length (estimated by <see cref="EstimatedSeriesTerms"/>) before quadrature is used instead.</summary>
    internal const double SeriesTermLimit = 400;

    /// <summary>ln I and its gradient; <paramref name="table"/> (see <see cref="TableFor"/>) speeds up the series, <paramref name="forceQuadrature"/> is for tests.</summary>
    public static LogIntegral Evaluate(double alpha, double a, double beta, double b, double tx, double T, bool forceQuadrature = false, SeriesTable? table = null)
    {
        if (!(T > tx)) return new LogIntegral(double.NegativeInfinity, 0, 0, 0, 0);
        bool swap = beta > alpha;
        double p = swap ? beta : alpha, m = swap ? b : a, q = swap ? alpha : beta, n = swap ? a : b;
        double z1 = (p - q) / (p + tx);
        var (log, dp, dm, dq, dn) = !forceQuadrature && EstimatedSeriesTerms(n, z1) <= SeriesTermLimit
            ? Series(p, m, q, n, tx, T, table)
            : Quadrature(p, m, q, n, tx, T);
        return swap ? new LogIntegral(log, dq, dn, dp, dm) : new LogIntegral(log, dp, dm, dq, dn);
    }

    /// <summary>
    /// The series constants for every t_x ≥ 0 with these (α, a, β, b): as many terms as the longest series (t_x = 0) may use,
    /// at most <see cref="SeriesTermLimit"/> plus a margin.
    /// </summary>
    public static SeriesTable TableFor(double alpha, double a, double beta, double b)
    {
        bool swap = beta > alpha;
        double p = swap ? beta : alpha, m = swap ? b : a, q = swap ? alpha : beta, n = swap ? a : b;
        double terms = EstimatedSeriesTerms(n, (p - q) / p);
        return new SeriesTable(m + n - 1, n, (int)Math.Min(terms, SeriesTermLimit) + 16);
    }

    /// <summary>Terms of the series: the mode n·z/(1−z) of the NB weights (n)ₖzᵏ/k!, 12 standard deviations, and a geometric tail.</summary>
    internal static double EstimatedSeriesTerms(double n, double z)
    {
        if (z <= 0) return 1;
        double mode = n * z / (1 - z);
        return mode + 12 * Math.Sqrt(mode / (1 - z)) + 40 / -Math.Log(z);
    }

    /// <summary>
    /// The series of the remarks with its term-by-term derivatives. Returns ln I and ∂ ln I/∂(p, m, q, n).
    /// </summary>
    /// <remarks>
    /// No division and no transcendental function inside the loop: e^(−(c+k)L) by recurrence, and the bracket
    /// E_k = 1 − e^(−(c+k)L) by the all-positive recurrence E_k = E_(k−1) + e^(−(c+k−1)L)·(1 − e^(−L)) from E_0 = −expm1(−cL)
    /// (relative error below k ulp, no cancellation for t_x → T); the k-dependent constants 1/(c+k), (n+k)/(k+1) and
    /// 1/(n+k) come from <paramref name="table"/> when given (the kernel builds one per segment), else are computed.
    /// </remarks>
    internal static (double Log, double Dp, double Dm, double Dq, double Dn) Series(double p, double m, double q, double n, double tx, double T,
        SeriesTable? table = null)
    {
        double c = m + n - 1, ptx = p + tx, d = p - q;
        double z1 = d / ptx;
        double pT = p + T;
        double L = Elementary.Log1p((T - tx) / ptx);
        double eL = ptx / pT, e1 = (T - tx) / pT;           // e^(−L) and 1 − e^(−L), exactly
        double ey = Math.Exp(-c * L);                       // e^(−(c+k)L)
        double ek = c * L < 0.5 ? -Elementary.Expm1(-c * L) : 1 - ey; // E_k
        double inv0 = 1 / c;
        double t0 = ek * inv0;
        double sum = t0;                                    // Σ t_k, t_k = C_k z^k E_k/(c+k)
        double sumC = -t0 * inv0 + L * ey * inv0;           // Σ t_k ∂ln t_k/∂c = Σ [−t_k/(c+k) + L C_k z^k e^(−(c+k)L)/(c+k)]
        double sumV = ey;                                   // Σ C_k z^k e^(−(c+k)L)
        double sumU = 0;                                    // Σ k C_k z^(k−1) E_k/(c+k)
        double sumPsi = 0;                                  // Σ t_k Σ_{j<k} 1/(n+j)
        double cz = n;                                      // C_k z^(k−1), k = 1
        double psi = 1 / n;                                 // Σ_{j<k} 1/(n+j), k = 1
        double mode = n * z1 / (1 - z1) + 1;
        int tabled = table?.Length ?? 0;
        for (int k = 1; k < 100_000; k++)
        {
            double invCk = k < tabled ? table!.InvC[k] : 1 / (c + k);
            ek += ey * e1;
            ey *= eL;
            double baseK = cz * z1;                          // C_k z^k
            double weight = baseK * invCk;
            double tk = weight * ek;
            double uk = k * cz * ek * invCk;
            sum += tk;
            sumC += weight * (L * ey - ek * invCk);
            sumV += baseK * ey;
            sumU += uk;
            sumPsi += tk * psi;
            if (z1 == 0) break;
            if (k > mode && tk <= 1e-17 * sum && uk <= 1e-17 * sumU) break;
            if (k < tabled)
            {
                cz *= z1 * table!.Ratio[k];
                psi += table.InvN[k];
            }
            else
            {
                cz *= z1 * (n + k) / (k + 1);
                psi += 1 / (n + k);
            }
        }
        double log = -c * Math.Log(ptx) + Math.Log(sum);
        double dc = -Math.Log(ptx) + sumC / sum;
        double dL = -(T - tx) / (pT * ptx);
        double dp = -c / ptx + (sumU * (q + tx) / (ptx * ptx) + sumV * dL) / sum;
        double dq = -sumU / (ptx * sum);
        return (log, dp, dc, dq, dc + sumPsi / sum);
    }
}

/// <summary>
/// The k-dependent constants of <see cref="ParetoNbdIntegral.Series"/> for one (c, n): 1/(c+k), (n+k)/(k+1), 1/(n+k),
/// k &lt; <see cref="Length"/>, so that the kernel's series loop has no division.
/// </summary>
internal sealed class SeriesTable
{
    public SeriesTable(double c, double n, int length)
    {
        Length = length;
        InvC = new double[length];
        Ratio = new double[length];
        InvN = new double[length];
        for (int k = 0; k < length; k++)
        {
            InvC[k] = 1 / (c + k);
            Ratio[k] = (n + k) / (k + 1);
            InvN[k] = 1 / (n + k);
        }
    }

    public int Length { get; }
    public double[] InvC { get; }
    public double[] Ratio { get; }
    public double[] InvN { get; }
}

/// <summary>
/// The series constants for both orientations of the integral at one (a, b), for rows whose rates α, β differ: a
/// <see cref="SeriesTable"/> depends on c = a + b − 1 (the same for both) and on n, the exponent of the smaller rate, so
/// n = b where α ≥ β and n = a where β &gt; α (<see cref="ParetoNbdIntegral.Evaluate"/>'s orientation). Both tables have
/// the same length, enough for every row with (p − q)/p ≤ <c>zMax</c> at every t_x ≥ 0.
/// </summary>
internal sealed class SeriesTables
{
    public SeriesTables(double a, double b, double zMax)
    {
        double terms = ParetoNbdIntegral.EstimatedSeriesTerms(Math.Max(a, b), zMax); // increasing in n and z: a bound for every row
        int length = (int)Math.Min(terms, ParetoNbdIntegral.SeriesTermLimit) + 16;
        AlphaLarger = new SeriesTable(a + b - 1, b, length);
        BetaLarger = new SeriesTable(a + b - 1, a, length);
    }

    /// <summary>The table for rows with α ≥ β (n = b).</summary>
    public SeriesTable AlphaLarger { get; }

    /// <summary>The table for rows with β &gt; α (n = a).</summary>
    public SeriesTable BetaLarger { get; }

    /// <summary>The number of terms in each table.</summary>
    public int Length => AlphaLarger.Length;

    /// <summary>The table of a row with rates α, β.</summary>
    public SeriesTable For(double alpha, double beta) => beta > alpha ? BetaLarger : AlphaLarger;
}
