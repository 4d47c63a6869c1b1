using Clv.Models.Data;

namespace Clv.Models.Diagnostics;

/// <summary>
/// What the tracking diagnostic needs from a transaction log: the cohorts (how many customers made their first purchase on
/// each day) and the repeat transactions per period, both counted as <see cref="Summarizer"/> counts them (purchases on the
/// same day count once; customers whose first purchase is after the calibration end are left out).
/// </summary>
/// <remarks>
/// Periods are <see cref="TimeUnitDays"/> long and start at <see cref="Origin"/>, the first date in the log: period k
/// (1-based) holds the days d with (k − 1)·u ≤ d − origin &lt; k·u. The first <see cref="CalibrationPeriods"/> periods
/// cover the calibration window (the last one may extend past its end when the window is not a whole number of periods).
/// </remarks>
public sealed record RepeatTransactionLog
{
    internal RepeatTransactionLog(DateOnly origin, double timeUnitDays, int calibrationPeriods, int lastDay, int[] cohortDays, int[] cohortSizes, long[] repeatTransactions)
    {
        Origin = origin;
        LastDay = lastDay;
        TimeUnitDays = timeUnitDays;
        CalibrationPeriods = calibrationPeriods;
        CohortDays = cohortDays;
        CohortSizes = cohortSizes;
        RepeatTransactions = repeatTransactions;
    }

    /// <summary>First date of the log: the start of period 1.</summary>
    public DateOnly Origin { get; }

    /// <summary>Length of one period (the time unit) in days.</summary>
    public double TimeUnitDays { get; }

    /// <summary>Number of periods of the calibration window.</summary>
    public int CalibrationPeriods { get; }

    /// <summary>Days after <see cref="Origin"/> of the last day of the window (the observation end, else the calibration end).</summary>
    public int LastDay { get; }

    /// <summary>Number of periods of the whole window (calibration and holdout).</summary>
    public int Periods => RepeatTransactions.Count;

    /// <summary>Days after <see cref="Origin"/> of the cohorts' first purchase, ascending.</summary>
    public IReadOnlyList<int> CohortDays { get; }

    /// <summary>Number of customers of each cohort.</summary>
    public IReadOnlyList<int> CohortSizes { get; }

    /// <summary>Repeat transactions (distinct customer-days after each customer's first) in each period 1, …, <see cref="Periods"/>.</summary>
    public IReadOnlyList<long> RepeatTransactions { get; }

    /// <summary>Number of customers (those with a first purchase in the calibration window).</summary>
    public int Customers => CohortSizes.Sum();

    /// <summary>Reads a transaction log CSV file.</summary>
    /// <param name="path">The CSV file, with a header line.</param>
    /// <param name="log">Columns and formats, as for <see cref="Summarizer"/>; null for the defaults.</param>
    /// <param name="options">Time unit and windows, as for <see cref="Summarizer"/>; null for the defaults.</param>
    /// <exception cref="ClvDataException">The file is missing, or a row or the options are invalid.</exception>
    public static RepeatTransactionLog Read(string path, TransactionLogOptions? log = null, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        log = (log ?? new TransactionLogOptions()) with { AmountColumn = null };
        return Read(path, options, () => CsvTransactionRows.OpenFile(path, log));
    }

    /// <summary>Reads a transaction log from a stream (UTF-8 CSV with a header line, any row order). The stream is left open.</summary>
    /// <param name="stream">The CSV input.</param>
    /// <param name="sourceName">Name of the input in error messages.</param>
    /// <param name="log">Columns and formats; null for the defaults.</param>
    /// <param name="options">Time unit and windows; null for the defaults.</param>
    /// <exception cref="ClvDataException">A row or the options are invalid (calendar-period opportunities included).</exception>
    public static RepeatTransactionLog Read(Stream stream, string sourceName, TransactionLogOptions? log = null, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        log = (log ?? new TransactionLogOptions()) with { AmountColumn = null };
        return Read(sourceName, options, () => new CsvTransactionRows(stream, sourceName, log, ownsStream: false));
    }

    /// <summary>Reads a log in any format (one pass, any row order); the amount column, if the pass reads one, is not used.</summary>
    /// <param name="source">Name of the input in error messages.</param>
    /// <param name="options">Time unit and windows; null for the defaults.</param>
    /// <param name="open">Starts the pass over the log.</param>
    internal static RepeatTransactionLog Read(string source, SummaryOptions? options, Func<TransactionRows> open)
    {
        options ??= new SummaryOptions();
        options.Validate(source);
        if (options.Opportunities != CalendarPeriod.None)
            throw new ClvDataException(source, null, null, $"tracking counts transactions in periods of TimeUnitDays days; calendar {options.Opportunities} opportunities (the BG/BB input) are not supported");
        var log = new CustomerDays();
        using (TransactionRows rows = open())
        {
            rows.ReadAll(log);
            if (log.Days.Count == 0) throw rows.NoRows();
            if (options.CalibrationEnd is { } cal && cal.DayNumber < log.FirstDay) throw rows.CalibrationBeforeFirst(log.FirstPosition, cal, log.FirstDay);
        }

        var (customerDays, firstDay, lastDay) = (log.Days, log.FirstDay, log.LastDay);
        int calibrationEnd = options.CalibrationEnd?.DayNumber ?? lastDay;
        int windowEnd = options.ObservationEnd?.DayNumber ?? calibrationEnd;
        double u = options.TimeUnitDays;

        var first = new Dictionary<int, int>();
        foreach (long key in customerDays)
        {
            int c = (int)(key >> 32), day = (int)key;
            first[c] = first.TryGetValue(c, out int f) ? Math.Min(f, day) : day;
        }

        int calibrationPeriods = PeriodOf(calibrationEnd - firstDay, u);
        var repeats = new long[PeriodOf(windowEnd - firstDay, u)];
        foreach (long key in customerDays)
        {
            int c = (int)(key >> 32), day = (int)key, f = first[c];
            if (f <= calibrationEnd && day > f && day <= windowEnd) repeats[PeriodOf(day - firstDay, u) - 1]++;
        }

        var cohorts = first.Values.Where(f => f <= calibrationEnd).GroupBy(f => f - firstDay).OrderBy(g => g.Key).ToArray();
        return new RepeatTransactionLog(DateOnly.FromDayNumber(firstDay), u, calibrationPeriods, windowEnd - firstDay,
            [.. cohorts.Select(g => g.Key)], [.. cohorts.Select(g => g.Count())], repeats);
    }

    /// <summary>The 1-based period holding the day <paramref name="daysAfterOrigin"/> days after the origin.</summary>
    internal static int PeriodOf(int daysAfterOrigin, double timeUnitDays) => (int)Math.Floor(daysAfterOrigin / timeUnitDays) + 1;

    /// <summary>The distinct (customer, day) pairs of a log, keyed customer &lt;&lt; 32 | day, and its first and last day.</summary>
    private sealed class CustomerDays : ITransactionSink
    {
        private readonly Utf8IdTable _ids = new();

        public HashSet<long> Days { get; } = [];

        public int FirstDay { get; private set; } = int.MaxValue;

        public int LastDay { get; private set; } = int.MinValue;

        public long FirstPosition { get; private set; }

        public bool Add(ReadOnlySpan<byte> id, int day, double amount, long position)
        {
            Days.Add(((long)_ids.GetOrAdd(id) << 32) | (uint)day);
            if (day < FirstDay) (FirstDay, FirstPosition) = (day, position);
            LastDay = Math.Max(LastDay, day);
            return true;
        }
    }
}
