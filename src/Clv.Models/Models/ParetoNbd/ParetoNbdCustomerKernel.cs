using System.Buffers;
using System.Runtime.CompilerServices;
using Clv.Models.Kernels;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// The vectorised form of <see cref="ParetoNbdCustomerLikelihood.SumRow"/>: <see cref="ParetoNbdKernel.Group"/> with the
/// lanes' own α_i, β_i (gathered from the caller's order into piece-local arrays) and each lane's series table by its
/// orientation (<see cref="ParetoNbdKernel.TwoTables{TV}"/>). A group with a lane that needs the quadrature, or whose
/// series outruns the tables, goes to the scalar reference, as does the remainder of each piece.
/// </summary>
internal static class ParetoNbdCustomerKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumPiece<TV>(FrequencySegments data, in ParetoNbdCustomerLikelihood.Rates p, FrequencySegments.Piece piece, Span<double> sums)
        where TV : struct, ISimdDouble<TV>
    {
        var seg = new ParetoNbdLikelihood.SegmentTerms(p.R, p.S, data.Frequencies[piece.Segment]);
        int start = piece.Start, count = piece.End - piece.Start;
        var order = p.Order;
        var pool = ArrayPool<double>.Shared;
        double[] alpha = pool.Rent(count), beta = pool.Rent(count), gla = pool.Rent(count), glb = pool.Rent(count);
        double zMax = 0;
        for (int j = 0; j < count; j++)
        {
            int i = order[start + j];
            alpha[j] = p.Alpha[i];
            beta[j] = p.Beta[i];
            zMax = Math.Max(zMax, ParetoNbdCustomerLikelihood.RelativeGap(alpha[j], beta[j]));
        }
        var tables = new SeriesTables(seg.A, seg.S + 1, zMax);
        double nMax = Math.Max(seg.A, seg.S + 1);
        double[] t = data.T, tx = data.Recency, w = data.Weight;
        sums.Clear();
        TV ll = default, gr = default, gs = default;
        int k = 0;
        for (; k + TV.Count <= count; k += TV.Count)
        {
            TV al = TV.Load(alpha, k), be = TV.Load(beta, k);
            var rates = ParetoNbdKernel.LaneRates<TV>.Create(al, be, TV.Log(al), TV.Log(be), seg, nMax);
            if (ParetoNbdKernel.Group(seg, rates, new ParetoNbdKernel.TwoTables<TV>(tables, rates.Swap), TV.Load(t, start + k), TV.Load(tx, start + k), out var row))
            {
                TV wi = TV.Load(w, start + k);
                ll = TV.FusedMultiplyAdd(wi, row.Ll, ll);
                gr = TV.FusedMultiplyAdd(wi, row.R, gr);
                gs = TV.FusedMultiplyAdd(wi, row.S, gs);
                TV.Store(wi * al * row.Alpha, gla, k);
                TV.Store(wi * be * row.Beta, glb, k);
            }
            else
                for (int j = k; j < k + TV.Count; j++) ScalarRow(seg, tables, data, start + j, alpha[j], beta[j], sums, out gla[j], out glb[j]);
        }
        for (; k < count; k++) ScalarRow(seg, tables, data, start + k, alpha[k], beta[k], sums, out gla[k], out glb[k]);
        sums[0] += TV.Sum(ll); sums[1] += TV.Sum(gr); sums[3] += TV.Sum(gs);
        // The per-customer gradients, summed in row order whichever path produced them, and scattered to the caller's order.
        double sa = 0, sb = 0;
        for (int j = 0; j < count; j++)
        {
            sa += gla[j]; sb += glb[j];
            int i = order[start + j];
            p.GradLogAlpha[i] = gla[j];
            p.GradLogBeta[i] = glb[j];
        }
        sums[2] = sa; sums[4] = sb;
        pool.Return(alpha); pool.Return(beta); pool.Return(gla); pool.Return(glb);
    }

    private static void ScalarRow(in ParetoNbdLikelihood.SegmentTerms seg, SeriesTables tables, FrequencySegments data, int row, double alpha, double beta,
        Span<double> sums, out double gradLogAlpha, out double gradLogBeta) =>
        ParetoNbdCustomerLikelihood.SumRow(seg, tables, alpha, beta, data.T[row], data.Recency[row], data.Weight[row], sums, out gradLogAlpha, out gradLogBeta);
}
