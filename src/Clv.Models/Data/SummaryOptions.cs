using System.Globalization;

namespace Clv.Models.Data;

/// <summary>
/// How to turn a transaction log into a recency/frequency summary: the time unit and the calibration
/// (and optional holdout) window.
/// </summary>
public sealed record SummaryOptions
{
    /// <summary>Length of one time unit in days: 7 = weeks (the default), 1 = days; any positive number.</summary>
    public double TimeUnitDays { get; init; } = 7;

    /// <summary>
    /// Last day (inclusive) of the calibration window, or null for the date of the last transaction in the log.
    /// </summary>
    public DateOnly? CalibrationEnd { get; init; }

    /// <summary>
    /// Last day (inclusive) of the holdout window (CalibrationEnd, ObservationEnd], or null for no holdout.
    /// Requires <see cref="CalibrationEnd"/>; enables the holdout columns of the summary.
    /// </summary>
    public DateOnly? ObservationEnd { get; init; }

    /// <summary>
    /// Parses a time unit: <c>days</c>/<c>day</c>/<c>d</c> = 1, <c>weeks</c>/<c>week</c>/<c>w</c> = 7, or a positive
    /// number of days such as <c>30.4375</c> (invariant culture).
    /// </summary>
    /// <exception cref="ArgumentException">The text is neither a known unit nor a positive finite number.</exception>
    public static double ParseTimeUnit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        switch (t.ToUpperInvariant())
        {
            case "DAYS" or "DAY" or "D": return 1;
            case "WEEKS" or "WEEK" or "W": return 7;
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double days) && double.IsFinite(days) && days > 0)
            return days;
        throw new ArgumentException($"Unknown time unit '{text}': expected 'days', 'weeks' or a positive number of days.", nameof(text));
    }

    /// <summary>Throws unless the options are consistent (positive time unit, ObservationEnd after CalibrationEnd).</summary>
    /// <param name="source">The input being summarised, named in the error.</param>
    /// <exception cref="ClvDataException">The options are inconsistent.</exception>
    internal void Validate(string? source)
    {
        if (!double.IsFinite(TimeUnitDays) || TimeUnitDays <= 0)
            throw new ClvDataException(source, null, null, $"TimeUnitDays must be a positive number of days but is {SummaryValidation.Show(TimeUnitDays)}");
        if (ObservationEnd is { } obs)
        {
            if (CalibrationEnd is not { } cal)
                throw new ClvDataException(source, null, null, $"ObservationEnd {obs:yyyy-MM-dd} requires CalibrationEnd to be set");
            if (obs <= cal)
                throw new ClvDataException(source, null, null, $"ObservationEnd {obs:yyyy-MM-dd} must be after CalibrationEnd {cal:yyyy-MM-dd}");
        }
    }
}
