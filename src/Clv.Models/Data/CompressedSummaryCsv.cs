using System.Globalization;
using System.Text;
using CsvHelper;

namespace Clv.Models.Data;

/// <summary>
/// Reads and writes a <see cref="CompressedSummary"/> as CSV: the purchase table <c>frequency,recency,T,count</c> in the file
/// given, and the spend table <c>frequency,monetary_value,count</c> (when there is one) beside it as <c>&lt;stem&gt;.spend&lt;ext&gt;</c>
/// (<see cref="SpendPath"/>). Written rows are sorted (by frequency, recency, T; by frequency, monetary_value) and distinct;
/// read rows may come in any order and may repeat (a table concatenated from shards): repeated rows are merged by adding
/// their counts. Numbers are written in round-trip format, counts as whole numbers.
/// </summary>
public static class CompressedSummaryCsv
{
    private static readonly string[] FrequencyAliases = ["frequency", "x", "frequency_cal"];
    private static readonly string[] RecencyAliases = ["recency", "t_x", "t.x", "recency_cal"];
    private static readonly string[] TAliases = ["T", "T.cal", "t_cal"];
    private static readonly string[] MonetaryAliases = ["monetary_value", "zbar", "m_x", "m.x"];
    private static readonly string[] CountAliases = ["count"];

    /// <summary>The spend table's file beside a purchase table: <c>dir/rfm.csv</c> → <c>dir/rfm.spend.csv</c>.</summary>
    public static string SpendPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string ext = Path.GetExtension(path);
        return path[..^ext.Length] + ".spend" + ext;
    }

    /// <summary>
    /// What a table with these column names holds: a <c>count</c> column (any case) marks a compressed table, the spend
    /// table when it also has no recency column; without one the rows are customers.
    /// </summary>
    public static SummaryTableKind Detect(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        bool Has(string[] aliases) => aliases.Any(a => headers.Any(h => string.Equals(h.Trim(), a, StringComparison.OrdinalIgnoreCase)));
        if (!Has(CountAliases)) return SummaryTableKind.Customers;
        return Has(RecencyAliases) ? SummaryTableKind.CompressedPurchases : SummaryTableKind.CompressedSpend;
    }

    /// <summary>What the CSV file holds, from its header (see <see cref="Detect(IReadOnlyList{string})"/>).</summary>
    /// <exception cref="ClvDataException">The file is missing or empty.</exception>
    public static SummaryTableKind Detect(string path, char delimiter = ',')
    {
        using FileStream stream = CsvInput.OpenFile(path);
        using CsvReader reader = CsvInput.Open(stream, delimiter, leaveOpen: true);
        return Detect(CsvInput.ReadHeader(reader, path, "frequency, recency, T[, count]"));
    }

    /// <summary>Reads a compressed summary: the purchase table at <paramref name="path"/> and, when it exists, the spend table at <see cref="SpendPath"/>.</summary>
    /// <exception cref="ClvDataException">The file is missing, a column is missing or a value is invalid.</exception>
    public static CompressedSummary Read(string path, char delimiter = ',')
    {
        string spendPath = SpendPath(path);
        CompressedSpend? spend = File.Exists(spendPath) ? ReadSpend(spendPath, delimiter) : null;
        using FileStream stream = CsvInput.OpenFile(path);
        return Read(stream, path, spend, delimiter);
    }

    /// <summary>Reads a purchase table <c>frequency,recency,T,count</c> from a stream (UTF-8, header required); the stream is left open.</summary>
    /// <param name="stream">The CSV input.</param>
    /// <param name="sourceName">Name of the input used in error messages.</param>
    /// <param name="spend">The spend table to attach, or null.</param>
    /// <param name="delimiter">Field separator.</param>
    /// <exception cref="ClvDataException">A column is missing or a value is invalid.</exception>
    public static CompressedSummary Read(Stream stream, string sourceName, CompressedSpend? spend = null, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using CsvReader reader = CsvInput.Open(stream, delimiter, leaveOpen: true);
        string[] headers = CsvInput.ReadHeader(reader, sourceName, "frequency, recency, T, count");
        int fi = CsvInput.Column(headers, null, FrequencyAliases, true, sourceName);
        int ri = CsvInput.Column(headers, null, RecencyAliases, true, sourceName);
        int ti = CsvInput.Column(headers, null, TAliases, true, sourceName);
        int ci = CsvInput.Column(headers, null, CountAliases, true, sourceName);
        List<double> x = [], tx = [], t = [], count = [];
        while (reader.Read())
        {
            long line = reader.LineNumber;
            double xv = CsvInput.Number(reader, fi, headers, sourceName, line);
            double txv = CsvInput.Number(reader, ri, headers, sourceName, line);
            double tv = CsvInput.Number(reader, ti, headers, sourceName, line);
            SummaryValidation.ValidateRow(xv, txv, tv, sourceName, line, x.Count, headers[fi], headers[ri], headers[ti]);
            double cv = Count(reader, ci, headers, sourceName, line);
            x.Add(xv);
            tx.Add(txv);
            t.Add(tv);
            count.Add(cv);
        }
        if (x.Count == 0) throw NoRows(sourceName, headers[ci]);
        return new CompressedSummary([.. x], [.. tx], [.. t], [.. count], spend, sourceName);
    }

    /// <summary>Reads a spend table <c>frequency,monetary_value,count</c> (repeat customers only).</summary>
    /// <exception cref="ClvDataException">The file is missing, a column is missing or a value is invalid.</exception>
    public static CompressedSpend ReadSpend(string path, char delimiter = ',')
    {
        using FileStream stream = CsvInput.OpenFile(path);
        return ReadSpend(stream, path, delimiter);
    }

    /// <summary>Reads a spend table from a stream (UTF-8, header required); the stream is left open.</summary>
    /// <exception cref="ClvDataException">A column is missing or a value is invalid.</exception>
    public static CompressedSpend ReadSpend(Stream stream, string sourceName, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using CsvReader reader = CsvInput.Open(stream, delimiter, leaveOpen: true);
        string[] headers = CsvInput.ReadHeader(reader, sourceName, "frequency, monetary_value, count");
        int fi = CsvInput.Column(headers, null, FrequencyAliases, true, sourceName);
        int mi = CsvInput.Column(headers, null, MonetaryAliases, true, sourceName);
        int ci = CsvInput.Column(headers, null, CountAliases, true, sourceName);
        List<double> x = [], m = [], count = [];
        while (reader.Read())
        {
            long line = reader.LineNumber;
            double xv = CsvInput.Number(reader, fi, headers, sourceName, line);
            double mv = CsvInput.Number(reader, mi, headers, sourceName, line);
            CompressedSpend.ValidateRow(xv, mv, sourceName, line, x.Count, headers[fi], headers[mi]);
            double cv = Count(reader, ci, headers, sourceName, line);
            x.Add(xv);
            m.Add(mv);
            count.Add(cv);
        }
        if (x.Count == 0) throw NoRows(sourceName, headers[ci]);
        return new CompressedSpend([.. x], [.. m], [.. count], sourceName);
    }

    /// <summary>Writes the purchase table <c>frequency,recency,T,count</c> ("\n" line ends, round-trip numbers).</summary>
    public static void Write(CompressedSummary compressed, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        WriteColumns(writer, ["frequency", "recency", "T", "count"], [compressed.Frequency, compressed.Recency, compressed.T, compressed.Count]);
    }

    /// <summary>Writes the spend table <c>frequency,monetary_value,count</c>.</summary>
    public static void WriteSpend(CompressedSpend spend, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(spend);
        WriteColumns(writer, ["frequency", "monetary_value", "count"], [spend.Frequency, spend.MonetaryValue, spend.Count]);
    }

    /// <summary>Writes the purchase table to <paramref name="path"/> and, when there is one, the spend table to <see cref="SpendPath"/> (UTF-8, replacing them).</summary>
    public static void Write(CompressedSummary compressed, string path)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16))
            Write(compressed, writer);
        if (compressed.Spend is { } spend)
        {
            using var writer = new StreamWriter(SpendPath(path), append: false, new UTF8Encoding(false), 1 << 16);
            WriteSpend(spend, writer);
        }
    }

    private static void WriteColumns(TextWriter writer, string[] names, double[][] columns)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', names));
        writer.Write('\n');
        Span<char> buffer = stackalloc char[32];
        for (int i = 0; i < columns[0].Length; i++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                if (c > 0) writer.Write(',');
                columns[c][i].TryFormat(buffer, out int n, "R", CultureInfo.InvariantCulture);
                writer.Write(buffer[..n]);
            }
            writer.Write('\n');
        }
    }

    private static double Count(CsvReader reader, int index, string[] headers, string source, long line)
    {
        double value = CsvInput.Number(reader, index, headers, source, line);
        CompressedSummary.ValidateCount(value, source, line, 0, headers[index]);
        return value;
    }

    private static ClvDataException NoRows(string source, string column) =>
        new(source, 2, column, "no data rows: expected at least one row after the header");
}
