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
        return Summarize(path, options, () => CsvTransactionRows.OpenFile(path, log), canReadAgain: true);
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
        long start = stream.CanSeek ? stream.Position : 0;
        bool first = true;
        return Summarize(sourceName, options, () =>
        {
            if (!first) stream.Position = start;
            first = false;
            return new CsvTransactionRows(stream, sourceName, log, ownsStream: false);
        }, stream.CanSeek);
    }

    /// <summary>
    /// Summarises a log in any format: one pass in the sorted mode and, when it meets an out-of-order purchase, a second
    /// pass in the exact mode (or the unsorted error when the input cannot be read again).
    /// </summary>
    /// <param name="source">Name of the input in error messages.</param>
    /// <param name="options">Time unit and windows; null for the defaults.</param>
    /// <param name="open">Starts a pass over the log from its first row.</param>
    /// <param name="canReadAgain">Whether <paramref name="open"/> may be called a second time.</param>
    internal static SummaryResult Summarize(string source, SummaryOptions? options, Func<TransactionRows> open, bool canReadAgain)
    {
        options ??= new SummaryOptions();
        options.Validate(source);
        var pass = new TransactionLogPass(options, exact: false);
        using (TransactionRows rows = open())
        {
            if (pass.Run(rows)) return pass.Finish();
        }

        if (!canReadAgain) throw pass.UnsortedError!;
        var exact = new TransactionLogPass(options, exact: true);
        using (TransactionRows rows = open()) exact.Run(rows);
        return exact.Finish();
    }
}
