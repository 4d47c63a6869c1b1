namespace Clv.Models.Data;

/// <summary>
/// How <see cref="TransactionLogSimulator"/> lays simulated customers out in calendar time: first purchases spread evenly
/// over the acquisition window (customer i of N on day ⌊i·A/N⌋ after <see cref="Start"/>), every customer observed until
/// the last day of the log, Start + <see cref="ObservationDays"/> − 1 (the calibration end of its summary).
/// </summary>
public sealed record LogSimulationOptions
{
    /// <summary>Number of customers, ≥ 1.</summary>
    public required int Customers { get; init; }

    /// <summary>Seed: the same options and model give the same log, byte for byte.</summary>
    public int Seed { get; init; }

    /// <summary>The first day of the log.</summary>
    public DateOnly Start { get; init; } = new(2025, 1, 1);

    /// <summary>Number of days over which first purchases are spread (CDNOW: 12 weeks), 1 ≤ A ≤ <see cref="ObservationDays"/>.</summary>
    public int AcquisitionDays { get; init; } = 84;

    /// <summary>Number of days the log covers (CDNOW's calibration: 39 weeks).</summary>
    public int ObservationDays { get; init; } = 273;

    /// <summary>Days per model time unit (7 for parameters estimated in weeks).</summary>
    public double TimeUnitDays { get; init; } = 7;

    /// <summary>
    /// A spend model, or null for a log without amounts. When set, every transaction gets an amount drawn from the Gamma-Gamma
    /// story (ν ~ Gamma(q, γ) per customer, each amount ~ Gamma(p, ν)), rounded to cents, in a third column <c>amount</c>,
    /// and the summary gets <c>monetary_value</c> (the mean repeat-day amount, as the summariser computes it).
    /// </summary>
    public GammaGamma.GammaGammaParameters? Spend { get; init; }

    /// <summary>The last day of the log: the calibration end of the simulated customers' summary.</summary>
    public DateOnly End => Start.AddDays(ObservationDays - 1);

    internal void Validate()
    {
        if (Customers < 1) throw new ArgumentOutOfRangeException(nameof(Customers), Customers, "must be >= 1");
        if (ObservationDays < 1) throw new ArgumentOutOfRangeException(nameof(ObservationDays), ObservationDays, "must be >= 1");
        if (AcquisitionDays < 1 || AcquisitionDays > ObservationDays)
            throw new ArgumentOutOfRangeException(nameof(AcquisitionDays), AcquisitionDays, $"must be in 1..{ObservationDays} (the observation days)");
        if (!(TimeUnitDays > 0 && double.IsFinite(TimeUnitDays))) throw new ArgumentOutOfRangeException(nameof(TimeUnitDays), TimeUnitDays, "must be finite and > 0");
        Spend?.Validate();
        if (Start.DayNumber + (long)ObservationDays > DateOnly.MaxValue.DayNumber) throw new ArgumentOutOfRangeException(nameof(ObservationDays), ObservationDays, "the log would end after 9999-12-31");
    }
}
