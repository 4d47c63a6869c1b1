using System.Runtime.CompilerServices;
using Clv.Models.Kernels;

namespace Clv.Models.BgNbd;

/// <summary>
/// The vectorised per-customer BG/NBD likelihood of <see cref="BgNbdCustomerLikelihood"/>, written once over
/// <see cref="ISimdDouble{TSelf}"/>: one piece of rows of equal x, the lanes holding different customers (their own α_i, a_i,
/// b_i), the remainder in the one-lane <see cref="Scalar"/> instantiation of the same code.
/// </summary>
/// <remarks>
/// The beta-function ratio and its derivatives are accumulated over j &lt; x from two quotients per step, 1/(a+b+j) and
/// b/(b+j): (b+j)/(a+b+j), Σ 1/(a+b+j) and Σ b/((b+j)(a+b+j)) — never the product (b+j)(a+b+j), which leaves the double range
/// for the tiny or huge a_i, b_i a covariate fit may try. The product of the ratios is turned into a logarithm every
/// <see cref="LogEvery"/> steps, so it cannot underflow unless b/(a+b) &lt; 1e-19. This is a
/// second, independent formulation of the reference's Σ log1p(a/(b+j)) (<see cref="BgNbdFrequencyTerms"/>); the tests compare
/// the two.
/// </remarks>
internal static class BgNbdCustomerKernel
{
    /// <summary>Steps of the beta-ratio product between logarithms.</summary>
    private const int LogEvery = 16;

    /// <summary>Gathers the piece's per-customer parameters, sums it at width <typeparamref name="TV"/> and scatters the per-customer derivatives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumPiece<TV>(FrequencySegments data, in BgNbdCustomerLikelihood.CustomerRows rows, FrequencySegments.Piece piece, Span<double> sums)
        where TV : struct, ISimdDouble<TV>
    {
        var layout = rows.Layout;
        int[] order = layout.Order;
        for (int j = piece.Start; j < piece.End; j++)
        {
            int i = order[j];
            layout.Alpha[j] = rows.Alpha[i]; layout.A[j] = rows.A[i]; layout.B[j] = rows.B[i];
        }
        int x = data.Frequencies[piece.Segment];
        int vectorEnd = piece.Start + (piece.End - piece.Start) / TV.Count * TV.Count;
        double ll = 0, dr = 0;
        Rows<TV>(layout, rows.R, x, piece.Start, vectorEnd, ref ll, ref dr);
        Rows<Scalar>(layout, rows.R, x, vectorEnd, piece.End, ref ll, ref dr);
        for (int j = piece.Start; j < piece.End; j++)
        {
            int i = order[j];
            rows.GradLogAlpha[i] = layout.GAlpha[j]; rows.GradLogA[i] = layout.GA[j]; rows.GradLogB[i] = layout.GB[j];
        }
        sums[0] = ll;
        sums[1] = dr;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rows<TV>(BgNbdCustomerLikelihood.Layout layout, double r, int x, int from, int to, ref double ll, ref double dr)
        where TV : struct, ISimdDouble<TV>
    {
        if (from >= to) return;
        var data = layout.Segments;
        double[] tArr = data.T, txArr = data.Recency, wArr = data.Weight;
        TV zero = TV.Broadcast(0), one = TV.Broadcast(1), xv = TV.Broadcast(x), rx = TV.Broadcast(r + x), xm1 = TV.Broadcast(x - 1);
        TV sLl = zero, sDr = zero;
        for (int i = from; i < to; i += TV.Count)
        {
            TV w = TV.Load(wArr, i), t = TV.Load(tArr, i), tx = TV.Load(txArr, i);
            TV alpha = TV.Load(layout.Alpha, i);
            TV bigP = alpha + t, bigQ = alpha + tx;
            TV lnAlpha = TV.Log(alpha), lnP = TV.Log(bigP);
            TV p = lnP - lnAlpha;
            TV iP = one / bigP;
            TV li = zero - xv * lnAlpha - rx * p;
            TV gr = zero - p;
            TV gAlpha = TV.FusedMultiplyAdd(rx * t, iP, zero - xv);
            TV gA = zero, gB = zero;
            if (x > 0)
            {
                TV a = TV.Load(layout.A, i), b = TV.Load(layout.B, i);
                // Per j: 1/(a+b+j) and b/(b+j) as two quotients, never the product (b+j)(a+b+j), which leaves the double range
                // for per-customer a, b below ~1e-154 or above ~1e154 (covariate fits explore such rates) and would turn the
                // value into inf or NaN. sumQ = Σ b/((b+j)(a+b+j)).
                TV logBeta = zero, product = one, sumInv = zero, sumQ = zero, bj = b, abj = a + b;
                for (int j = 0; j < x; j++)
                {
                    TV iab = one / abj;
                    product = product * (bj * iab);
                    sumInv = sumInv + iab;
                    sumQ = TV.FusedMultiplyAdd(b / bj, iab, sumQ);
                    if ((j + 1) % LogEvery == 0) { logBeta = logBeta + TV.Log(product); product = one; }
                    bj = bj + one;
                    abj = abj + one;
                }
                logBeta = logBeta + TV.Log(product);
                TV denominator = b + xm1;
                TV lnQ = TV.Log(bigQ);
                TV pq = lnP - lnQ;
                TV d = TV.FusedMultiplyAdd(rx, pq, TV.Log(a / denominator));
                TV u = TV.Exp(zero - TV.Abs(d));
                TV onePlusU = one + u;
                TV softplus = TV.Max(d, zero) + TV.Log(onePlusU);
                TV s = TV.Select(TV.GreaterThan(d, zero), one, u) / onePlusU;
                li = li + logBeta + softplus;
                gr = TV.FusedMultiplyAdd(s, pq, gr);
                gAlpha = gAlpha + s * rx * alpha * (tx - t) * iP / bigQ;
                gA = s - a * sumInv;
                gB = a * sumQ - s * (b / denominator);
            }
            sLl = TV.FusedMultiplyAdd(w, li, sLl);
            sDr = TV.FusedMultiplyAdd(w, gr, sDr);
            TV.Store(w * gAlpha, layout.GAlpha, i);
            TV.Store(w * gA, layout.GA, i);
            TV.Store(w * gB, layout.GB, i);
        }
        ll += TV.Sum(sLl);
        dr += TV.Sum(sDr);
    }
}
