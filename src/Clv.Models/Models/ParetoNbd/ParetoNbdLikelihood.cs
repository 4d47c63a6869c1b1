using Clv.Models.Kernels;
using Clv.Models.Special;
using static Clv.Models.Special.Elementary;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// The Pareto/NBD log-likelihood (Schmittlein, Morrison &amp; Colombo 1987, Management Science 33(1); in the form of
/// Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions", section 3, mixed over
/// λ ~ Gamma(r, α), μ ~ Gamma(s, β)) and its analytic gradient.
/// </summary>
/// <remarks>
/// Given λ, μ: L(λ, μ | x, t_x, T) = λˣ e^(−(λ+μ)T) + λˣ ∫_{t_x}^{T} μ e^(−(λ+μ)τ) dτ (alive at T, or died at τ ∈ (t_x, T]),
/// which equals the note's individual-level likelihood λˣμ/(λ+μ) e^(−(λ+μ)t_x) + λˣ⁺¹/(λ+μ) e^(−(λ+μ)T). Mixing term by term:
/// <code>
///   L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^(−(r+x)) (β+T)^(−s) + s·I ],   I = ∫_{t_x}^{T} (α+τ)^(−(r+x)) (β+τ)^(−(s+1)) dτ
/// </code>
/// The integrand is positive, so I is evaluated directly (<see cref="ParetoNbdIntegral"/>) instead of as the note's A₀, a
/// difference of two ₂F₁ values that cancels for t_x → T and needs separate cases for α ≷ β. In log space:
/// <code>
///   ln L = A(x) − x ln α − (r+x)·log1p(T/α) − s·log1p(T/β) + softplus(D),
///   D = ln(s·I / term₁) = ln s + ln I + (r+x) ln(α+T) + s ln(β+T),     A(x) = ln Γ(r+x) − ln Γ(r)
/// </code>
/// with σ = sigmoid(D) the posterior probability of "died in (t_x, T]"; −softplus(D) = ln P(alive at T).
/// For x = 0 and 1 − L &lt; ½ the scalar reference returns log1p(−(1 − L)) instead (see <see cref="LogNoPurchaseComplement"/>).
/// The gradient (ψ the digamma function, ∂ ln I from <see cref="LogIntegral"/>):
/// <code>
///   ∂/∂r = ψ(r+x) − ψ(r) − log1p(T/α) + σ(∂ ln I/∂a + ln(α+T))
///   ∂/∂α = −x/α + (r+x)T/(α(α+T)) + σ(∂ ln I/∂α + (r+x)/(α+T))
///   ∂/∂s = −log1p(T/β) + σ(1/s + ∂ ln I/∂b + ln(β+T))
///   ∂/∂β = sT/(β(β+T)) + σ(∂ ln I/∂β + s/(β+T))
/// </code>
/// The kernel sums per segment of equal x (<see cref="FrequencySegments"/>) the five row-dependent pieces (the log-likelihood
/// without A(x) and the four gradient components without ψ(r+x) − ψ(r)) and adds the per-x terms once per segment.
/// </remarks>
public static class ParetoNbdLikelihood
{
    /// <summary>Number of partial sums a piece produces.</summary>
    internal const int SumCount = 5;

    /// <summary>
    /// Per-customer log-likelihood ln L(r, α, s, β | x, t_x, T) (see the class remarks); the readable scalar reference.
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="x">Frequency: number of repeat purchases.</param>
    /// <param name="tx">Recency: time of the last purchase, 0 ≤ t_x ≤ T.</param>
    /// <param name="t">Age T: time since the first purchase.</param>
    public static double LogLikelihood(in ParetoNbdParameters p, double x, double tx, double t)
    {
        if (x == 0 && tx == 0 && LogNoPurchaseComplement(p, t) is var lc && lc < -0.7) return Log1p(-Math.Exp(lc));
        double a = p.R + x;
        double logTerm1Scaled = -x * Math.Log(p.Alpha) - a * Log1p(t / p.Alpha) - p.S * Log1p(t / p.Beta);
        return LogGamma.LogRising(p.R, (int)x) + logTerm1Scaled + Softplus(LogDeathOdds(p, x, tx, t));
    }

    /// <summary>
    /// For x = 0 (t_x = 0) L = P(X(T) = 0), and ln(1 − L) = ln P(first purchase before min(T, ω)) =
    /// ln[r α^r β^s ∫₀^T (α+τ)^(−(r+1)) (β+τ)^(−s) dτ] (E[λe^(−λτ)] · E[e^(−μτ)] integrated over τ), evaluated by
    /// <see cref="ParetoNbdIntegral"/>. When 1 − L is small ln L = log1p(−(1 − L)) keeps its relative accuracy, where the
    /// general form would be a difference of large logarithms (|ln L| ≪ 1 but s·log1p(T/β) ≫ 1).
    /// </summary>
    internal static double LogNoPurchaseComplement(in ParetoNbdParameters p, double t)
    {
        if (!(t > 0)) return double.NegativeInfinity;
        var li = ParetoNbdIntegral.Evaluate(p.Alpha, p.R + 1, p.Beta, p.S, 0, t);
        return Math.Log(p.R) + p.R * Math.Log(p.Alpha) + p.S * Math.Log(p.Beta) + li.Log;
    }

    /// <summary>Per-customer log-likelihoods into <paramref name="result"/>.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public static void LogLikelihood(in ParetoNbdParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> result)
    {
        PurchaseModelSpans.CheckLengths(x.Length, tx.Length, t.Length, result.Length);
        for (int i = 0; i < x.Length; i++) result[i] = LogLikelihood(p, x[i], tx[i], t[i]);
    }

    /// <summary>
    /// ln of the "alive at T" share of the likelihood, ln[term₁/(term₁ + s·I)] = −softplus(D) = ln P(alive | x, t_x, T), free of
    /// cancellation (0 when t_x = T).
    /// </summary>
    /// <param name="p">Model parameters.</param>
    /// <param name="x">Frequency.</param>
    /// <param name="tx">Recency.</param>
    /// <param name="t">Age T.</param>
    public static double LogAliveShare(in ParetoNbdParameters p, double x, double tx, double t) => -Softplus(LogDeathOdds(p, x, tx, t));

    /// <summary>D = ln(s·I/term₁), the log-odds of "died in (t_x, T]" against "alive at T" (−∞ when t_x = T).</summary>
    internal static double LogDeathOdds(in ParetoNbdParameters p, double x, double tx, double t)
    {
        double a = p.R + x;
        var li = ParetoNbdIntegral.Evaluate(p.Alpha, a, p.Beta, p.S + 1, tx, t);
        return Math.Log(p.S) + li.Log + a * Math.Log(p.Alpha + t) + p.S * Math.Log(p.Beta + t);
    }

    /// <summary>
    /// Σ w·ln L over all rows and its gradient with respect to (r, α, s, β).
    /// Pieces are summed in a fixed order, so the result does not depend on <paramref name="maxDegreeOfParallelism"/>.
    /// </summary>
    internal static double ValueAndGradient(FrequencySegments data, in ParetoNbdParameters p, Span<double> gradient, double[] pieceSums, int maxDegreeOfParallelism,
        VectorWidth width = VectorWidth.Auto)
    {
        PieceSums<ParetoNbdParameters> sumPiece = VectorWidths.Resolve(width) switch
        {
            VectorWidth.Vector512 => ParetoNbdKernel.SumPiece<V512>,
            VectorWidth.Vector256 => ParetoNbdKernel.SumPiece<V256>,
            _ => SumPiece,
        };
        PieceLoop.Run(data, p, SumCount, pieceSums, maxDegreeOfParallelism, sumPiece);
        return Combine(data, p.R, pieceSums, gradient);
    }


    /// <summary>The row-dependent sums of one piece: Σw(ln L − A(x)) and Σw(∂ ln L − ∂A(x)) (see the class remarks).</summary>
    internal static void SumPiece(FrequencySegments data, in ParetoNbdParameters p, FrequencySegments.Piece piece, Span<double> sums)
    {
        var terms = new PieceTerms(p, data.Frequencies[piece.Segment]);
        sums.Clear();
        for (int i = piece.Start; i < piece.End; i++) SumRow(terms, data.T[i], data.Recency[i], data.Weight[i], sums);
    }

    /// <summary>What every row of a segment (rows of equal x) shares, whatever its rates: s, ln s, x and a = r+x.</summary>
    internal readonly struct SegmentTerms
    {
        public SegmentTerms(double r, double s, int x)
        {
            S = s; LnS = Math.Log(s); X = x; A = r + x;
        }

        public double S { get; }
        public double LnS { get; }
        public int X { get; }
        public double A { get; }
    }

    /// <summary>What every row of a segment shares when the rates are shared too: the segment's terms, α, β, their logarithms and the series table.</summary>
    internal readonly struct PieceTerms
    {
        public PieceTerms(in ParetoNbdParameters p, int x)
        {
            Segment = new SegmentTerms(p.R, p.S, x);
            Alpha = p.Alpha; Beta = p.Beta;
            LnAlpha = Math.Log(Alpha); LnBeta = Math.Log(Beta);
            Table = ParetoNbdIntegral.TableFor(Alpha, Segment.A, Beta, Segment.S + 1);
        }

        public SegmentTerms Segment { get; }
        public double Alpha { get; }
        public double Beta { get; }
        public double LnAlpha { get; }
        public double LnBeta { get; }
        public SeriesTable Table { get; }
    }

    /// <summary>One row's ln L − A(x) and its partial derivatives with respect to r (without ψ(r+x) − ψ(r)), α, s and β.</summary>
    internal readonly record struct RowTerms(double Ll, double R, double Alpha, double S, double Beta);

    /// <summary>
    /// One row's terms at the rates (α, β) (see the class remarks): the one definition of the row formula, for shared rates
    /// (<see cref="SumRow"/>) and per-customer rates (<see cref="ParetoNbdCustomerLikelihood"/>). <paramref name="table"/> must be
    /// built for this row's orientation of the integral (<see cref="ParetoNbdIntegral.TableFor"/>, <see cref="SeriesTables.For"/>) or null.
    /// </summary>
    internal static RowTerms Row(in SegmentTerms c, double alpha, double lnAlpha, double beta, double lnBeta, SeriesTable? table, double t, double tx)
    {
        double s = c.S, a = c.A, x = c.X;
        double pA = Log1p(t / alpha), pB = Log1p(t / beta);
        double lnAT = lnAlpha + pA, lnBT = lnBeta + pB; // ln(α+T) = ln α + log1p(T/α)
        double ll = -x * lnAlpha - a * pA - s * pB;
        double gr = -pA, ga = -x / alpha + a * t / (alpha * (alpha + t)), gs = -pB, gb = s * t / (beta * (beta + t));
        if (t > tx)
        {
            var li = ParetoNbdIntegral.Evaluate(alpha, a, beta, s + 1, tx, t, table: table);
            double d = c.LnS + li.Log + a * lnAT + s * lnBT;
            double sig = Sigmoid(d);
            ll += Softplus(d);
            gr += sig * (li.DA + lnAT);
            ga += sig * (li.DAlpha + a / (alpha + t));
            gs += sig * (1 / s + li.DB + lnBT);
            gb += sig * (li.DBeta + s / (beta + t));
        }
        return new RowTerms(ll, gr, ga, gs, gb);
    }

    /// <summary>Adds one row's w·(ln L − A(x)) and w·(∂ ln L − ∂A(x)) to <paramref name="sums"/>: the scalar reference of <see cref="ParetoNbdKernel"/>.</summary>
    internal static void SumRow(in PieceTerms c, double t, double tx, double w, Span<double> sums)
    {
        var row = Row(c.Segment, c.Alpha, c.LnAlpha, c.Beta, c.LnBeta, c.Table, t, tx);
        sums[0] += w * row.Ll; sums[1] += w * row.R; sums[2] += w * row.Alpha; sums[3] += w * row.S; sums[4] += w * row.Beta;
    }

    /// <summary>Adds the piece sums in piece order and the per-x terms A(x), ψ(r+x) − ψ(r) once per segment.</summary>
    internal static double Combine(FrequencySegments data, double r, ReadOnlySpan<double> pieceSums, Span<double> gradient)
    {
        double ll = 0, gr = 0, galpha = 0, gs = 0, gbeta = 0;
        var pieces = data.Pieces;
        int k = 0, j = 0;
        double digammaDiff = 0; // ψ(r+x) − ψ(r) = Σ_{j<x} 1/(r+j), by recurrence over the ascending frequencies
        for (int seg = 0; seg < data.Frequencies.Length; seg++)
        {
            int x = data.Frequencies[seg];
            for (; j < x; j++) digammaDiff += 1.0 / (r + j);
            for (; k < pieces.Length && pieces[k].Segment == seg; k++)
            {
                var ps = pieceSums.Slice(k * SumCount, SumCount);
                ll += ps[0]; gr += ps[1]; galpha += ps[2]; gs += ps[3]; gbeta += ps[4];
            }
            double w = data.SegmentWeight[seg];
            ll += w * LogGamma.LogRising(r, x);
            gr += w * digammaDiff;
        }
        gradient[0] = gr; gradient[1] = galpha; gradient[2] = gs; gradient[3] = gbeta;
        return ll;
    }
}
