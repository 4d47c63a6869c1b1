using System.Runtime.CompilerServices;
using Clv.Models.Kernels;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// The vectorised form of <see cref="ParetoNbdLikelihood.Row"/>: the same row terms and the same positive series for the
/// integral I (<see cref="ParetoNbdIntegral.Series"/>, term for term with the same recurrences and table), written once over
/// <see cref="ISimdDouble{TSelf}"/> with per-lane rates (<see cref="LaneRates{TV}"/>: broadcast for shared parameters,
/// loaded per customer by <see cref="ParetoNbdCustomerKernel"/>). Lanes iterate the series together until every lane meets
/// the scalar stopping rule (a converged lane's further terms are below 1e-17 of its sums). A group of rows falls back to
/// the scalar reference when one of them needs the quadrature (the series would be too long) or the series outruns the
/// segment's table; so does the remainder of each piece.
/// </summary>
/// <remarks>
/// ln(1 + T/α) is formed as ln(α+T) − ln α (absolute error ≈ 1e-16·|ln α|); L = log1p((T−t_x)/(p+t_x)) keeps its relative
/// accuracy (<see cref="VectorMath.Log1p"/>), so the series' brackets 1 − e^(−(c+k)L) do too. The orientation of the
/// integral (which of α, β is the larger rate p) is a lane mask, so lanes of one group may differ in it.
/// </remarks>
internal static class ParetoNbdKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a fit calls it a few dozen times: no time to tier up
    public static void SumPiece<TV>(FrequencySegments data, in ParetoNbdParameters p, FrequencySegments.Piece piece, Span<double> sums)
        where TV : struct, ISimdDouble<TV>
    {
        var terms = new ParetoNbdLikelihood.PieceTerms(p, data.Frequencies[piece.Segment]);
        var seg = terms.Segment;
        sums.Clear();
        double[] t = data.T, tx = data.Recency, w = data.Weight;
        TV ll = default, gr = default, ga = default, gs = default, gb = default;
        double n = terms.Beta > terms.Alpha ? seg.A : seg.S + 1;
        var rates = LaneRates<TV>.Create(TV.Broadcast(terms.Alpha), TV.Broadcast(terms.Beta), TV.Broadcast(terms.LnAlpha), TV.Broadcast(terms.LnBeta), seg, n);
        var table = new OneTable<TV>(terms.Table);
        int i = piece.Start;
        for (; i + TV.Count <= piece.End; i += TV.Count)
        {
            if (Group(seg, rates, table, TV.Load(t, i), TV.Load(tx, i), out var row))
            {
                TV wi = TV.Load(w, i);
                ll = TV.FusedMultiplyAdd(wi, row.Ll, ll);
                gr = TV.FusedMultiplyAdd(wi, row.R, gr);
                ga = TV.FusedMultiplyAdd(wi, row.Alpha, ga);
                gs = TV.FusedMultiplyAdd(wi, row.S, gs);
                gb = TV.FusedMultiplyAdd(wi, row.Beta, gb);
            }
            else
                for (int k = i; k < i + TV.Count; k++) ParetoNbdLikelihood.SumRow(terms, t[k], tx[k], w[k], sums);
        }
        sums[0] += TV.Sum(ll); sums[1] += TV.Sum(gr); sums[2] += TV.Sum(ga); sums[3] += TV.Sum(gs); sums[4] += TV.Sum(gb);
        for (; i < piece.End; i++) ParetoNbdLikelihood.SumRow(terms, t[i], tx[i], w[i], sums);
    }

    /// <summary>The lanes' rows' terms, as <see cref="ParetoNbdLikelihood.RowTerms"/>.</summary>
    internal readonly record struct RowVectors<TV>(TV Ll, TV R, TV Alpha, TV S, TV Beta) where TV : struct, ISimdDouble<TV>;

    /// <summary>
    /// Per-lane rates and the integral's orientation: (p, q) = the larger and the smaller of α, β, n the exponent of q
    /// (b = s+1 where α ≥ β, a = r+x where β &gt; α; <see cref="Swap"/> marks the latter), as in <see cref="ParetoNbdIntegral.Evaluate"/>.
    /// </summary>
    internal readonly struct LaneRates<TV> where TV : struct, ISimdDouble<TV>
    {
        public TV Alpha { get; init; }
        public TV Beta { get; init; }
        public TV LnAlpha { get; init; }
        public TV LnBeta { get; init; }
        public TV NegXOverAlpha { get; init; }
        public TV Swap { get; init; }
        public TV P { get; init; }
        public TV Q { get; init; }
        public TV N { get; init; }

        /// <summary>An upper bound of the lanes' n (exact for shared rates).</summary>
        public double NMax { get; init; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static LaneRates<TV> Create(TV alpha, TV beta, TV lnAlpha, TV lnBeta, in ParetoNbdLikelihood.SegmentTerms c, double nMax)
        {
            TV swap = TV.GreaterThan(beta, alpha);
            return new LaneRates<TV>
            {
                Alpha = alpha, Beta = beta, LnAlpha = lnAlpha, LnBeta = lnBeta,
                NegXOverAlpha = TV.Broadcast(-c.X) / alpha,
                Swap = swap,
                P = TV.Select(swap, beta, alpha),
                Q = TV.Select(swap, alpha, beta),
                N = TV.Select(swap, TV.Broadcast(c.A), TV.Broadcast(c.S + 1)),
                NMax = nMax,
            };
        }
    }

    /// <summary>The k-dependent series constants per lane: 1/(c+k), (n+k)/(k+1), 1/(n+k) (<see cref="SeriesTable"/>).</summary>
    internal interface ISeriesConstants<TV> where TV : struct, ISimdDouble<TV>
    {
        int Length { get; }
        TV InvC(int k);
        TV Ratio(int k);
        TV InvN(int k);
    }

    /// <summary>One table for every lane (shared rates: one orientation).</summary>
    internal readonly struct OneTable<TV>(SeriesTable table) : ISeriesConstants<TV> where TV : struct, ISimdDouble<TV>
    {
        public int Length => table.Length;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public TV InvC(int k) => TV.Broadcast(table.InvC[k]);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public TV Ratio(int k) => TV.Broadcast(table.Ratio[k]);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public TV InvN(int k) => TV.Broadcast(table.InvN[k]);
    }

    /// <summary>Each lane's table by its orientation (per-customer rates); 1/(c+k) is common to both.</summary>
    internal readonly struct TwoTables<TV>(SeriesTables tables, TV swap) : ISeriesConstants<TV> where TV : struct, ISimdDouble<TV>
    {
        public int Length => tables.Length;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public TV InvC(int k) => TV.Broadcast(tables.AlphaLarger.InvC[k]);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Ratio(int k) => TV.Select(swap, TV.Broadcast(tables.BetaLarger.Ratio[k]), TV.Broadcast(tables.AlphaLarger.Ratio[k]));
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV InvN(int k) => TV.Select(swap, TV.Broadcast(tables.BetaLarger.InvN[k]), TV.Broadcast(tables.AlphaLarger.InvN[k]));
    }

    /// <summary>One group of rows' terms; false when the group must go to the scalar reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Group<TV, TC>(in ParetoNbdLikelihood.SegmentTerms c, in LaneRates<TV> r, in TC table, TV t, TV tx, out RowVectors<TV> row)
        where TV : struct, ISimdDouble<TV> where TC : struct, ISeriesConstants<TV>
    {
        TV zero = TV.Broadcast(0), one = TV.Broadcast(1);
        TV alive = TV.GreaterThan(t, tx);
        // Lanes with t_x = T have no integral term; give them a harmless t_x so that nothing below is NaN.
        TV txs = TV.Select(alive, tx, zero);
        TV ptx = r.P + txs;
        TV z1 = (r.P - r.Q) / ptx;
        // The scalar path would use the quadrature for a lane whose series is estimated longer than the limit.
        Span<double> lanes = stackalloc double[TV.Count];
        TV.Store(z1, lanes);
        double zMax = 0;
        foreach (double z in lanes) zMax = Math.Max(zMax, z);
        if (ParetoNbdIntegral.EstimatedSeriesTerms(r.NMax, zMax) > ParetoNbdIntegral.SeriesTermLimit && NeedsQuadrature(r.N, lanes))
        {
            row = default;
            return false;
        }

        TV aT = r.Alpha + t, bT = r.Beta + t;
        TV lnAT = TV.Log(aT), lnBT = TV.Log(bT);
        TV pA = lnAT - r.LnAlpha, pB = lnBT - r.LnBeta;
        TV a = TV.Broadcast(c.A), s = TV.Broadcast(c.S);
        TV ll = TV.Broadcast(-c.X) * r.LnAlpha - a * pA - s * pB;
        TV gr = zero - pA, gs = zero - pB;
        TV ga = r.NegXOverAlpha + a * t / (r.Alpha * aT);
        TV gb = s * t / (r.Beta * bT);

        TV pT = TV.Select(r.Swap, bT, aT);
        if (!Series(table, r, c.A + (c.S + 1) - 1, zMax == 0, t, txs, ptx, z1, pT, out TV logI, out TV dAlpha, out TV dA, out TV dBeta, out TV dB))
        {
            row = default;
            return false;
        }

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
        row = new RowVectors<TV>(ll, gr, ga, gs, gb);
        return true;
    }

    /// <summary>True when a lane's estimated series length (its own n and z₁) exceeds the limit (the exact per-lane test behind the bound).</summary>
    private static bool NeedsQuadrature<TV>(TV n, ReadOnlySpan<double> z1) where TV : struct, ISimdDouble<TV>
    {
        Span<double> ns = stackalloc double[TV.Count];
        TV.Store(n, ns);
        for (int k = 0; k < ns.Length; k++)
            if (ParetoNbdIntegral.EstimatedSeriesTerms(ns[k], z1[k]) > ParetoNbdIntegral.SeriesTermLimit) return true;
        return false;
    }

    /// <summary>
    /// ln I and ∂ ln I/∂(α, a, β, b) lane-wise, by the series of <see cref="ParetoNbdIntegral.Series"/> with c = m + n − 1;
    /// false when a lane's series does not converge within the table (the caller then uses the scalar reference).
    /// <paramref name="single"/>: every lane has α = β (z₁ = 0), the series stops after k = 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // keeps the JIT's inlining budget for the vector operations of both methods
    private static bool Series<TV, TC>(in TC table, in LaneRates<TV> r, double c, bool single, TV t, TV txs, TV ptx, TV z1, TV pT,
        out TV logI, out TV dAlpha, out TV dA, out TV dBeta, out TV dB) where TV : struct, ISimdDouble<TV> where TC : struct, ISeriesConstants<TV>
    {
        TV zero = TV.Broadcast(0), one = TV.Broadcast(1);
        TV invPT = one / pT, invPtx = one / ptx;
        TV gap = t - txs;
        TV L = VectorMath.Log1p(gap * invPtx);
        TV eL = ptx * invPT, e1 = gap * invPT;
        TV cL = TV.Broadcast(c) * L;
        TV ey = TV.Exp(zero - cL);
        TV ek = TV.Select(TV.GreaterThan(TV.Broadcast(0.5), cL), zero - VectorMath.Expm1Small(zero - cL), one - ey);
        double inv0 = 1 / c;
        TV t0 = ek * TV.Broadcast(inv0);
        TV sum = t0;
        TV sumC = (L * ey - t0) * TV.Broadcast(inv0);
        TV sumV = ey, sumU = zero, sumPsi = zero;
        TV cz = r.N;
        TV mode = r.N * z1 / (one - z1) + one;
        TV psi = table.InvN(0); // 1/n
        bool converged = false;
        TV tiny = TV.Broadcast(1e-17);
        int length = table.Length;
        for (int k = 1; k < length; k++)
        {
            TV invCk = table.InvC(k);
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
            sumPsi = TV.FusedMultiplyAdd(tk, psi, sumPsi);
            if (single) { converged = true; break; }
            TV done = TV.Select(TV.GreaterThan(TV.Broadcast(k), mode), one, zero);
            done = TV.Select(TV.GreaterThan(tk, tiny * sum), zero, done);
            done = TV.Select(TV.GreaterThan(uk, tiny * sumU), zero, done);
            if (TV.All(TV.GreaterThan(done, TV.Broadcast(0.5)))) { converged = true; break; }
            cz = cz * z1 * table.Ratio(k);
            psi = psi + table.InvN(k);
        }
        if (!converged)
        {
            logI = dAlpha = dA = dBeta = dB = zero;
            return false;
        }

        TV invSum = one / sum;
        TV lnPtx = TV.Log(ptx);
        logI = TV.Broadcast(-c) * lnPtx + TV.Log(sum);
        TV dc = sumC * invSum - lnPtx;
        TV dL = zero - gap * invPT * invPtx;
        TV dp = TV.Broadcast(-c) * invPtx + (sumU * (r.Q + txs) * invPtx * invPtx + sumV * dL) * invSum;
        TV dq = zero - sumU * invPtx * invSum;
        TV dn = TV.FusedMultiplyAdd(sumPsi, invSum, dc);
        dAlpha = TV.Select(r.Swap, dq, dp);
        dA = TV.Select(r.Swap, dn, dc);
        dBeta = TV.Select(r.Swap, dp, dq);
        dB = TV.Select(r.Swap, dc, dn);
        return true;
    }
}
