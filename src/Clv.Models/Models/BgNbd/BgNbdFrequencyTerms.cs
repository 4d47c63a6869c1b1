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
/// <para>The same table serves the MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007), where the customer may also die at
/// time 0, right after the first purchase: a customer alive at T has then survived k = x + 1 dropout coin flips instead of
/// k = x, so only the beta part changes: ln B(a, b+k) − ln B(a, b) = −Σ_{j&lt;k} ln(1 + a/(b+j)) (and its a, b derivatives
/// summed to k), and the log-ratio ln[B(a+1, b+k−1)/B(a, b+k)] = ln a − ln(b+k−1) exists for every k &gt; 0, i.e. for x = 0
/// too. <see cref="InitialFlips"/> is 0 for BG/NBD and 1 for MBG/NBD.</para>
/// </remarks>
internal readonly struct BgNbdFrequencyTerms
{
    public readonly double[] A;
    public readonly double[] DAdr;
    public readonly double[] DAda;
    public readonly double[] DAdb;
    public readonly double[] LogRatio;

    /// <summary>Dropout coin flips before the first repeat purchase: 0 (BG/NBD) or 1 (MBG/NBD, a flip at time 0).</summary>
    public readonly int InitialFlips;

    /// <summary>Whether a customer with <paramref name="x"/> repeat purchases may have died (the likelihood's second term).</summary>
    public bool HasDropoutTerm(int x) => x + InitialFlips > 0;

    /// <summary>b + k − 1 with k = x + <see cref="InitialFlips"/> flips: the denominator of the second term's log-ratio.</summary>
    public double DropoutDenominator(double b, int x) => (x - 1 + InitialFlips) + b;

    private BgNbdFrequencyTerms(int segments, int initialFlips)
    {
        InitialFlips = initialFlips;
        A = new double[segments];
        DAdr = new double[segments];
        DAda = new double[segments];
        DAdb = new double[segments];
        LogRatio = new double[segments];
    }

    /// <summary>Terms for each distinct frequency in <paramref name="frequencies"/> (ascending).</summary>
    public static BgNbdFrequencyTerms Build(in BgNbdParameters p, ReadOnlySpan<int> frequencies, int initialFlips = 0)
    {
        var terms = new BgNbdFrequencyTerms(frequencies.Length, initialFlips);
        double a = p.A, b = p.B, r = p.R, lnAlpha = Math.Log(p.Alpha), lnA = Math.Log(a);
        double sum = 0, dr = 0, da = 0, db = 0;
        int j = 0, flip = 0;
        for (int k = 0; k < frequencies.Length; k++)
        {
            int x = frequencies[k];
            for (; j < x; j++)
            {
                sum += Math.Log(r + j);
                dr += 1.0 / (r + j);
            }
            for (; flip < x + initialFlips; flip++)
            {
                double bj = b + flip, abj = a + b + flip;
                sum -= Log1p(a / bj);
                da -= 1.0 / abj;
                db += a / abj / bj; // not a/(bj·abj): that product leaves the double range for a, b beyond ~1e±154
            }
            terms.A[k] = sum - x * lnAlpha;
            terms.DAdr[k] = dr;
            terms.DAda[k] = da;
            terms.DAdb[k] = db;
            terms.LogRatio[k] = terms.HasDropoutTerm(x) ? lnA - Math.Log(terms.DropoutDenominator(b, x)) : double.NaN;
        }
        return terms;
    }

    /// <summary>Terms for a single frequency (the per-customer reference path).</summary>
    public static BgNbdFrequencyTerms Build(in BgNbdParameters p, int x, int initialFlips = 0) => Build(p, [x], initialFlips);

    /// <summary>Used by kernels that need the segment layout only to size the table.</summary>
    public static BgNbdFrequencyTerms Build(in BgNbdParameters p, FrequencySegments data, int initialFlips = 0) => Build(p, data.Frequencies, initialFlips);
}
