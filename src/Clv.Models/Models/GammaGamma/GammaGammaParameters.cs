namespace Clv.Models.GammaGamma;

/// <summary>
/// Parameters of the Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using Iso-Value
/// Curves for Customer Base Analysis", JMR 42(4), section 4; Fader &amp; Hardie 2013, "The Gamma-Gamma Model of
/// Monetary Value"): a customer's transaction values are Gamma(p, ν) with mean p/ν, and across customers
/// ν ~ Gamma(q, γ).
/// </summary>
/// <param name="P">Shape p &gt; 0 of the per-transaction spend distribution.</param>
/// <param name="Q">Shape q &gt; 0 of the distribution of ν across customers.</param>
/// <param name="Gamma">Scale γ &gt; 0 of the distribution of ν across customers (lifetimes calls it v).</param>
public readonly record struct GammaGammaParameters(double P, double Q, double Gamma)
{
    /// <summary>Names in the order of <see cref="ToArray"/>: p, q, gamma.</summary>
    public static IReadOnlyList<string> Names { get; } = ["p", "q", "gamma"];

    /// <summary>The parameters as (p, q, gamma).</summary>
    public double[] ToArray() => [P, Q, Gamma];

    /// <summary>Parameters from (p, q, gamma).</summary>
    public static GammaGammaParameters FromSpan(ReadOnlySpan<double> values)
    {
        if (values.Length != 3) throw new ArgumentException("Gamma-Gamma has 3 parameters (p, q, gamma).", nameof(values));
        return new GammaGammaParameters(values[0], values[1], values[2]);
    }

    /// <summary>
    /// Population mean spend per transaction E[Z] = pγ/(q − 1) (Fader &amp; Hardie 2013, eq. 4); infinite when
    /// q ≤ 1 (the mean does not exist).
    /// </summary>
    public double PopulationMeanSpend => Q > 1 ? P * Gamma / (Q - 1) : double.PositiveInfinity;

    /// <summary>Throws unless every parameter is finite and strictly positive.</summary>
    public void Validate()
    {
        if (!(double.IsFinite(P) && P > 0 && double.IsFinite(Q) && Q > 0 && double.IsFinite(Gamma) && Gamma > 0))
            throw new ArgumentOutOfRangeException(nameof(GammaGammaParameters), this, "Gamma-Gamma parameters p, q, gamma must be finite and > 0.");
    }
}
