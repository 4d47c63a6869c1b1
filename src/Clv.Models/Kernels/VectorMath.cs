using System.Runtime.CompilerServices;

namespace Clv.Models.Kernels;

/// <summary>
/// Natural logarithm and exponential written once for every vector width (<see cref="ISimdDouble{TSelf}"/>), fully
/// inlined. The BCL's <c>Vector512.Log/Exp</c> are not inlined, so every call spills the live vector registers to a
/// stack that is only 16-byte aligned and, at random process stack alignments, runs 3–4x slower
/// (shared/notes/simd-floor.md); these stay in registers and are stable.
/// </summary>
/// <remarks>
/// <para><b>Log</b> (positive finite normal x): x = m·2^e with m folded into [√½, √2), then
/// ln m = 2·atanh(s) = 2s·Σ_{k=0}^{9} s^(2k)/(2k+1), s = (m−1)/(m+1), |s| ≤ 0.1716, so the first omitted term is below
/// 2^−56 of the sum (Muller, "Elementary Functions", 3rd ed., 2016, §11.3; m − 1 is exact by Sterbenz's lemma), and
/// ln x = e·ln2_hi + (e·ln2_lo + ln m) with a Cody–Waite split of ln 2.</para>
/// <para><b>Exp</b>: n = round(x·log2 e), r = x − n·ln2_hi − n·ln2_lo (Cody &amp; Waite 1980), |r| ≤ ln2/2, e^r by its
/// Taylor polynomial to degree 13 (remainder below 2^−58), then scaled by 2^⌊n/2⌋·2^(n−⌊n/2⌋) so that results from
/// the subnormal range (x ≥ −745.1, gradual underflow) up to the overflow threshold are right. x is clamped to
/// [−746, 710] first: below, 0 is returned (e^x &lt; 2^−1075); above, +∞.</para>
/// <para>Measured against <see cref="Math.Log(double)"/>/<see cref="Math.Exp"/> (VectorMathTests): at most 2 ulp.</para>
/// </remarks>
internal static class VectorMath
{
    internal const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFFUL;
    internal const ulong OneBits = 0x3FF0_0000_0000_0000UL;
    internal const ulong TwoTo52Bits = 0x4330_0000_0000_0000UL;
    internal const double TwoTo52 = 4503599627370496.0;

    private const double Sqrt2 = 1.4142135623730950488;
    private const double Ln2Hi = 0.693147180369123816490;   // ln 2 rounded to 32 significant bits (exact times any |e| < 2^21)
    private const double Ln2Lo = 1.90821492927058770002e-10; // ln 2 − Ln2Hi
    private const double Log2E = 1.44269504088896340736;

    /// <summary>ln x for positive finite normal lanes (see remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log<TV>(TV x) where TV : struct, ISimdDouble<TV>
    {
        TV m = TV.Frexp(x, out TV e);
        TV one = TV.Broadcast(1.0);
        TV fold = TV.GreaterThan(m, TV.Broadcast(Sqrt2));
        m = TV.Select(fold, m * TV.Broadcast(0.5), m);
        e = TV.Select(fold, e + one, e);
        TV s = (m - one) / (m + one);
        TV s2 = s * s;
        TV p = TV.Broadcast(1.0 / 19);
        p = TV.FusedMultiplyAdd(p, s2, TV.Broadcast(1.0 / 17));
        p = TV.FusedMultiplyAdd(p, s2, TV.Broadcast(1.0 / 15));
        p = TV.FusedMultiplyAdd(p, s2, TV.Broadcast(1.0 / 13));
        p = TV.FusedMultiplyAdd(p, s2, TV.Broadcast(1.0 / 11));
        p = TV.FusedMultiplyAdd(p, s2, TV.Broadcast(1.0 / 9));
        p = TV.FusedMultiplyAdd(p, s2, TV.Broadcast(1.0 / 7));
        p = TV.FusedMultiplyAdd(p, s2, TV.Broadcast(1.0 / 5));
        p = TV.FusedMultiplyAdd(p, s2, TV.Broadcast(1.0 / 3));
        // ln m = 2s + 2s·s²·p', with p' the series after its leading 1: keeps the leading term exact.
        TV twoS = s + s;
        TV lnM = TV.FusedMultiplyAdd(twoS * s2, p, twoS);
        return TV.FusedMultiplyAdd(e, TV.Broadcast(Ln2Hi), TV.FusedMultiplyAdd(e, TV.Broadcast(Ln2Lo), lnM));
    }

    /// <summary>e^x (see remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exp<TV>(TV x) where TV : struct, ISimdDouble<TV>
    {
        x = TV.Min(TV.Max(x, TV.Broadcast(-746.0)), TV.Broadcast(710.0));
        TV n = TV.Round(x * TV.Broadcast(Log2E));
        TV r = TV.FusedMultiplyAdd(n, TV.Broadcast(-Ln2Hi), x);
        r = TV.FusedMultiplyAdd(n, TV.Broadcast(-Ln2Lo), r);
        TV p = TV.Broadcast(1.0 / 6227020800.0);                 // 1/13!
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0 / 479001600.0)); // 1/12!
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0 / 39916800.0));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0 / 3628800.0));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0 / 362880.0));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0 / 40320.0));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0 / 5040.0));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0 / 720.0));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0 / 120.0));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0 / 24.0));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0 / 6.0));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(0.5));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0));
        p = TV.FusedMultiplyAdd(p, r, TV.Broadcast(1.0));
        TV half = TV.Round(n * TV.Broadcast(0.5) - TV.Broadcast(0.25)); // ⌊n/2⌋ for integer n
        return p * TV.PowerOfTwo(half) * TV.PowerOfTwo(n - half);
    }

    /// <summary>
    /// ln(1 + u) for u ≥ 0 with full relative accuracy at small u: ln(w)·u/(w − 1) with w = fl(1 + u), which cancels the rounding
    /// of 1 + u (Goldberg 1991, Theorem 4; the scalar <see cref="Special.Elementary.Log1p"/>); u itself where w = 1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log1p<TV>(TV u) where TV : struct, ISimdDouble<TV>
    {
        TV one = TV.Broadcast(1.0);
        TV w = one + u;
        return TV.Select(TV.GreaterThan(w, one), TV.Log(w) * u / (w - one), u);
    }

    /// <summary>e^x − 1 for |x| ≤ 1/2 by its Taylor polynomial to degree 16 (remainder below 2^−65 relative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Expm1Small<TV>(TV x) where TV : struct, ISimdDouble<TV>
    {
        // x · Σ_{k=0}^{15} x^k/(k+1)!
        TV p = TV.Broadcast(1.0 / 20922789888000.0); // 1/16!
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 1307674368000.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 87178291200.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 6227020800.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 479001600.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 39916800.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 3628800.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 362880.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 40320.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 5040.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 720.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 120.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 24.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0 / 6.0));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(0.5));
        p = TV.FusedMultiplyAdd(p, x, TV.Broadcast(1.0));
        return x * p;
    }
}
