using System.Globalization;

namespace Clv.Models.Data;

/// <summary>Receives the transactions of one pass over a log, in the order of the file.</summary>
internal interface ITransactionSink
{
    /// <summary>One checked transaction: UTF-8 customer id, day number, amount (0 without an amount column) and its position; false stops the pass.</summary>
    bool Add(ReadOnlySpan<byte> id, int day, double amount, long position);
}

/// <summary>
/// One pass over a transaction log in some file format (CSV: <see cref="CsvTransactionRows"/>; Parquet: in Clv.Models.Parquet).
/// The format resolves its columns, turns each row into (customer id, day number, amount) and hands it to <see cref="Emit"/>,
/// which applies the checks every format shares and counts progress. A position is the format's own row locator (the
/// CSV line, the Parquet data row); <see cref="Error"/> turns it into the format's error.
/// </summary>
internal abstract class TransactionRows : IDisposable
{
    private static readonly byte[] Blank = " \t\r\n"u8.ToArray();
    private readonly LogReadProgress _progress;

    /// <summary>Starts a pass that reports its rows to <paramref name="progress"/> (with <see cref="Fraction"/>) when not null.</summary>
    protected TransactionRows(string source, IProgress<SummaryProgress>? progress)
    {
        Source = source;
        _progress = new LogReadProgress(progress, () => Fraction);
    }

    /// <summary>Name of the input in error messages.</summary>
    public string Source { get; }

    /// <summary>The customer id column, as the file names it.</summary>
    public abstract string CustomerColumn { get; }

    /// <summary>The date column, as the file names it.</summary>
    public abstract string DateColumn { get; }

    /// <summary>The amount column, as the file names it; null when the log is read without amounts.</summary>
    public abstract string? AmountColumn { get; }

    /// <summary>Hands every row to <paramref name="sink"/> in order; false when the sink stopped the pass.</summary>
    public bool ReadAll(ITransactionSink sink)
    {
        if (!Read(sink)) return false;
        _progress.End();
        return true;
    }

    /// <summary>The error of the row at <paramref name="position"/>, naming the input, the row as the format counts it and the column.</summary>
    public abstract ClvDataException Error(long position, string column, string problem);

    /// <summary>The error for a log without data rows.</summary>
    public abstract ClvDataException NoRows();

    /// <summary>The error for a calibration end before the log's first transaction (at <paramref name="position"/>).</summary>
    public ClvDataException CalibrationBeforeFirst(long position, DateOnly calibrationEnd, int firstDay) =>
        Error(position, DateColumn, $"CalibrationEnd {calibrationEnd:yyyy-MM-dd} is before the first transaction ({DateOnly.FromDayNumber(firstDay):yyyy-MM-dd}); expected a date on or after it");

    /// <summary>The share of the input read so far, for progress reports; NaN when unknown.</summary>
    protected virtual double Fraction => double.NaN;

    /// <summary>Releases the input of the pass.</summary>
    public abstract void Dispose();

    /// <summary>Reads the rows, passing each to <see cref="Emit"/>; false as soon as it returns false.</summary>
    protected abstract bool Read(ITransactionSink sink);

    /// <summary>Checks one row (a non-blank id, a finite amount &gt;= 0) and hands it to the sink.</summary>
    protected bool Emit(ITransactionSink sink, ReadOnlySpan<byte> id, int day, double amount, long position)
    {
        _progress.Row();
        if (id.Trim(Blank).IsEmpty) throw Error(position, CustomerColumn, "empty customer id; expected a non-empty identifier");
        if (!double.IsFinite(amount) || amount < 0)
            throw Error(position, AmountColumn!, $"expected a finite number >= 0 but got '{amount.ToString("R", CultureInfo.InvariantCulture)}'");
        return sink.Add(id, day, amount, position);
    }
}
