using Clv.Models.Kernels;
using static Clv.Models.Special.Elementary;

namespace Clv.Models.BgNbd;

/// <summary>
/// The parts of the BG/NBD log-likelihood that depend only on the frequency x (and the parameters), built once
/// per evaluation for every distinct x by recurrences, so no gamma or digamma function is evaluated per row.
/// </summary>
/// <remarks>
/// With A(x) = ln Γ(r+x) − ln Γ(r) + ln B(a, b+x) − ln B(a, b) − x ln α (Fader, Hardie &amp; Lee 2005, eq. 6, the
/// factors common to both terms, with r ln α moved into the per-row term, see <see cref="BgNbdLikelihood"/>):
/// <code>
///   A(x) = Σ_{j&lt;x} [ ln(r+j) − ln(1 + a/(b+j)) ] − x ln α
///   ∂A/∂r = Σ_{j&lt;x} 1/(r+j),   ∂A/∂a = −Σ_{j&lt;x} 1/(a+b+j),   ∂A/∂b = Σ_{j&lt;x} a/((b+j)(a+b+j)),   ∂A/∂α = −x/α
/// </code>
/// and, for x &gt; 0, the log-ratio of the two terms' prefactors ln[B(a+1, b+x−1)/B(a, b+x)] = ln a − ln(b+x−1).
/// </remarks>
internal readonly struct BgNbdFrequencyTerms
{
    public readonly double[] A;
    public readonly double[] DAdr;
    public readonly double[] DAda;
    public readonly double[] DAdb;
    public readonly double[] LogRatio;

    private BgNbdFrequencyTerms(int segments)
    {
        A = new double[segments];
        DAdr = new double[segments];
        DAda = new double[segments];
        DAdb = new double[segments];
        LogRatio = new double[segments];
    }

    /// <summary>Terms for each distinct frequency in <paramref name="frequencies"/> (ascending).</summary>
    public static BgNbdFrequencyTerms Build(in BgNbdParameters p, ReadOnlySpan<int> frequencies)
    {
        var terms = new BgNbdFrequencyTerms(frequencies.Length);
        double a = p.A, b = p.B, r = p.R, lnAlpha = Math.Log(p.Alpha), lnA = Math.Log(a);
        double sum = 0, dr = 0, da = 0, db = 0;
        int j = 0;
        for (int k = 0; k < frequencies.Length; k++)
        {
            int x = frequencies[k];
            for (; j < x; j++)
            {
                double bj = b + j, abj = a + b + j;
                sum += Math.Log(r + j) - Log1p(a / bj);
                dr += 1.0 / (r + j);
                da -= 1.0 / abj;
                db += a / (bj * abj);
            }
            terms.A[k] = sum - x * lnAlpha;
            terms.DAdr[k] = dr;
            terms.DAda[k] = da;
            terms.DAdb[k] = db;
            terms.LogRatio[k] = x > 0 ? lnA - Math.Log(b + x - 1) : double.NaN;
        }
        return terms;
    }

    /// <summary>Terms for a single frequency (the per-customer reference path).</summary>
    public static BgNbdFrequencyTerms Build(in BgNbdParameters p, int x) => Build(p, [x]);

    /// <summary>Used by kernels that need the segment layout only to size the table.</summary>
    public static BgNbdFrequencyTerms Build(in BgNbdParameters p, FrequencySegments data) => Build(p, data.Frequencies);
}
