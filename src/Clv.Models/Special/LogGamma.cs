using MathNet.Numerics;

namespace Clv.Models.Special;

/// <summary>
/// Logarithms of gamma-function ratios that stay accurate when the arguments are large, where the naive
/// difference of <c>ln Γ</c> values (each of size ~ x ln x) would leave only absolute accuracy.
/// </summary>
internal static class LogGamma
{
    /// <summary>
    /// Stirling correction <c>δ(x) = ln Γ(x) − [(x − ½) ln x − x + ln √(2π)]</c> for <c>x ≥ 10</c>, from the asymptotic
    /// series δ(x) = Σ B₂ₖ / (2k(2k−1) x^(2k−1)) (DLMF 5.11.1), truncated after eight terms: absolute error &lt; 1e-17 for x ≥ 10.
    /// </summary>
    public static double StirlingCorrection(double x)
    {
        double ix = 1.0 / x, ix2 = ix * ix;
        // Coefficients B_{2k} / (2k(2k-1)), k = 1..8.
        double s = 3617.0 / 122400.0;
        s = s * ix2 - 1.0 / 156.0;
        s = s * ix2 + 691.0 / 360360.0;
        s = s * ix2 - 1.0 / 1188.0;
        s = s * ix2 + 1.0 / 1680.0;
        s = s * ix2 - 1.0 / 1260.0;
        s = s * ix2 + 1.0 / 360.0;
        s = s * ix2 - 1.0 / 12.0;
        return -s * ix;
    }

    /// <summary>
    /// <c>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b)</c> for <c>a, b &gt; 0</c>. When an argument is ≥ 10 the Stirling terms are
    /// combined analytically (the algorithm of R's <c>lbeta</c>, after DiDonato &amp; Morris 1992, ACM TOMS 18(3) 360–373,
    /// Algorithm 708), so the result has relative, not merely absolute, accuracy.
    /// </summary>
    public static double LogBeta(double a, double b)
    {
        double p = Math.Min(a, b), q = Math.Max(a, b);
        if (p >= 10)
        {
            double corr = StirlingCorrection(p) + StirlingCorrection(q) - StirlingCorrection(p + q);
            return -0.5 * Math.Log(q) + Elementary.LnSqrt2Pi + corr + (p - 0.5) * Math.Log(p / (p + q)) + q * Elementary.Log1p(-p / (p + q));
        }
        if (q >= 10)
        {
            double corr = StirlingCorrection(q) - StirlingCorrection(p + q);
            return SpecialFunctions.GammaLn(p) + corr + p - p * Math.Log(p + q) + (q - 0.5) * Elementary.Log1p(-p / (p + q));
        }
        return SpecialFunctions.GammaLn(p) + SpecialFunctions.GammaLn(q) - SpecialFunctions.GammaLn(p + q);
    }

    /// <summary>
    /// <c>ln[(x)ₙ] = ln Γ(x+n) − ln Γ(x)</c>, the log of the rising factorial (Pochhammer symbol, DLMF 5.2.5) for
    /// <c>x &gt; 0</c>, <c>n ≥ 0</c>: a sum of logarithms for n ≤ 64, otherwise <c>ln Γ(n) − ln B(x, n)</c>.
    /// </summary>
    public static double LogRising(double x, int n)
    {
        if (n <= 64)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += Math.Log(x + j);
            return s;
        }
        return SpecialFunctions.GammaLn(n) - LogBeta(x, n);
    }

    /// <summary>
    /// <c>ln[(b)ₙ / (a+b)ₙ] = ln B(a, b+n) − ln B(a, b)</c> (DLMF 5.12.1 with 5.2.5) for <c>a, b &gt; 0</c>, <c>n ≥ 0</c>,
    /// for n ≤ 64 as <c>Σ_{j&lt;n} ln((b+j)/(a+b+j))</c>, each term as <c>log1p(−a/(a+b+j))</c> when the ratio is above ½ and as the
    /// log of the ratio otherwise (no cancellation either way); for larger n as a difference of <see cref="LogBeta"/>.
    /// </summary>
    public static double LogRisingRatio(double a, double b, int n)
    {
        if (n <= 64)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                double d = a + b + j;
                s += 2 * a < d ? Elementary.Log1p(-a / d) : Math.Log((b + j) / d);
            }
            return s;
        }
        return LogBeta(a, b + n) - LogBeta(a, b);
    }
}
