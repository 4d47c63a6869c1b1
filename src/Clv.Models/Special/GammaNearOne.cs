namespace Clv.Models.Special;

/// <summary>
/// <c>ln Γ(1+a)</c> and <c>(Γ(1+a) − 1)/a</c> for <c>−½ ≤ a &lt; 1</c> with full relative accuracy, including a → 0 where
/// <c>Γ(1+a) − 1 ≈ −γa</c> and the naive difference keeps only absolute accuracy (the quantity Temme calls Γ₁, N. M. Temme 1994,
/// "A set of algorithms for the incomplete gamma functions", Probab. Eng. Inf. Sci. 8, 291–307; DiDonato &amp; Morris 1986,
/// ACM TOMS 12(4) 377–393, function GAM1).
/// </summary>
/// <remarks>
/// Series: <c>ln Γ(1+a) = −ln(1+a) + (1−γ)a + Σ_{k≥2} (−1)ᵏ (ζ(k)−1) aᵏ/k</c> (DLMF 5.7.3 with ln(1+a) = Σ (−1)^(k+1) aᵏ/k
/// subtracted), whose terms shrink like (a/2)ᵏ: 64 terms reach 1e-19 at a = 0.99. The constants ζ(k) − 1 are computed once by
/// Euler–Maclaurin summation (DLMF 2.10.1, 25.2.9) from n = 10 with six Bernoulli corrections (error &lt; 1e-30).
/// </remarks>
internal static class GammaNearOne
{
    /// <summary>Euler's constant γ (DLMF 5.2.3).</summary>
    public const double EulerGamma = 0.57721566490153286060651209008;

    private const int Terms = 64;

    /// <summary>ζ(k) − 1 for k = 0..Terms (entries 0 and 1 unused).</summary>
    private static readonly double[] ZetaMinusOne = BuildZetaMinusOne();

    private static double[] BuildZetaMinusOne()
    {
        // B_{2j}/(2j)! for j = 1..6 (DLMF 24.2.1 table).
        double[] bernoulli = [1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600, 1.0 / 47900160, -691.0 / 1307674368000];
        const int N = 10;
        var z = new double[Terms + 1];
        for (int k = 2; k <= Terms; k++)
        {
            // Euler–Maclaurin: Σ_{n≥N} n^-k = N^(1-k)/(k-1) + N^-k/2 + Σ_j B_{2j}/(2j)! (k)_{2j-1} N^(-k-2j+1).
            double nk = Math.Pow(N, -k);
            double tail = N * nk / (k - 1) + 0.5 * nk;
            double rising = k, power = nk / N; // (k)_1, N^(-k-1)
            for (int j = 0; j < bernoulli.Length; j++)
            {
                tail += bernoulli[j] * rising * power;
                rising *= (k + 2 * j + 1.0) * (k + 2 * j + 2.0);
                power /= N * N;
            }
            double head = 0;
            for (int n = N - 1; n >= 2; n--) head += Math.Pow(n, -k);
            z[k] = head + tail;
        }
        return z;
    }

    /// <summary><c>ln Γ(1+a)</c> for <c>−½ ≤ a &lt; 1</c> (series in the remarks).</summary>
    public static double LogGammaOnePlus(double a)
    {
        double sum = 0, power = -a;
        for (int k = 2; k <= Terms; k++)
        {
            power *= -a; // (-a)^k
            double term = power * ZetaMinusOne[k] / k;
            sum += term;
            if (Math.Abs(term) < 1e-19 * Math.Abs(sum)) break;
        }
        return sum + (1 - EulerGamma) * a - Elementary.Log1p(a);
    }

    /// <summary>Γ₁(a) = <c>(Γ(1+a) − 1)/a</c> for <c>−½ ≤ a &lt; 1</c>; Γ₁(0) = −γ.</summary>
    public static double Gam1(double a)
        => a == 0 ? -EulerGamma : Elementary.Expm1(LogGammaOnePlus(a)) / a;
}
