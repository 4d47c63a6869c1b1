using System.Runtime.CompilerServices;
using Clv.Models.Kernels;

namespace Clv.Models.GammaGamma;

/// <summary>
/// The vectorised form of <see cref="GammaGammaLikelihood.SumPiece"/>: the same four row sums, written once over
/// <see cref="ISimdDouble{TSelf}"/>, with the remainder of each piece in the one-lane <see cref="Scalar"/> instantiation.
/// </summary>
/// <remarks>
/// One logarithm and one division per row: with L = ln(γ + x·m_x) and the data column ln m_x,
/// ln(1 + γ/(x m_x)) = L − ln x − ln m_x and ln(1 + x m_x/γ) = L − ln γ; both differences lose only absolute accuracy
/// (≈ 1e-16 times the logarithms), far below the rounding of the sums they enter.
/// </remarks>
internal static class GammaGammaKernel
{
    /// <summary>The four sums of one piece at width <typeparamref name="TV"/>, remainder included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a fit calls it a few dozen times: no time to tier up
    public static void SumPiece<TV>(FrequencySegments data, in GammaGammaParameters p, FrequencySegments.Piece piece, Span<double> sums)
        where TV : struct, ISimdDouble<TV>
    {
        double x = data.Frequencies[piece.Segment];
        int vectorEnd = piece.Start + (piece.End - piece.Start) / TV.Count * TV.Count;
        Span<double> acc = stackalloc double[GammaGammaLikelihood.SumCount];
        acc.Clear();
        Sum<TV>(data, x, p.Gamma, piece.Start, vectorEnd, acc);
        Sum<Scalar>(data, x, p.Gamma, vectorEnd, piece.End, acc);
        acc.CopyTo(sums);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sum<TV>(FrequencySegments data, double x, double gamma, int from, int to, Span<double> acc) where TV : struct, ISimdDouble<TV>
    {
        if (from >= to) return;
        double[] m = data.Column(0), lnM = data.Column(1), w = data.Weight;
        TV vx = TV.Broadcast(x), g = TV.Broadcast(gamma), lnX = TV.Broadcast(Math.Log(x)), lnG = TV.Broadcast(Math.Log(gamma));
        TV zero = TV.Broadcast(0);
        TV sL1 = zero, sL2 = zero, sInvDen = zero, sLogM = zero;
        for (int i = from; i < to; i += TV.Count)
        {
            TV weight = TV.Load(w, i), logM = TV.Load(lnM, i);
            TV den = TV.FusedMultiplyAdd(vx, TV.Load(m, i), g);
            TV lnDen = TV.Log(den);
            sL1 = TV.FusedMultiplyAdd(weight, lnDen - lnX - logM, sL1);
            sL2 = TV.FusedMultiplyAdd(weight, lnDen - lnG, sL2);
            sInvDen = sInvDen + weight / den;
            sLogM = TV.FusedMultiplyAdd(weight, logM, sLogM);
        }
        acc[0] += TV.Sum(sL1); acc[1] += TV.Sum(sL2); acc[2] += TV.Sum(sInvDen); acc[3] += TV.Sum(sLogM);
    }
}
