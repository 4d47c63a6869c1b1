namespace Clv.Models.ParetoNbd;

/// <summary>
/// Parameters of the Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987, "Counting Your Customers: Who
/// Are They and What Will They Do Next?", Management Science 33(1); Fader &amp; Hardie 2005, "A Note on Deriving
/// the Pareto/NBD Model and Related Expressions"): while alive a customer buys as a Poisson process with rate
/// λ ~ Gamma(r, α); the lifetime is exponential with rate μ ~ Gamma(s, β).
/// </summary>
/// <param name="R">Shape r &gt; 0 of the purchase-rate gamma distribution.</param>
/// <param name="Alpha">Rate α &gt; 0 of the purchase-rate gamma distribution.</param>
/// <param name="S">Shape s &gt; 0 of the dropout-rate gamma distribution.</param>
/// <param name="Beta">Rate β &gt; 0 of the dropout-rate gamma distribution.</param>
public readonly partial record struct ParetoNbdParameters(double R, double Alpha, double S, double Beta) : IPurchaseModel
{
    /// <inheritdoc/>
    public string ModelName => FittedParetoNbd.ModelName;

    /// <summary>Names in the order of <see cref="ToArray"/>: r, alpha, s, beta.</summary>
    public static IReadOnlyList<string> Names { get; } = ["r", "alpha", "s", "beta"];

    /// <summary>The parameters as (r, alpha, s, beta).</summary>
    public double[] ToArray() => [R, Alpha, S, Beta];

    /// <summary>Parameters from (r, alpha, s, beta).</summary>
    public static ParetoNbdParameters FromSpan(ReadOnlySpan<double> values)
    {
        if (values.Length != 4) throw new ArgumentException("Pareto/NBD has 4 parameters (r, alpha, s, beta).", nameof(values));
        return new ParetoNbdParameters(values[0], values[1], values[2], values[3]);
    }

    /// <summary>Throws unless every parameter is finite and strictly positive.</summary>
    public void Validate()
    {
        if (!(double.IsFinite(R) && R > 0 && double.IsFinite(Alpha) && Alpha > 0 && double.IsFinite(S) && S > 0 && double.IsFinite(Beta) && Beta > 0))
            throw new ArgumentOutOfRangeException(nameof(ParetoNbdParameters), this, "Pareto/NBD parameters r, alpha, s, beta must be finite and > 0.");
    }
}
