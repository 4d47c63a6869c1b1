namespace Clv.Models.BgNbd;

/// <summary>
/// Parameters of the BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way",
/// Marketing Science 24(2)): while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α)
/// (shape r, rate α); after each purchase the customer dies with probability p ~ Beta(a, b).
/// </summary>
/// <param name="R">Shape r &gt; 0 of the purchase-rate gamma distribution.</param>
/// <param name="Alpha">Rate α &gt; 0 of the purchase-rate gamma distribution (in the summary's time unit).</param>
/// <param name="A">Beta parameter a &gt; 0 of the dropout probability.</param>
/// <param name="B">Beta parameter b &gt; 0 of the dropout probability.</param>
public readonly partial record struct BgNbdParameters(double R, double Alpha, double A, double B) : IPurchaseModel
{
    /// <inheritdoc/>
    public string ModelName => FittedBgNbd.ModelName;

    /// <summary>Names in the order of <see cref="ToArray"/>: r, alpha, a, b.</summary>
    public static IReadOnlyList<string> Names { get; } = ["r", "alpha", "a", "b"];

    /// <summary>The parameters as (r, alpha, a, b).</summary>
    public double[] ToArray() => [R, Alpha, A, B];

    /// <summary>Parameters from (r, alpha, a, b).</summary>
    public static BgNbdParameters FromSpan(ReadOnlySpan<double> values)
    {
        if (values.Length != 4) throw new ArgumentException("BG/NBD has 4 parameters (r, alpha, a, b).", nameof(values));
        return new BgNbdParameters(values[0], values[1], values[2], values[3]);
    }

    /// <summary>Throws unless every parameter is finite and strictly positive.</summary>
    public void Validate()
    {
        if (!(double.IsFinite(R) && R > 0 && double.IsFinite(Alpha) && Alpha > 0 && double.IsFinite(A) && A > 0 && double.IsFinite(B) && B > 0))
            throw new ArgumentOutOfRangeException(nameof(BgNbdParameters), this, "BG/NBD parameters r, alpha, a, b must be finite and > 0.");
    }
}
