namespace Clv.Models.BgBb;

/// <summary>
/// Parameters of the BG/BB model (Fader, Hardie &amp; Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual
/// Setting", Marketing Science 29(6) 1086–1108, section 2): while alive a customer transacts at each discrete opportunity
/// with probability p ~ Beta(α, β); at the start of each opportunity an alive customer becomes inactive with probability
/// θ ~ Beta(γ, δ).
/// </summary>
/// <param name="Alpha">Beta parameter α &gt; 0 of the transaction probability p.</param>
/// <param name="Beta">Beta parameter β &gt; 0 of the transaction probability p.</param>
/// <param name="Gamma">Beta parameter γ &gt; 0 of the dropout probability θ.</param>
/// <param name="Delta">Beta parameter δ &gt; 0 of the dropout probability θ.</param>
public readonly record struct BgBbParameters(double Alpha, double Beta, double Gamma, double Delta)
{
    /// <summary>Names in the order of <see cref="ToArray"/>: alpha, beta, gamma, delta.</summary>
    public static IReadOnlyList<string> Names { get; } = ["alpha", "beta", "gamma", "delta"];

    /// <summary>The parameters as (alpha, beta, gamma, delta).</summary>
    public double[] ToArray() => [Alpha, Beta, Gamma, Delta];

    /// <summary>Parameters from (alpha, beta, gamma, delta).</summary>
    public static BgBbParameters FromSpan(ReadOnlySpan<double> values)
    {
        if (values.Length != 4) throw new ArgumentException("BG/BB has 4 parameters (alpha, beta, gamma, delta).", nameof(values));
        return new BgBbParameters(values[0], values[1], values[2], values[3]);
    }

    /// <summary>Throws unless every parameter is finite and strictly positive.</summary>
    public void Validate()
    {
        if (!(Positive(Alpha) && Positive(Beta) && Positive(Gamma) && Positive(Delta)))
            throw new ArgumentOutOfRangeException(nameof(BgBbParameters), this, "BG/BB parameters alpha, beta, gamma, delta must be finite and > 0.");
    }

    private static bool Positive(double v) => double.IsFinite(v) && v > 0;
}
