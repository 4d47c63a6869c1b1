namespace Clv.Models.Data;

/// <summary>
/// Turns a transaction log (one purchase per line) into a per-customer recency/frequency(/monetary) summary,
/// with the definitions of R BTYD and Python lifetimes.
/// </summary>
/// <remarks>
/// <para>
/// Purchases on the same calendar day count once (their amounts are summed). With d = day numbers and u =
/// <see cref="SummaryOptions.TimeUnitDays"/>: x = distinct purchase days after the first within calibration,
/// t_x = (last day − first day)/u, T = (CalibrationEnd − first day)/u, monetary value = mean per-day amount over the
/// repeat days (0 when x = 0); frequency_holdout = distinct purchase days in (CalibrationEnd, ObservationEnd],
/// monetary_value_holdout = their mean per-day amount (0 when none), duration_holdout = (ObservationEnd −
/// CalibrationEnd)/u.
/// </para>
/// <para>
/// With <see cref="SummaryOptions.Opportunities"/> (discrete opportunities, the BG/BB input) the same definitions apply to
/// calendar-period indices instead of days, with u = 1: purchases in the same period count once, and x, t_x, T (= n) and
/// the holdout columns are numbers of periods.
/// </para>
/// <para>
/// The log is streamed once with memory proportional to the number of customers, assuming the purchases of each
/// customer appear in date order (customers may interleave). When a purchase is earlier than one already seen for its
/// customer, a file (or a seekable stream) is read again in an exact mode whose memory is proportional to the number
/// of distinct (customer, day) pairs; a non-seekable stream is rejected with a <see cref="ClvDataException"/>.
/// </para>
/// </remarks>
public static class Summarizer
{
    /// <summary>Summarises the transaction log in a CSV file.</summary>
    /// <param name="path">The CSV file, with a header line.</param>
    /// <param name="log">Columns and formats of the log; null for the defaults.</param>
    /// <param name="options">Time unit and windows; null for the defaults (weeks, calibration to the last date).</param>
    /// <exception cref="ClvDataException">The file is missing or its content or the options are invalid.</exception>
    public static SummaryResult Summarize(string path, TransactionLogOptions? log = null, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        log ??= new TransactionLogOptions();
        options ??= new SummaryOptions();
        options.Validate(path);
        using (FileStream first = CsvInput.OpenFile(path))
        {
            var pass = new TransactionLogPass(path, log, options, exact: false);
            if (pass.Run(first)) return pass.Finish();
        }

        using FileStream again = CsvInput.OpenFile(path);
        var exact = new TransactionLogPass(path, log, options, exact: true);
        exact.Run(again);
        return exact.Finish();
    }

    /// <summary>Summarises a transaction log read from a stream (UTF-8 CSV with a header line). The stream is left open.</summary>
    /// <param name="stream">The CSV input, read from its current position.</param>
    /// <param name="sourceName">Name of the input used in error messages (e.g. a file name).</param>
    /// <param name="log">Columns and formats of the log; null for the defaults.</param>
    /// <param name="options">Time unit and windows; null for the defaults.</param>
    /// <exception cref="ClvDataException">
    /// The content or the options are invalid, or the log is not sorted by date per customer and the stream cannot seek.
    /// </exception>
    public static SummaryResult Summarize(Stream stream, string sourceName, TransactionLogOptions? log = null, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        log ??= new TransactionLogOptions();
        options ??= new SummaryOptions();
        options.Validate(sourceName);
        long start = stream.CanSeek ? stream.Position : 0;
        var pass = new TransactionLogPass(sourceName, log, options, exact: false);
        if (pass.Run(stream)) return pass.Finish();
        if (!stream.CanSeek) throw pass.UnsortedError!;

        stream.Position = start;
        var exact = new TransactionLogPass(sourceName, log, options, exact: true);
        exact.Run(stream);
        return exact.Finish();
    }
}
