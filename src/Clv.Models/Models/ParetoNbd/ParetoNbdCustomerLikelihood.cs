using Clv.Models.Kernels;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// The Pareto/NBD log-likelihood with a purchase rate α_i and a dropout rate β_i per customer and shared shapes r, s: the
/// kernel of the static-covariate model (α_i = α·exp(−γ_purchaseᵀz_i), β_i = β·exp(−γ_lifeᵀz_i), as in CLVTools; Fader &amp;
/// Hardie 2007, "Incorporating Time-Invariant Covariates into the Pareto/NBD and BG/NBD Models"). Customer i's likelihood is
/// <see cref="ParetoNbdLikelihood"/>'s at (r, α_i, s, β_i), row by row the same function (<see cref="ParetoNbdLikelihood.Row"/>,
/// vectorised in <see cref="ParetoNbdCustomerKernel"/>).
/// </summary>
/// <remarks>
/// Rows are grouped by x (<see cref="CustomerSegments"/>) so that a = r+x, A(x) = ln Γ(r+x) − ln Γ(r) and ψ(r+x) − ψ(r)
/// stay per segment. The series constants (<see cref="SeriesTable"/>) depend on c = r+x+s and on n, the exponent of the
/// smaller of α_i, β_i (s+1 or r+x), not on the rates themselves: each piece builds the two tables of its segment
/// (<see cref="SeriesTables"/>), long enough for the largest |α_i − β_i|/max(α_i, β_i) among its rows, and each row (each
/// lane) uses the one of its orientation.
/// </remarks>
internal static class ParetoNbdCustomerLikelihood
{
    /// <summary>
    /// Σ_i w_i·ℓ_i with ℓ_i = ln L(r, α_i, s, β_i | x_i, t_x,i, T_i) (the full log-likelihood, ln Γ(r+x) − ln Γ(r) included), and
    /// its gradient: <c>gradShared[0] = Σ w_i ∂ℓ_i/∂r</c>, <c>gradShared[1] = Σ w_i ∂ℓ_i/∂s</c>,
    /// <c>gradLogAlpha[i] = w_i·α_i·∂ℓ_i/∂α_i</c> (= w_i ∂ℓ_i/∂ ln α_i) and <c>gradLogBeta[i] = w_i·β_i·∂ℓ_i/∂β_i</c>.
    /// </summary>
    /// <remarks>
    /// Every per-customer array is in the caller's original row order (the order given to <see cref="CustomerSegments.Create"/>);
    /// <paramref name="gradLogAlpha"/> and <paramref name="gradLogBeta"/> are overwritten entirely. A covariate coefficient's
    /// gradient is then Σ_i gradLogAlpha[i]·(−z_ij), and the base rate's Σ_i gradLogAlpha[i] = α·∂LL/∂α.
    /// The rows are cut into fixed pieces whose sums are added in piece order, so the value and every gradient are
    /// bit-identical for any <paramref name="maxDegreeOfParallelism"/>; they differ between widths only by rounding.
    /// </remarks>
    /// <param name="layout">The rows, built once per fit.</param>
    /// <param name="r">Shape r &gt; 0 of the purchase-rate distribution (shared).</param>
    /// <param name="s">Shape s &gt; 0 of the dropout-rate distribution (shared).</param>
    /// <param name="alpha">α_i &gt; 0 (finite) per customer.</param>
    /// <param name="beta">β_i &gt; 0 (finite) per customer.</param>
    /// <param name="gradShared">At least two elements: receives (∂/∂r, ∂/∂s).</param>
    /// <param name="gradLogAlpha">Receives w_i·α_i·∂ℓ_i/∂α_i per customer.</param>
    /// <param name="gradLogBeta">Receives w_i·β_i·∂ℓ_i/∂β_i per customer.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use (1 = the calling thread only).</param>
    /// <param name="width">Vector width (<see cref="VectorWidth.Scalar"/> is the reference).</param>
    /// <exception cref="ArgumentException">An array's length is not the layout's row count, or <paramref name="gradShared"/> is shorter than 2.</exception>
    public static double ValueAndGradient(CustomerSegments layout, double r, double s, double[] alpha, double[] beta, Span<double> gradShared,
        double[] gradLogAlpha, double[] gradLogBeta, int maxDegreeOfParallelism, VectorWidth width = VectorWidth.Auto)
    {
        int n = layout.Count;
        if (alpha.Length != n || beta.Length != n || gradLogAlpha.Length != n || gradLogBeta.Length != n)
            throw new ArgumentException($"alpha, beta, gradLogAlpha and gradLogBeta must have one value per customer ({n}); got {alpha.Length}, {beta.Length}, {gradLogAlpha.Length}, {gradLogBeta.Length}.");
        if (gradShared.Length < 2) throw new ArgumentException("gradShared needs two elements (r, s).", nameof(gradShared));
        PieceSums<Rates> sumPiece = VectorWidths.Resolve(width) switch
        {
            VectorWidth.Vector512 => ParetoNbdCustomerKernel.SumPiece<V512>,
            VectorWidth.Vector256 => ParetoNbdCustomerKernel.SumPiece<V256>,
            _ => SumPiece,
        };
        var rates = new Rates(r, s, alpha, beta, gradLogAlpha, gradLogBeta, layout.Order);
        var pieceSums = new double[layout.PieceSumsLength(ParetoNbdLikelihood.SumCount)];
        PieceLoop.Run(layout.Segments, rates, ParetoNbdLikelihood.SumCount, pieceSums, maxDegreeOfParallelism, sumPiece);
        Span<double> gradient = stackalloc double[4];
        double ll = ParetoNbdLikelihood.Combine(layout.Segments, r, pieceSums, gradient);
        gradShared[0] = gradient[0];
        gradShared[1] = gradient[2];
        return ll;
    }

    /// <summary>The per-evaluation inputs and outputs of the piece kernels (arrays in the caller's order; <see cref="Order"/> maps segment rows to it).</summary>
    internal readonly record struct Rates(double R, double S, double[] Alpha, double[] Beta, double[] GradLogAlpha, double[] GradLogBeta, int[] Order);

    /// <summary>
    /// One piece by the scalar reference: sums[0, 1, 3] as in <see cref="ParetoNbdLikelihood.SumPiece"/> (w·(ℓ − A(x)), w·∂/∂r without
    /// the ψ terms, w·∂/∂s), sums[2] = Σ w·α·∂ℓ/∂α, sums[4] = Σ w·β·∂ℓ/∂β; the per-customer gradients go to their original rows.
    /// </summary>
    internal static void SumPiece(FrequencySegments data, in Rates p, FrequencySegments.Piece piece, Span<double> sums)
    {
        var seg = new ParetoNbdLikelihood.SegmentTerms(p.R, p.S, data.Frequencies[piece.Segment]);
        var order = p.Order;
        double zMax = 0;
        for (int j = piece.Start; j < piece.End; j++) zMax = Math.Max(zMax, RelativeGap(p.Alpha[order[j]], p.Beta[order[j]]));
        var tables = new SeriesTables(seg.A, seg.S + 1, zMax);
        sums.Clear();
        for (int j = piece.Start; j < piece.End; j++)
        {
            int i = order[j];
            SumRow(seg, tables, p.Alpha[i], p.Beta[i], data.T[j], data.Recency[j], data.Weight[j], sums, out p.GradLogAlpha[i], out p.GradLogBeta[i]);
            sums[2] += p.GradLogAlpha[i];
            sums[4] += p.GradLogBeta[i];
        }
    }

    /// <summary>(p − q)/p for the rates' larger p and smaller q: the series argument z₁ at t_x = 0, which bounds it for every t_x.</summary>
    internal static double RelativeGap(double alpha, double beta) => Math.Abs(alpha - beta) / Math.Max(alpha, beta);

    /// <summary>
    /// Adds one customer's w·(ℓ − A(x)), w·(∂ℓ/∂r − ψ terms) and w·∂ℓ/∂s to sums[0], [1], [3] and returns w·α∂ℓ/∂α, w·β∂ℓ/∂β
    /// (the caller adds them to sums[2], [4]): the scalar reference of <see cref="ParetoNbdCustomerKernel"/>.
    /// </summary>
    internal static void SumRow(in ParetoNbdLikelihood.SegmentTerms seg, SeriesTables tables, double alpha, double beta, double t, double tx, double w,
        Span<double> sums, out double gradLogAlpha, out double gradLogBeta)
    {
        var row = ParetoNbdLikelihood.Row(seg, alpha, Math.Log(alpha), beta, Math.Log(beta), tables.For(alpha, beta), t, tx);
        gradLogAlpha = w * alpha * row.Alpha;
        gradLogBeta = w * beta * row.Beta;
        sums[0] += w * row.Ll; sums[1] += w * row.R; sums[3] += w * row.S;
    }
}
