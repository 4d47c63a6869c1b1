using System.Globalization;
using System.Text;
using Clv.Models.Data;
using Parquet;
using Parquet.Schema;

namespace Clv.Models.Parquet;

/// <summary>
/// A pass over a transaction log in a Parquet file, row group by row group, feeding the summariser's accumulation with
/// (customer id, day, amount) per row. Positions are 1-based data rows across the row groups. Column types: the id a
/// STRING or INT32/INT64 (written in invariant form, as a CSV holds it); the date a DATE, a TIMESTAMP (any unit) or INT96,
/// a STRING parsed as the CSV's (<see cref="TransactionLogOptions.DateFormat"/>), or INT32/INT64 <c>yyyyMMdd</c> values when
/// the format is <c>yyyyMMdd</c>; the amount a DOUBLE, FLOAT, DECIMAL or INT32/INT64. A null value is an error.
/// </summary>
internal sealed class ParquetTransactionRows : TransactionRows
{
    private const string IdTypes = "STRING (UTF-8) or INT32/INT64";
    private const string DateTypes = "DATE, TIMESTAMP or STRING (or INT32/INT64 yyyyMMdd with the date format yyyyMMdd)";
    private const string AmountTypes = "DOUBLE, FLOAT, DECIMAL or INT32/INT64";
    // Parquet.Net 6 reads a UTF-8 column as ReadOnlyMemory<char> (slices of one buffer, no string per value).
    private static readonly Type[] IdClr = [typeof(ReadOnlyMemory<char>), typeof(int), typeof(long)];
    // and every DATE, TIMESTAMP and INT96 column as DateTime (its DateTimeOffset support was dropped).
    private static readonly Type[] DateClr = [typeof(DateTime), typeof(ReadOnlyMemory<char>), typeof(int), typeof(long)];
    private static readonly Type[] AmountClr = [typeof(double), typeof(float), typeof(decimal), typeof(int), typeof(long)];

    private readonly ParquetColumns _file;
    private readonly DataField _id, _date;
    private readonly DataField? _amount;
    private readonly DateFieldParser _dates;
    private readonly long _total;
    private long _offset; // rows of the row groups already read
    private byte[] _utf8 = new byte[64];

    private ParquetTransactionRows(ParquetColumns file, TransactionLogOptions log)
        : base(file.Source, log.Progress)
    {
        _file = file;
        _dates = new DateFieldParser(log.DateFormat);
        _id = Require(log.CustomerColumn, IdTypes, IdClr, "the customer identifier");
        _date = Require(log.DateColumn, DateTypes, DateClr, "the purchase date");
        if ((_date.ClrType == typeof(int) || _date.ClrType == typeof(long)) && !_dates.IsCompact)
            throw new ClvDataException(Source, null, _date.Name,
                $"the column holds {_date.ClrType.Name} values: integer dates are read as yyyyMMdd (e.g. 19970101) only with the date format yyyyMMdd (--date-format yyyyMMdd); the format is {_dates.Description}");
        _amount = log.AmountColumn is null ? null : Require(log.AmountColumn, AmountTypes, AmountClr, "the purchase amount");
        for (int g = 0; g < file.Reader.RowGroupCount; g++)
        {
            using var group = file.Reader.OpenRowGroupReader(g);
            _total += group.RowCount;
        }
    }

    /// <summary>Opens the file for one pass and resolves its columns.</summary>
    /// <exception cref="ClvDataException">The file is missing or not Parquet, a column is missing or of an unsupported type.</exception>
    public static ParquetTransactionRows Open(string path, TransactionLogOptions log)
    {
        var file = ParquetColumns.Open(path);
        try
        {
            return new ParquetTransactionRows(file, log);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public override string CustomerColumn => _id.Name;

    public override string DateColumn => _date.Name;

    public override string? AmountColumn => _amount?.Name;

    protected override double Fraction => _total > 0 ? (double)_offset / _total : double.NaN;

    public override ClvDataException Error(long position, string column, string problem) =>
        new(Source, null, column, $"row {position} of the file: {problem}");

    public override ClvDataException NoRows() => new(Source, null, CustomerColumn, "no data rows: expected at least one transaction");

    public override void Dispose() => _file.Dispose();

    protected override bool Read(ITransactionSink sink)
    {
        for (int g = 0; g < _file.Reader.RowGroupCount; g++)
        {
            using var group = _file.Reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            int[] days = Days(group, n, g);
            double[]? amounts = _amount is null ? null : Amounts(_amount, group, n, g);
            Type idType = _id.ClrType;
            if (idType == typeof(long) || idType == typeof(int))
            {
                long[] ids = idType == typeof(long) ? Values<long>(group, _id, n, g, "a customer identifier") : Widen(Values<int>(group, _id, n, g, "a customer identifier"));
                for (int r = 0; r < n; r++)
                {
                    ids[r].TryFormat(_utf8, out int length, default, CultureInfo.InvariantCulture);
                    if (!Emit(sink, _utf8.AsSpan(0, length), days[r], amounts?[r] ?? 0, _offset + r + 1)) return false;
                }
            }
            else
            {
                ReadOnlyMemory<char>[] ids = Strings(group, _id, n, g, "a customer identifier");
                for (int r = 0; r < n; r++)
                {
                    if (!Emit(sink, Utf8(ids[r].Span), days[r], amounts?[r] ?? 0, _offset + r + 1)) return false;
                }
            }

            _offset += n;
        }

        return true;
    }

    /// <summary>The day numbers of a row group's dates.</summary>
    private int[] Days(ParquetRowGroupReader group, int n, int g)
    {
        const string expected = "a purchase date";
        var days = new int[n];
        Type type = _date.ClrType;
        if (type == typeof(DateTime))
        {
            DateTime[] v = Values<DateTime>(group, _date, n, g, expected);
            for (int r = 0; r < n; r++) days[r] = DateOnly.FromDateTime(v[r]).DayNumber;
        }
        else if (type == typeof(int) || type == typeof(long))
        {
            long[] v = type == typeof(long) ? Values<long>(group, _date, n, g, expected) : Widen(Values<int>(group, _date, n, g, expected));
            for (int r = 0; r < n; r++)
            {
                if (!_dates.TryParseNumber(v[r], out days[r]))
                    throw Error(_offset + r + 1, DateColumn, _dates.Problem(v[r].ToString(CultureInfo.InvariantCulture)));
            }
        }
        else
        {
            ReadOnlyMemory<char>[] v = Strings(group, _date, n, g, expected);
            ReadOnlyMemory<char> previous = default;
            int previousDay = 0;
            for (int r = 0; r < n; r++)
            {
                // A log in date order repeats each date over many rows: parse only when it changes.
                if (r > 0 && v[r].Span.SequenceEqual(previous.Span))
                {
                    days[r] = previousDay;
                    continue;
                }

                if (!_dates.TryParse(Utf8(v[r].Span), out days[r])) throw Error(_offset + r + 1, DateColumn, _dates.Problem(v[r].ToString()));
                (previous, previousDay) = (v[r], days[r]);
            }
        }

        return days;
    }

    /// <summary>A row group's amounts as doubles.</summary>
    private double[] Amounts(DataField field, ParquetRowGroupReader group, int n, int g)
    {
        const string expected = "a purchase amount";
        Type type = field.ClrType;
        if (type == typeof(double)) return Values<double>(group, field, n, g, expected);
        var amounts = new double[n];
        if (type == typeof(float)) Convert(Values<float>(group, field, n, g, expected), amounts, v => v);
        else if (type == typeof(decimal)) Convert(Values<decimal>(group, field, n, g, expected), amounts, v => (double)v);
        else if (type == typeof(long)) Convert(Values<long>(group, field, n, g, expected), amounts, v => v);
        else Convert(Values<int>(group, field, n, g, expected), amounts, v => v);
        return amounts;
    }

    private static void Convert<T>(T[] values, double[] into, Func<T, double> convert)
    {
        for (int r = 0; r < values.Length; r++) into[r] = convert(values[r]);
    }

    private static long[] Widen(int[] values) => Array.ConvertAll(values, v => (long)v);

    /// <summary>A row group's values of a column; a null is an error naming the row.</summary>
    private T[] Values<T>(ParquetRowGroupReader group, DataField field, int n, int g, string expected)
        where T : struct
    {
        var values = new T[n];
        if (field.IsNullable)
        {
            var buffer = new T?[n];
            group.ReadAsync<T>(field, buffer.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (int r = 0; r < n; r++) values[r] = buffer[r] ?? throw _file.Null(field.Name, g, r, _offset, expected);
        }
        else
        {
            group.ReadAsync<T>(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
        }

        return values;
    }

    /// <summary>A row group's strings, as slices of Parquet.Net's buffer (no string per value); a null is an error naming the row.</summary>
    private ReadOnlyMemory<char>[] Strings(ParquetRowGroupReader group, DataField field, int n, int g, string expected) =>
        Values<ReadOnlyMemory<char>>(group, field, n, g, expected);

    /// <summary>The UTF-8 bytes of a string, in a buffer reused for the next call.</summary>
    private ReadOnlySpan<byte> Utf8(ReadOnlySpan<char> s)
    {
        int max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (max > _utf8.Length) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        return _utf8.AsSpan(0, Encoding.UTF8.GetBytes(s, _utf8));
    }

    private DataField Require(string name, string typeName, Type[] types, string expected)
    {
        DataField field = _file.Find(name) ?? throw _file.Missing(name, typeName, expected);
        if (Array.IndexOf(types, field.ClrType) < 0 || field.MaxRepetitionLevel > 0) throw _file.WrongType(field, typeName);
        return field;
    }
}
