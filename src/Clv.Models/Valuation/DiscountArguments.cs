namespace Clv.Models.Valuation;

/// <summary>Argument checks shared by the discounted-expected-transactions formulas.</summary>
internal static class DiscountArguments
{
    /// <summary>
    /// Throws unless <c>x ≥ 0</c> and <c>T ≥ 0</c> are finite, the discount rate δ is finite and ≥ 0, and the horizon H is &gt; 0
    /// (finite or +∞).
    /// </summary>
    public static void Validate(double x, double T, double discountRate, double horizon)
    {
        if (!(double.IsFinite(x) && x >= 0))
            throw new ArgumentOutOfRangeException(nameof(x), x, "frequency x must be finite and >= 0.");
        if (!(double.IsFinite(T) && T >= 0))
            throw new ArgumentOutOfRangeException(nameof(T), T, "age T must be finite and >= 0.");
        if (!(double.IsFinite(discountRate) && discountRate >= 0))
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, "discount rate must be finite and >= 0 (a continuous rate per time unit).");
        if (!(horizon > 0))
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "horizon must be > 0 (or +infinity).");
    }
}
