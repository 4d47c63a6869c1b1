using Clv.Models.Kernels;
using static Clv.Models.Special.Elementary;

namespace Clv.Models.BgNbd;

/// <summary>
/// The BG/NBD log-likelihood (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way",
/// Marketing Science 24(2), eq. 6) and its analytic gradient.
/// </summary>
/// <remarks>
/// Eq. (6): L(r, α, a, b | x, t_x, T) = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
///        + δ_{x&gt;0} B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)).
/// Taking out the first term and writing P = ln(1 + T/α), Q = ln(1 + t_x/α) (both by log1p, exact for small
/// T/α):
/// <code>
///   ln L = A(x) − (r+x)·P + δ_{x&gt;0}·softplus(d),   d = ln a − ln(b+x−1) + (r+x)(P − Q)
/// </code>
/// where A(x) collects the x-only factors (<see cref="BgNbdFrequencyTerms"/>) and softplus(d) = ln(1 + e^d)
/// never overflows. The gradient follows term by term with s = sigmoid(d):
/// <code>
///   ∂/∂r = ∂A/∂r − P + s(P − Q)
///   ∂/∂α = −x/α − (r+x)(1/(α+T) − 1/α) + s(r+x)(1/(α+T) − 1/(α+t_x))
///   ∂/∂a = ∂A/∂a + s/a,        ∂/∂b = ∂A/∂b − s/(b+x−1)
/// </code>
/// The MBG/NBD likelihood (Batislam, Denizel &amp; Filiztekin 2007) has the same shape with one more dropout flip (at time 0):
/// A(x) and the log-ratio change (<see cref="BgNbdFrequencyTerms"/>), b+x−1 becomes b+x and the softplus term is present for
/// x = 0 as well (with t_x = 0, Q = 0); the row sums below are unchanged, so both models share this code and its kernel.
/// The kernel sums per segment of equal x (<see cref="FrequencySegments"/>) only the row-dependent pieces
/// ΣwP, Σw·s(P−Q), Σw/(α+T), Σw·s(1/(α+T) − 1/(α+t_x)), Σw·s, Σw·softplus(d), and combines them with the
/// per-x terms once per segment.
/// </remarks>
public static class BgNbdLikelihood
{
    /// <summary>Number of partial sums a piece produces.</summary>
    internal const int SumCount = 6;

    /// <summary>Per-customer log-likelihood, eq. (6); the readable scalar reference.</summary>
    public static double LogLikelihood(in BgNbdParameters p, double x, double tx, double t) => LogLikelihood(p, x, tx, t, initialFlips: 0);

    /// <summary>
    /// Eq. (6) generalised to <paramref name="initialFlips"/> dropout flips before the first repeat purchase (1: MBG/NBD, see
    /// <see cref="BgNbdFrequencyTerms"/>): <c>ln L = A(x) − (r+x)·P + [x + initialFlips &gt; 0]·softplus(d)</c>.
    /// </summary>
    internal static double LogLikelihood(in BgNbdParameters p, double x, double tx, double t, int initialFlips)
    {
        var terms = BgNbdFrequencyTerms.Build(p, (int)x, initialFlips);
        double rx = p.R + x;
        double lp = Log1p(t / p.Alpha);
        double ll = terms.A[0] - rx * lp;
        if (terms.HasDropoutTerm((int)x))
        {
            double d = terms.LogRatio[0] + rx * (lp - Log1p(tx / p.Alpha));
            ll += Softplus(d);
        }
        return ll;
    }

    /// <summary>Per-customer log-likelihoods into <paramref name="result"/>.</summary>
    public static void LogLikelihood(in BgNbdParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> result)
    {
        var q = p;
        PurchaseModelSpans.Fill(x, tx, t, result, (xi, txi, ti) => LogLikelihood(q, xi, txi, ti));
    }

    /// <summary>
    /// Σ w·ln L over all rows and its gradient with respect to (r, α, a, b).
    /// Pieces are summed in a fixed order, so the result does not depend on <paramref name="maxDegreeOfParallelism"/>.
    /// </summary>
    /// <param name="initialFlips">Dropout flips before the first repeat purchase: 0 for BG/NBD, 1 for MBG/NBD (see <see cref="BgNbdFrequencyTerms"/>).</param>
    internal static double ValueAndGradient(FrequencySegments data, in BgNbdParameters p, Span<double> gradient, double[] pieceSums, int maxDegreeOfParallelism,
        VectorWidth width = VectorWidth.Auto, int initialFlips = 0)
    {
        var terms = BgNbdFrequencyTerms.Build(p, data, initialFlips);
        var kernel = PieceKernel(VectorWidths.Resolve(width));
        PieceLoop.Run(data, (p, terms), SumCount, pieceSums, maxDegreeOfParallelism,
            (FrequencySegments d, in (BgNbdParameters P, BgNbdFrequencyTerms Terms) s, FrequencySegments.Piece piece, Span<double> sums) => kernel(d, s.P, s.Terms, piece, sums));
        return Combine(data, p, terms, pieceSums, gradient);
    }

    private delegate void PieceSums(FrequencySegments data, in BgNbdParameters p, in BgNbdFrequencyTerms terms, FrequencySegments.Piece piece, Span<double> sums);

    /// <summary>The readable scalar reference for <see cref="VectorWidth.Scalar"/>, else the vector kernel at that width.</summary>
    private static PieceSums PieceKernel(VectorWidth width) => width switch
    {
        VectorWidth.Vector512 => BgNbdKernel.SumPiece<V512>,
        VectorWidth.Vector256 => BgNbdKernel.SumPiece<V256>,
        _ => SumPiece,
    };

    /// <summary>The row-dependent sums of one piece (scalar reference of the vector kernel).</summary>
    internal static void SumPiece(FrequencySegments data, in BgNbdParameters p, in BgNbdFrequencyTerms terms, FrequencySegments.Piece piece, Span<double> sums)
    {
        double alpha = p.Alpha, invAlpha = 1.0 / alpha;
        int x = data.Frequencies[piece.Segment];
        double rx = p.R + x;
        double sP = 0, sSPQ = 0, sIP = 0, sSDiff = 0, sS = 0, sSoft = 0;
        var tArr = data.T; var txArr = data.Recency; var wArr = data.Weight;
        if (!terms.HasDropoutTerm(x))
        {
            for (int i = piece.Start; i < piece.End; i++)
            {
                double w = wArr[i], t = tArr[i];
                sP += w * Log1p(t * invAlpha);
                sIP += w / (alpha + t);
            }
        }
        else
        {
            double logRatio = terms.LogRatio[piece.Segment];
            for (int i = piece.Start; i < piece.End; i++)
            {
                double w = wArr[i], t = tArr[i], tx = txArr[i];
                double lp = Log1p(t * invAlpha), lq = Log1p(tx * invAlpha);
                double d = logRatio + rx * (lp - lq);
                double s = Sigmoid(d);
                double ip = 1.0 / (alpha + t), iq = 1.0 / (alpha + tx);
                sP += w * lp;
                sSPQ += w * s * (lp - lq);
                sIP += w * ip;
                sSDiff += w * s * (ip - iq);
                sS += w * s;
                sSoft += w * Softplus(d);
            }
        }
        sums[0] = sP; sums[1] = sSPQ; sums[2] = sIP; sums[3] = sSDiff; sums[4] = sS; sums[5] = sSoft;
    }

    /// <summary>Adds the piece sums in piece order and applies the per-x terms (see the class remarks).</summary>
    internal static double Combine(FrequencySegments data, in BgNbdParameters p, in BgNbdFrequencyTerms terms, ReadOnlySpan<double> pieceSums, Span<double> gradient)
    {
        double ll = 0, gr = 0, galpha = 0, ga = 0, gb = 0;
        double invAlpha = 1.0 / p.Alpha;
        var pieces = data.Pieces;
        int k = 0;
        for (int s = 0; s < data.Frequencies.Length; s++)
        {
            double sP = 0, sSPQ = 0, sIP = 0, sSDiff = 0, sS = 0, sSoft = 0;
            for (; k < pieces.Length && pieces[k].Segment == s; k++)
            {
                var ps = pieceSums.Slice(k * SumCount, SumCount);
                sP += ps[0]; sSPQ += ps[1]; sIP += ps[2]; sSDiff += ps[3]; sS += ps[4]; sSoft += ps[5];
            }
            int x = data.Frequencies[s];
            double w = data.SegmentWeight[s], rx = p.R + x;
            ll += w * terms.A[s] - rx * sP + sSoft;
            gr += w * terms.DAdr[s] - sP + sSPQ;
            galpha += -x * w * invAlpha - rx * (sIP - w * invAlpha) + rx * sSDiff;
            ga += w * terms.DAda[s];
            gb += w * terms.DAdb[s];
            if (terms.HasDropoutTerm(x))
            {
                ga += sS / p.A;
                gb -= sS / terms.DropoutDenominator(p.B, x);
            }
        }
        gradient[0] = gr; gradient[1] = galpha; gradient[2] = ga; gradient[3] = gb;
        return ll;
    }
}
