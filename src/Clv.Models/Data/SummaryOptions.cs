using System.Globalization;

namespace Clv.Models.Data;

/// <summary>
/// How to turn a transaction log into a recency/frequency summary: the time unit and the calibration
/// (and optional holdout) window.
/// </summary>
public sealed record SummaryOptions
{
    /// <summary>Length of one time unit in days: 7 = weeks (the default), 1 = days; any positive number. Not used with <see cref="Opportunities"/>.</summary>
    public double TimeUnitDays { get; init; } = 7;

    /// <summary>
    /// Whole calendar periods as discrete transaction opportunities (the BG/BB model's input), or
    /// <see cref="CalendarPeriod.None"/> (the default) for continuous time in <see cref="TimeUnitDays"/>. With a period, purchases
    /// in the same period count once, frequency x = periods with a purchase after the first one, recency t_x = last purchase
    /// period − first, T = n = calibration's last period − first, and duration_holdout = the number of holdout periods; the
    /// window ends (<see cref="CalibrationEnd"/>, <see cref="ObservationEnd"/>) must be last days of a period, and without
    /// <see cref="CalibrationEnd"/> the calibration runs to the end of the period of the last transaction.
    /// </summary>
    public CalendarPeriod Opportunities { get; init; }

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

    /// <summary>
    /// Parses a calendar period for <see cref="Opportunities"/>: <c>years</c>/<c>year</c>/<c>y</c>, <c>quarters</c>/<c>quarter</c>/<c>q</c>,
    /// <c>months</c>/<c>month</c>/<c>m</c>; <see cref="CalendarPeriod.None"/> for anything else (a continuous unit, see <see cref="ParseTimeUnit"/>).
    /// </summary>
    public static CalendarPeriod ParseCalendarPeriod(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToUpperInvariant() switch
        {
            "YEARS" or "YEAR" or "Y" => CalendarPeriod.Years,
            "QUARTERS" or "QUARTER" or "Q" => CalendarPeriod.Quarters,
            "MONTHS" or "MONTH" or "M" => CalendarPeriod.Months,
            _ => CalendarPeriod.None,
        };
    }

    /// <summary>The summariser's time axis: the day number itself, or the index of its calendar period (consecutive periods differ by 1).</summary>
    internal int TimeIndex(int dayNumber)
    {
        if (Opportunities == CalendarPeriod.None) return dayNumber;
        var date = DateOnly.FromDayNumber(dayNumber);
        return Opportunities switch
        {
            CalendarPeriod.Years => date.Year,
            CalendarPeriod.Quarters => date.Year * 4 + (date.Month - 1) / 3,
            _ => date.Year * 12 + date.Month - 1,
        };
    }

    /// <summary>Length of one unit of <see cref="TimeIndex"/> in the output: <see cref="TimeUnitDays"/>, or 1 period.</summary>
    internal double IndexUnit => Opportunities == CalendarPeriod.None ? TimeUnitDays : 1;

    /// <summary>Throws unless the options are consistent (positive time unit, ObservationEnd after CalibrationEnd).</summary>
    /// <param name="source">The input being summarised, named in the error.</param>
    /// <exception cref="ClvDataException">The options are inconsistent.</exception>
    internal void Validate(string? source)
    {
        if (!double.IsFinite(TimeUnitDays) || TimeUnitDays <= 0)
            throw new ClvDataException(source, null, null, $"TimeUnitDays must be a positive number of days but is {SummaryValidation.Show(TimeUnitDays)}");
        if (!Enum.IsDefined(Opportunities))
            throw new ClvDataException(source, null, null, $"Opportunities must be a calendar period but is {Opportunities}");
        if (Opportunities != CalendarPeriod.None)
        {
            foreach (var (name, end) in new[] { ("CalibrationEnd", CalibrationEnd), ("ObservationEnd", ObservationEnd) })
                if (end is { } e && TimeIndex(e.DayNumber + 1) == TimeIndex(e.DayNumber))
                    throw new ClvDataException(source, null, null, $"{name} {e:yyyy-MM-dd} must be the last day of a period: opportunities are whole {Opportunities.ToString().ToLowerInvariant()}");
        }
        if (ObservationEnd is { } obs)
        {
            if (CalibrationEnd is not { } cal)
                throw new ClvDataException(source, null, null, $"ObservationEnd {obs:yyyy-MM-dd} requires CalibrationEnd to be set");
            if (obs <= cal)
                throw new ClvDataException(source, null, null, $"ObservationEnd {obs:yyyy-MM-dd} must be after CalibrationEnd {cal:yyyy-MM-dd}");
        }
    }
}

/// <summary>Calendar periods used as discrete transaction opportunities (see <see cref="SummaryOptions.Opportunities"/>).</summary>
public enum CalendarPeriod
{
    /// <summary>Continuous time in days (no periods).</summary>
    None = 0,

    /// <summary>Calendar months.</summary>
    Months,

    /// <summary>Calendar quarters (January–March, …).</summary>
    Quarters,

    /// <summary>Calendar years.</summary>
    Years,
}
