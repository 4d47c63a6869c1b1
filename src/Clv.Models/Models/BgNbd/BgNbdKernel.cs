using System.Runtime.CompilerServices;
using Clv.Models.Kernels;

namespace Clv.Models.BgNbd;

/// <summary>
/// The vectorised form of <see cref="BgNbdLikelihood.SumPiece"/>: the same six row sums (see the remarks of
/// <see cref="BgNbdLikelihood"/>), written once over <see cref="ISimdDouble{TSelf}"/> and run at 512 or 256 bits,
/// with the remainder of each piece in the one-lane <see cref="Scalar"/> instantiation of the same code.
/// </summary>
/// <remarks>
/// Per row, with P = α+T and Q = α+t_x: ln P, ln Q, u = e^(−|d|) and ln(1+u) — four inlined transcendentals for rows with a
/// dropout term (x &gt; 0; every row under MBG/NBD), one for BG/NBD's x = 0 rows — and a single division inv = 1/((1+u)·P·Q), from which 1/P = inv·(1+u)·Q, 1/Q = inv·(1+u)·P and
/// sigmoid(d) = (d &gt; 0 ? 1 : u)·inv·P·Q follow (valid while (α+T)(α+t_x) &lt; 1e300). ln(1 + T/α) is formed as ln P − ln α,
/// whose absolute error (≈ 1e-16·|ln α|) is far below the sums' own rounding.
/// </remarks>
internal static class BgNbdKernel
{
    /// <summary>The six sums of one piece at width <typeparamref name="TV"/>, remainder included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a fit calls it a few dozen times: no time to tier up
    public static void SumPiece<TV>(FrequencySegments data, in BgNbdParameters p, in BgNbdFrequencyTerms terms, FrequencySegments.Piece piece, Span<double> sums)
        where TV : struct, ISimdDouble<TV>
    {
        int x = data.Frequencies[piece.Segment];
        int vectorEnd = piece.Start + (piece.End - piece.Start) / TV.Count * TV.Count;
        var acc = new Sums();
        if (!terms.HasDropoutTerm(x))
        {
            SumsNoRepeat<TV>(data, p.Alpha, piece.Start, vectorEnd, ref acc);
            SumsNoRepeat<Scalar>(data, p.Alpha, vectorEnd, piece.End, ref acc);
        }
        else
        {
            double rx = p.R + x, logRatio = terms.LogRatio[piece.Segment];
            SumsRepeat<TV>(data, p.Alpha, rx, logRatio, piece.Start, vectorEnd, ref acc);
            SumsRepeat<Scalar>(data, p.Alpha, rx, logRatio, vectorEnd, piece.End, ref acc);
        }
        sums[0] = acc.P; sums[1] = acc.SPQ; sums[2] = acc.IP; sums[3] = acc.SDiff; sums[4] = acc.S; sums[5] = acc.Soft;
    }

    /// <summary>Rows without a dropout term (BG/NBD x = 0): Σw·ln(1 + T/α) and Σw/(α+T).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumsNoRepeat<TV>(FrequencySegments data, double alpha, int from, int to, ref Sums acc) where TV : struct, ISimdDouble<TV>
    {
        if (from >= to) return;
        double[] t = data.T, w = data.Weight;
        TV a = TV.Broadcast(alpha), lnAlpha = TV.Broadcast(Math.Log(alpha));
        TV sP = TV.Broadcast(0), sIP = TV.Broadcast(0);
        for (int i = from; i < to; i += TV.Count)
        {
            TV weight = TV.Load(w, i);
            TV big = a + TV.Load(t, i);
            sP = TV.FusedMultiplyAdd(weight, TV.Log(big) - lnAlpha, sP);
            sIP = sIP + weight / big;
        }
        acc.P += TV.Sum(sP);
        acc.IP += TV.Sum(sIP);
    }

    /// <summary>Rows with a dropout term (x &gt; 0; under MBG/NBD every row): the six sums of <see cref="BgNbdLikelihood.SumPiece"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SumsRepeat<TV>(FrequencySegments data, double alpha, double rx, double logRatio, int from, int to, ref Sums acc)
        where TV : struct, ISimdDouble<TV>
    {
        if (from >= to) return;
        double[] t = data.T, tx = data.Recency, w = data.Weight;
        TV a = TV.Broadcast(alpha), lnAlpha = TV.Broadcast(Math.Log(alpha)), r = TV.Broadcast(rx), c = TV.Broadcast(logRatio);
        TV zero = TV.Broadcast(0), one = TV.Broadcast(1);
        TV sP = zero, sSPQ = zero, sIP = zero, sSDiff = zero, sS = zero, sSoft = zero;
        for (int i = from; i < to; i += TV.Count)
        {
            TV weight = TV.Load(w, i);
            TV bigP = a + TV.Load(t, i), bigQ = a + TV.Load(tx, i);
            TV lnP = TV.Log(bigP), lnQ = TV.Log(bigQ);
            TV pq = lnP - lnQ;
            TV d = TV.FusedMultiplyAdd(r, pq, c);
            TV u = TV.Exp(zero - TV.Abs(d));
            TV onePlusU = one + u;
            TV softplus = TV.Max(d, zero) + TV.Log(onePlusU);
            TV productPQ = bigP * bigQ;
            TV inv = one / (onePlusU * productPQ);
            TV s = TV.Select(TV.GreaterThan(d, zero), one, u) * inv * productPQ;
            TV ip = inv * onePlusU * bigQ, iq = inv * onePlusU * bigP;
            TV ws = weight * s;
            sP = TV.FusedMultiplyAdd(weight, lnP - lnAlpha, sP);
            sSPQ = TV.FusedMultiplyAdd(ws, pq, sSPQ);
            sIP = TV.FusedMultiplyAdd(weight, ip, sIP);
            sSDiff = TV.FusedMultiplyAdd(ws, ip - iq, sSDiff);
            sS = sS + ws;
            sSoft = TV.FusedMultiplyAdd(weight, softplus, sSoft);
        }
        acc.P += TV.Sum(sP); acc.SPQ += TV.Sum(sSPQ); acc.IP += TV.Sum(sIP);
        acc.SDiff += TV.Sum(sSDiff); acc.S += TV.Sum(sS); acc.Soft += TV.Sum(sSoft);
    }

    private struct Sums
    {
        public double P, SPQ, IP, SDiff, S, Soft;
    }
}
