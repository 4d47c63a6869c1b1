using System.Globalization;
using System.Text;
using CsvHelper;

namespace Clv.Models.Data;

/// <summary>A pass over a CSV transaction log: the header resolved on opening, then one row per line (positions are line numbers).</summary>
internal sealed class CsvTransactionRows : TransactionRows
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly long _length;
    private readonly CsvReader _reader;
    private readonly DateFieldParser _dates;
    private readonly int _ci, _di, _ai;

    /// <summary>Opens the log at the stream's position and reads its header; the stream is disposed with this pass when <paramref name="ownsStream"/>.</summary>
    public CsvTransactionRows(Stream stream, string source, TransactionLogOptions log, bool ownsStream)
        : base(source, log.Progress)
    {
        _stream = stream;
        _length = log.Progress is not null && stream.CanSeek ? stream.Length : -1;
        _ownsStream = ownsStream;
        _reader = CsvInput.Open(stream, log.Delimiter, leaveOpen: true);
        string expected = log.AmountColumn is null ? $"'{log.CustomerColumn}', '{log.DateColumn}'" : $"'{log.CustomerColumn}', '{log.DateColumn}', '{log.AmountColumn}'";
        string[] headers = CsvInput.ReadHeader(_reader, source, expected);
        _ci = Require(headers, log.CustomerColumn);
        _di = Require(headers, log.DateColumn);
        _ai = log.AmountColumn is null ? -1 : Require(headers, log.AmountColumn);
        CustomerColumn = headers[_ci];
        DateColumn = headers[_di];
        AmountColumn = _ai >= 0 ? headers[_ai] : null;
        _dates = new DateFieldParser(log.DateFormat);
    }

    /// <summary>Opens a CSV file for one pass.</summary>
    public static CsvTransactionRows OpenFile(string path, TransactionLogOptions log) => new(CsvInput.OpenFile(path), path, log, ownsStream: true);

    public override string CustomerColumn { get; }

    public override string DateColumn { get; }

    public override string? AmountColumn { get; }

    public override ClvDataException Error(long position, string column, string problem) => new(Source, position, column, problem);

    public override ClvDataException NoRows() => new(Source, 2, CustomerColumn, "no data rows: expected at least one transaction after the header");

    public override void Dispose()
    {
        _reader.Dispose();
        if (_ownsStream) _stream.Dispose();
    }

    protected override bool Read(ITransactionSink sink)
    {
        while (_reader.Read())
        {
            long line = _reader.LineNumber;
            ReadOnlySpan<byte> dateField = _reader.GetSpan(_di);
            if (!_dates.TryParse(dateField, out int day)) throw Error(line, DateColumn, _dates.Problem(Encoding.UTF8.GetString(dateField)));
            double amount = 0;
            if (_ai >= 0)
            {
                ReadOnlySpan<byte> amountField = _reader.GetSpan(_ai);
                if (!double.TryParse(amountField, NumberStyles.Float, CultureInfo.InvariantCulture, out amount))
                    throw Error(line, AmountColumn!, $"expected a finite number >= 0 but got '{Encoding.UTF8.GetString(amountField)}'");
            }

            if (!Emit(sink, _reader.GetSpan(_ci), day, amount, line)) return false;
        }

        return true;
    }

    /// <summary>The share of a seekable stream read (the position runs ahead of the parser by a buffer).</summary>
    protected override double Fraction => _length > 0 ? Math.Min(1, (double)_stream.Position / _length) : double.NaN;

    private int Require(string[] headers, string name)
    {
        int i = CsvInput.Find(headers, name);
        return i >= 0 ? i : throw CsvInput.Missing(Source, name, headers);
    }
}
