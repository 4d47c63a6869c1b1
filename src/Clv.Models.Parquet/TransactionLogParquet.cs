using Clv.Models.Data;
using Clv.Models.Diagnostics;

namespace Clv.Models.Parquet;

/// <summary>
/// Reads a transaction log (one purchase per row) from a Parquet file, as <see cref="Summarizer"/> and
/// <see cref="RepeatTransactionLog"/> read one from CSV: the same definitions, windows, sorted/exact modes and errors; only
/// the rows come from the file's row groups. Columns (named by <see cref="TransactionLogOptions"/>, exactly or else ignoring
/// case): the customer id a STRING or INT32/INT64; the date a DATE, a TIMESTAMP of any unit (the calendar date of the value
/// as stored, no time-zone conversion), a STRING parsed with <see cref="TransactionLogOptions.DateFormat"/> as in a CSV, or
/// INT32/INT64 <c>yyyyMMdd</c> numbers when the format is <c>yyyyMMdd</c>; the optional amount a DOUBLE, FLOAT, DECIMAL or
/// INT32/INT64. Nullable columns are read, but a null value is an error. <see cref="TransactionLogOptions.Delimiter"/> does not apply.
/// </summary>
public static class TransactionLogParquet
{
    /// <summary>Summarises the transaction log in a Parquet file (see <see cref="Summarizer.Summarize(string, TransactionLogOptions?, SummaryOptions?)"/>).</summary>
    /// <param name="path">The Parquet file.</param>
    /// <param name="log">Columns and date format of the log; null for the defaults.</param>
    /// <param name="options">Time unit and windows; null for the defaults (weeks, calibration to the last date).</param>
    /// <exception cref="ClvDataException">
    /// The file is missing or not Parquet, a column is missing or of an unsupported type, a value is null or invalid (the
    /// message names the 1-based data row across row groups), or the options are invalid.
    /// </exception>
    public static SummaryResult Summarize(string path, TransactionLogOptions? log = null, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        log ??= new TransactionLogOptions();
        return Summarizer.Summarize(path, options, () => ParquetTransactionRows.Open(path, log), canReadAgain: true);
    }

    /// <summary>Reads what the tracking diagnostic needs from a Parquet log (see <see cref="RepeatTransactionLog.Read(string, TransactionLogOptions?, SummaryOptions?)"/>).</summary>
    /// <param name="path">The Parquet file.</param>
    /// <param name="log">Columns and date format; the amount column is not used. Null for the defaults.</param>
    /// <param name="options">Time unit and windows; null for the defaults.</param>
    /// <exception cref="ClvDataException">The file, a column, a value or the options are invalid.</exception>
    public static RepeatTransactionLog ReadRepeatTransactions(string path, TransactionLogOptions? log = null, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        log = (log ?? new TransactionLogOptions()) with { AmountColumn = null };
        return RepeatTransactionLog.Read(path, options, () => ParquetTransactionRows.Open(path, log));
    }
}
