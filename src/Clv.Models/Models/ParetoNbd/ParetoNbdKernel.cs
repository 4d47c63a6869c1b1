using System.Runtime.CompilerServices;
using Clv.Models.Kernels;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// The vectorised form of <see cref="ParetoNbdLikelihood.SumRow"/>: the same row terms and the same positive series for the
/// integral I (<see cref="ParetoNbdIntegral.Series"/>, term for term with the same recurrences and table), written once over
/// <see cref="ISimdDouble{TSelf}"/>. Lanes iterate the series together until every lane meets the scalar stopping rule (a
/// converged lane's further terms are below 1e-17 of its sums). A group of rows falls back to the scalar reference when
/// one of them needs the quadrature (the series would be too long) or the series outruns the segment's table; so does the
/// remainder of each piece.
/// </summary>
/// <remarks>
/// ln(1 + T/α) is formed as ln(α+T) − ln α (absolute error ≈ 1e-16·|ln α|); L = log1p((T−t_x)/(p+t_x)) keeps its relative
/// accuracy (<see cref="VectorMath.Log1p"/>), so the series' brackets 1 − e^(−(c+k)L) do too.
/// </remarks>
internal static class ParetoNbdKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a fit calls it a few dozen times: no time to tier up
    public static void SumPiece<TV>(FrequencySegments data, in ParetoNbdParameters p, FrequencySegments.Piece piece, Span<double> sums)
        where TV : struct, ISimdDouble<TV>
    {
        var terms = new ParetoNbdLikelihood.PieceTerms(p, data.Frequencies[piece.Segment]);
        sums.Clear();
        double[] t = data.T, tx = data.Recency, w = data.Weight;
        var acc = new Accumulators<TV>();
        var shape = new SeriesShape(terms);
        int i = piece.Start;
        for (; i + TV.Count <= piece.End; i += TV.Count)
        {
            if (!Group(terms, shape, TV.Load(t, i), TV.Load(tx, i), TV.Load(w, i), ref acc))
                for (int k = i; k < i + TV.Count; k++) ParetoNbdLikelihood.SumRow(terms, t[k], tx[k], w[k], sums);
        }
        sums[0] += TV.Sum(acc.Ll); sums[1] += TV.Sum(acc.R); sums[2] += TV.Sum(acc.Alpha); sums[3] += TV.Sum(acc.S); sums[4] += TV.Sum(acc.Beta);
        for (; i < piece.End; i++) ParetoNbdLikelihood.SumRow(terms, t[i], tx[i], w[i], sums);
    }

    /// <summary>The integral's orientation for a segment: (p, m) the pair with the larger rate, (q, n) the other, c = m + n − 1.</summary>
    private readonly struct SeriesShape
    {
        public SeriesShape(in ParetoNbdLikelihood.PieceTerms t)
        {
            Swap = t.Beta > t.Alpha;
            P = Swap ? t.Beta : t.Alpha;
            M = Swap ? t.S + 1 : t.A;
            Q = Swap ? t.Alpha : t.Beta;
            N = Swap ? t.A : t.S + 1;
            C = M + N - 1;
        }

        public bool Swap { get; }
        public double P { get; }
        public double M { get; }
        public double Q { get; }
        public double N { get; }
        public double C { get; }
    }

    private struct Accumulators<TV> where TV : struct, ISimdDouble<TV>
    {
        public TV Ll, R, Alpha, S, Beta;
    }

    /// <summary>Adds one group of rows; false (adding nothing) when the group must go to the scalar reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Group<TV>(in ParetoNbdLikelihood.PieceTerms c, in SeriesShape sh, TV t, TV tx, TV w, ref Accumulators<TV> acc)
        where TV : struct, ISimdDouble<TV>
    {
        TV zero = TV.Broadcast(0), one = TV.Broadcast(1);
        TV alive = TV.GreaterThan(t, tx);
        // Lanes with t_x = T have no integral term; give them a harmless t_x so that nothing below is NaN.
        TV txs = TV.Select(alive, tx, zero);
        TV ptx = TV.Broadcast(sh.P) + txs;
        TV z1 = TV.Broadcast(sh.P - sh.Q) / ptx;
        // The scalar path would use the quadrature for a lane whose series is estimated longer than the limit.
        Span<double> lanes = stackalloc double[TV.Count];
        TV.Store(z1, lanes);
        double zMax = 0;
        foreach (double z in lanes) zMax = Math.Max(zMax, z);
        if (ParetoNbdIntegral.EstimatedSeriesTerms(sh.N, zMax) > ParetoNbdIntegral.SeriesTermLimit) return false;

        TV aT = TV.Broadcast(c.Alpha) + t, bT = TV.Broadcast(c.Beta) + t;
        TV lnAT = TV.Log(aT), lnBT = TV.Log(bT);
        TV pA = lnAT - TV.Broadcast(c.LnAlpha), pB = lnBT - TV.Broadcast(c.LnBeta);
        TV a = TV.Broadcast(c.A), s = TV.Broadcast(c.S);
        TV ll = TV.Broadcast(-c.X * c.LnAlpha) - a * pA - s * pB;
        TV gr = zero - pA, gs = zero - pB;
        TV ga = TV.Broadcast(-c.X / c.Alpha) + a * t / (TV.Broadcast(c.Alpha) * aT);
        TV gb = s * t / (TV.Broadcast(c.Beta) * bT);

        TV pT = sh.Swap ? bT : aT;
        if (!Series(c.Table, sh, t, txs, ptx, z1, pT, out TV logI, out TV dAlpha, out TV dA, out TV dBeta, out TV dB)) return false;

        TV d = TV.Broadcast(c.LnS) + logI + a * lnAT + s * lnBT;
        TV u = TV.Exp(zero - TV.Abs(d));
        TV onePlusU = one + u;
        TV sig = TV.Select(TV.GreaterThan(d, zero), one, u) / onePlusU;
        sig = TV.Select(alive, sig, zero);
        ll = ll + TV.Select(alive, TV.Max(d, zero) + TV.Log(onePlusU), zero);
        gr = TV.FusedMultiplyAdd(sig, dA + lnAT, gr);
        ga = TV.FusedMultiplyAdd(sig, dAlpha + a / aT, ga);
        gs = TV.FusedMultiplyAdd(sig, TV.Broadcast(1 / c.S) + dB + lnBT, gs);
        gb = TV.FusedMultiplyAdd(sig, dBeta + s / bT, gb);

        acc.Ll = TV.FusedMultiplyAdd(w, ll, acc.Ll);
        acc.R = TV.FusedMultiplyAdd(w, gr, acc.R);
        acc.Alpha = TV.FusedMultiplyAdd(w, ga, acc.Alpha);
        acc.S = TV.FusedMultiplyAdd(w, gs, acc.S);
        acc.Beta = TV.FusedMultiplyAdd(w, gb, acc.Beta);
        return true;
    }

    /// <summary>
    /// ln I and ∂ ln I/∂(α, a, β, b) lane-wise, by the series of <see cref="ParetoNbdIntegral.Series"/>; false when a lane's
    /// series does not converge within the table (the caller then uses the scalar reference).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps the JIT's inlining budget for the vector operations of both methods
    private static bool Series<TV>(SeriesTable table, in SeriesShape sh, TV t, TV txs, TV ptx, TV z1, TV pT,
        out TV logI, out TV dAlpha, out TV dA, out TV dBeta, out TV dB) where TV : struct, ISimdDouble<TV>
    {
        TV zero = TV.Broadcast(0), one = TV.Broadcast(1);
        TV invPT = one / pT, invPtx = one / ptx;
        TV gap = t - txs;
        TV L = VectorMath.Log1p(gap * invPtx);
        TV eL = ptx * invPT, e1 = gap * invPT;
        TV cL = TV.Broadcast(sh.C) * L;
        TV ey = TV.Exp(zero - cL);
        TV ek = TV.Select(TV.GreaterThan(TV.Broadcast(0.5), cL), zero - VectorMath.Expm1Small(zero - cL), one - ey);
        double inv0 = 1 / sh.C;
        TV t0 = ek * TV.Broadcast(inv0);
        TV sum = t0;
        TV sumC = (L * ey - t0) * TV.Broadcast(inv0);
        TV sumV = ey, sumU = zero, sumPsi = zero;
        TV cz = TV.Broadcast(sh.N);
        TV mode = TV.Broadcast(sh.N) * z1 / (one - z1) + one;
        double psi = 1 / sh.N;
        bool single = sh.P == sh.Q; // α = β: z₁ = 0, the series stops after k = 1 (whose only non-zero part is the z-derivative's)
        bool converged = false;
        TV tiny = TV.Broadcast(1e-17);
        for (int k = 1; k < table.Length; k++)
        {
            TV invCk = TV.Broadcast(table.InvC[k]);
            ek = TV.FusedMultiplyAdd(ey, e1, ek);
            ey = ey * eL;
            TV baseK = cz * z1;
            TV weight = baseK * invCk;
            TV tk = weight * ek;
            TV uk = TV.Broadcast(k) * cz * ek * invCk;
            sum = sum + tk;
            sumC = TV.FusedMultiplyAdd(weight, L * ey - ek * invCk, sumC);
            sumV = TV.FusedMultiplyAdd(baseK, ey, sumV);
            sumU = sumU + uk;
            sumPsi = TV.FusedMultiplyAdd(tk, TV.Broadcast(psi), sumPsi);
            if (single) { converged = true; break; }
            TV done = TV.Select(TV.GreaterThan(TV.Broadcast(k), mode), one, zero);
            done = TV.Select(TV.GreaterThan(tk, tiny * sum), zero, done);
            done = TV.Select(TV.GreaterThan(uk, tiny * sumU), zero, done);
            if (TV.All(TV.GreaterThan(done, TV.Broadcast(0.5)))) { converged = true; break; }
            cz = cz * z1 * TV.Broadcast(table.Ratio[k]);
            psi += table.InvN[k];
        }
        if (!converged)
        {
            logI = dAlpha = dA = dBeta = dB = zero;
            return false;
        }

        TV invSum = one / sum;
        TV lnPtx = TV.Log(ptx);
        logI = TV.Broadcast(-sh.C) * lnPtx + TV.Log(sum);
        TV dc = sumC * invSum - lnPtx;
        TV dL = zero - gap * invPT * invPtx;
        TV dp = TV.Broadcast(-sh.C) * invPtx + (sumU * (TV.Broadcast(sh.Q) + txs) * invPtx * invPtx + sumV * dL) * invSum;
        TV dq = zero - sumU * invPtx * invSum;
        TV dn = TV.FusedMultiplyAdd(sumPsi, invSum, dc);
        dAlpha = sh.Swap ? dq : dp;
        dA = sh.Swap ? dn : dc;
        dBeta = sh.Swap ? dp : dq;
        dB = sh.Swap ? dc : dn;
        return true;

    }
}
