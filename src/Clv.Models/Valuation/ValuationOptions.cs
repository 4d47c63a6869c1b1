namespace Clv.Models.Valuation;

/// <summary>
/// How customers are valued (see <see cref="CustomerValuation"/>). Times are in the summary's time unit: with weeks, a
/// 15 % annual rate is the continuous weekly rate δ = ln(1.15)/52 ≈ 0.00269 (<see cref="ContinuousRate"/>).
/// </summary>
public sealed record ValuationOptions
{
    /// <summary>Continuous discount rate δ ≥ 0 per time unit: a transaction at time t from now is worth e^(−δt).</summary>
    public required double DiscountRate { get; init; }

    /// <summary>Valuation horizon H &gt; 0 after T; +∞ (the default) values the whole residual lifetime (DERT).</summary>
    public double Horizon { get; init; } = double.PositiveInfinity;

    /// <summary>Margin per unit of spend (e.g. 0.3), multiplied into the value; 1 values revenue.</summary>
    public double Margin { get; init; } = 1;

    /// <summary>Horizon of the undiscounted expected-purchases column E[Y(t) | x, t_x, T]; null to use <see cref="Horizon"/> when it is finite, else none.</summary>
    public double? PurchaseHorizon { get; init; }

    /// <summary>Threads for the per-customer columns; null for one per processor.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// The continuous rate per time unit equivalent to an effective rate per period: ln(1 + <paramref name="ratePerPeriod"/>) /
    /// <paramref name="unitsPerPeriod"/> (e.g. 0.15 a year and 52 weeks a year).
    /// </summary>
    public static double ContinuousRate(double ratePerPeriod, double unitsPerPeriod)
    {
        if (!(ratePerPeriod > -1 && double.IsFinite(ratePerPeriod))) throw new ArgumentOutOfRangeException(nameof(ratePerPeriod), ratePerPeriod, "must be finite and > -1");
        if (!(unitsPerPeriod > 0 && double.IsFinite(unitsPerPeriod))) throw new ArgumentOutOfRangeException(nameof(unitsPerPeriod), unitsPerPeriod, "must be finite and > 0");
        return Math.Log(1 + ratePerPeriod) / unitsPerPeriod;
    }

    internal void Validate()
    {
        if (!(DiscountRate >= 0 && double.IsFinite(DiscountRate))) throw new ArgumentOutOfRangeException(nameof(DiscountRate), DiscountRate, "must be finite and >= 0");
        if (!(Horizon > 0)) throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, "must be > 0 (+infinity for the whole residual lifetime)");
        if (!(Margin >= 0 && double.IsFinite(Margin))) throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "must be finite and >= 0");
        if (MaxDegreeOfParallelism is { } m && m < 1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), m, "must be >= 1");
        if (PurchaseHorizon is { } h && !(h >= 0 && double.IsFinite(h))) throw new ArgumentOutOfRangeException(nameof(PurchaseHorizon), h, "must be finite and >= 0");
    }
}
