namespace Clv.Models.GammaGamma;

/// <summary>Spend predictions of the Gamma-Gamma model.</summary>
public static class GammaGammaSpend
{
    /// <summary>
    /// Expected mean transaction value of a customer with x repeat transactions of mean value m_x
    /// (Fader &amp; Hardie 2013, eq. 5; FHL 2005 JMR eq. 5):
    /// E[M | p, q, γ; m_x, x] = p(γ + x·m_x)/(px + q − 1)
    ///   = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · m_x,
    /// a weighted mean of the population mean and the customer's own mean. For x = 0 it is the population mean
    /// pγ/(q−1). Requires px + q &gt; 1 (for x = 0, q &gt; 1); otherwise the expectation is infinite.
    /// </summary>
    public static double ConditionalExpectedAverageSpend(in GammaGammaParameters p, double x, double mx)
    {
        double den = p.P * x + p.Q - 1;
        if (!(den > 0)) return double.PositiveInfinity;
        return x == 0 ? p.P * p.Gamma / den : p.P * (p.Gamma + x * mx) / den;
    }

    /// <summary>E[M | x, m_x] per customer into <paramref name="result"/>.</summary>
    public static void ConditionalExpectedAverageSpend(in GammaGammaParameters p, ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, Span<double> result)
    {
        CheckLengths(frequency.Length, monetaryValue.Length, result.Length);
        for (int i = 0; i < frequency.Length; i++) result[i] = ConditionalExpectedAverageSpend(p, frequency[i], monetaryValue[i]);
    }

    /// <summary>
    /// Per-customer log-likelihood ln f(m_x | p, q, γ; x) of a repeat customer's mean spend (x ≥ 1, m_x &gt; 0;
    /// Fader &amp; Hardie 2013, eq. 3; see <see cref="FittedGammaGamma.LogLikelihoods"/>).
    /// </summary>
    public static void LogLikelihoods(in GammaGammaParameters p, ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, Span<double> result)
    {
        CheckLengths(frequency.Length, monetaryValue.Length, result.Length);
        for (int i = 0; i < frequency.Length; i++) result[i] = GammaGammaLikelihood.LogLikelihood(p, frequency[i], monetaryValue[i]);
    }

    internal static void CheckLengths(int x, int m, int result)
    {
        if (x != m || x != result) throw new ArgumentException($"frequency, monetary value and result must have the same length (got {x}, {m}, {result})");
    }
}
