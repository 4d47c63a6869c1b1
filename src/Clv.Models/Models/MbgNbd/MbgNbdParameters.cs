using Clv.Models.BgNbd;

namespace Clv.Models.MbgNbd;

/// <summary>
/// Parameters of the MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007, "Empirical validation and comparison of models for
/// customer base analysis", International Journal of Research in Marketing 24(3) 201–209): while alive a customer buys as a
/// Poisson process with rate λ ~ Gamma(r, α) (shape r, rate α); right after every purchase — the first one at time 0
/// included — the customer dies with probability p ~ Beta(a, b).
/// </summary>
/// <param name="R">Shape r &gt; 0 of the purchase-rate gamma distribution.</param>
/// <param name="Alpha">Rate α &gt; 0 of the purchase-rate gamma distribution (in the summary's time unit).</param>
/// <param name="A">Beta parameter a &gt; 0 of the dropout probability.</param>
/// <param name="B">Beta parameter b &gt; 0 of the dropout probability.</param>
public readonly partial record struct MbgNbdParameters(double R, double Alpha, double A, double B) : IPurchaseModel
{
    /// <summary>
    /// Dropout flips before the first repeat purchase: the one at time 0, the only difference from BG/NBD (whose machinery, shared,
    /// takes this count; see <see cref="BgNbdFrequencyTerms"/>).
    /// </summary>
    internal const int InitialFlips = 1;

    /// <inheritdoc/>
    public string ModelName => FittedMbgNbd.ModelName;

    /// <summary>Names in the order of <see cref="ToArray"/>: r, alpha, a, b.</summary>
    public static IReadOnlyList<string> Names { get; } = ["r", "alpha", "a", "b"];

    /// <summary>The parameters as (r, alpha, a, b).</summary>
    public double[] ToArray() => [R, Alpha, A, B];

    /// <summary>Parameters from (r, alpha, a, b).</summary>
    public static MbgNbdParameters FromSpan(ReadOnlySpan<double> values)
    {
        if (values.Length != 4) throw new ArgumentException("MBG/NBD has 4 parameters (r, alpha, a, b).", nameof(values));
        return new MbgNbdParameters(values[0], values[1], values[2], values[3]);
    }

    /// <summary>Throws unless every parameter is finite and strictly positive.</summary>
    public void Validate()
    {
        if (!(double.IsFinite(R) && R > 0 && double.IsFinite(Alpha) && Alpha > 0 && double.IsFinite(A) && A > 0 && double.IsFinite(B) && B > 0))
            throw new ArgumentOutOfRangeException(nameof(MbgNbdParameters), this, "MBG/NBD parameters r, alpha, a, b must be finite and > 0.");
    }

    /// <summary>
    /// The same four numbers in the type the shared beta-geometric/NBD code takes, always together with
    /// <see cref="InitialFlips"/> = 1. Not an equivalent BG/NBD model.
    /// </summary>
    internal BgNbdParameters Shared => new(R, Alpha, A, B);
}
