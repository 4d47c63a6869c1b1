namespace Clv.Models.Data;

/// <summary>
/// How to read a transaction log (one purchase per line): which columns hold the customer, the date and,
/// optionally, the amount, how dates are written and which character separates fields.
/// </summary>
/// <remarks>
/// Only the calendar date of a date-time value is used: the time of day and any time-zone offset are ignored
/// (no conversion between zones is made; the date is taken as written).
/// Header names are matched exactly first, then ignoring case and surrounding whitespace.
/// </remarks>
public sealed record TransactionLogOptions
{
    /// <summary>Header name of the customer identifier column. Default <c>customer_id</c>.</summary>
    public string CustomerColumn { get; init; } = "customer_id";

    /// <summary>Header name of the purchase date column. Default <c>date</c>.</summary>
    public string DateColumn { get; init; } = "date";

    /// <summary>Header name of the purchase amount column, or null to summarise without monetary values.</summary>
    public string? AmountColumn { get; init; }

    /// <summary>
    /// Exact .NET date format of the date column (e.g. <c>yyyyMMdd</c>, <c>dd/MM/yyyy</c>), or null for
    /// ISO-8601: <c>yyyy-MM-dd</c>, <c>yyyy-MM-ddTHH:mm:ss[.fff][Z|±hh:mm]</c> or <c>yyyy-MM-dd HH:mm:ss</c>.
    /// Only the date part is used.
    /// </summary>
    public string? DateFormat { get; init; }

    /// <summary>Field separator, an ASCII character. Default <c>,</c>.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// Receives a <see cref="SummaryProgress"/> every <see cref="ProgressInterval"/> rows and once at the end of the log, on the
    /// reading thread, from <see cref="Summarizer"/> and <see cref="Diagnostics.RepeatTransactionLog"/> (null, the default, reports
    /// nothing). For progress displays: the result does not depend on it.
    /// </summary>
    public IProgress<SummaryProgress>? Progress { get; init; }

    /// <summary>Rows between two <see cref="Progress"/> reports.</summary>
    public const int ProgressInterval = 1 << 16;
}
