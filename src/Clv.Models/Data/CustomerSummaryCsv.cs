using System.Globalization;
using System.Text;
using CsvHelper;

namespace Clv.Models.Data;

/// <summary>Reads and writes <see cref="CustomerSummary"/> as CSV (invariant culture, round-trip precision).</summary>
public static class CustomerSummaryCsv
{
    internal static readonly string[] IdAliases = ["customer_id", "id", "customer", "cust", "customerid", "row", ""];
    private static readonly string[] FrequencyAliases = ["frequency", "x", "frequency_cal"];
    private static readonly string[] RecencyAliases = ["recency", "t_x", "t.x", "recency_cal"];
    private static readonly string[] TAliases = ["T", "T.cal", "t_cal"];
    private static readonly string[] MonetaryAliases = ["monetary_value", "zbar", "m_x", "m.x"];
    private static readonly string[] FrequencyHoldoutAliases = ["frequency_holdout", "x.star", "x_star"];
    private static readonly string[] MonetaryHoldoutAliases = ["monetary_value_holdout", "m.x.star", "m_x_star"];
    private static readonly string[] DurationHoldoutAliases = ["duration_holdout", "T.star", "t_star"];

    /// <summary>Reads a summary CSV file (header required; columns as in <see cref="SummaryCsvOptions"/>).</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">Column names and separator; null to auto-detect the columns.</param>
    /// <exception cref="ClvDataException">The file is missing, a column is missing or a value is invalid.</exception>
    public static CustomerSummary Read(string path, SummaryCsvOptions? options = null)
    {
        using FileStream stream = CsvInput.OpenFile(path);
        return Read(stream, path, options);
    }

    /// <summary>Reads a summary CSV from a stream (UTF-8, header required). The stream is left open.</summary>
    /// <param name="stream">The CSV input, read from its current position.</param>
    /// <param name="sourceName">Name of the input used in error messages.</param>
    /// <param name="options">Column names and separator; null to auto-detect the columns.</param>
    /// <exception cref="ClvDataException">A column is missing or a value is invalid.</exception>
    public static CustomerSummary Read(Stream stream, string sourceName, SummaryCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new SummaryCsvOptions();
        using CsvReader reader = CsvInput.Open(stream, options.Delimiter, leaveOpen: true);
        string[] headers = CsvInput.ReadHeader(reader, sourceName, "customer_id, frequency, recency, T");
        int id = CsvInput.Column(headers, options.IdColumn, IdAliases, true, sourceName);
        int fi = CsvInput.Column(headers, options.FrequencyColumn, FrequencyAliases, true, sourceName);
        int ri = CsvInput.Column(headers, options.RecencyColumn, RecencyAliases, true, sourceName);
        int ti = CsvInput.Column(headers, options.TColumn, TAliases, true, sourceName);
        int mi = CsvInput.Column(headers, options.MonetaryColumn, MonetaryAliases, false, sourceName);
        int fhi = CsvInput.Column(headers, options.FrequencyHoldoutColumn, FrequencyHoldoutAliases, false, sourceName);
        int mhi = CsvInput.Column(headers, options.MonetaryHoldoutColumn, MonetaryHoldoutAliases, false, sourceName);
        int dhi = CsvInput.Column(headers, options.DurationHoldoutColumn, DurationHoldoutAliases, false, sourceName);

        var ids = new List<string>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        List<double> x = [], tx = [], t = [];
        List<double>? m = mi >= 0 ? [] : null, xh = fhi >= 0 ? [] : null, mh = mhi >= 0 ? [] : null, dh = dhi >= 0 ? [] : null;
        while (reader.Read())
        {
            long line = reader.LineNumber;
            string customer = reader.GetString(id) ?? string.Empty;
            if (customer.Trim().Length == 0)
                throw CsvInput.EmptyId(sourceName, line, headers[id]);
            if (!seen.TryAdd(customer, line))
                throw new ClvDataException(sourceName, line, headers[id], $"duplicate customer id '{customer}', already on line {seen[customer]}");
            double xv = CsvInput.Number(reader, fi, headers, sourceName, line);
            double txv = CsvInput.Number(reader, ri, headers, sourceName, line);
            double tv = CsvInput.Number(reader, ti, headers, sourceName, line);
            SummaryValidation.ValidateRow(xv, txv, tv, sourceName, line, ids.Count, headers[fi], headers[ri], headers[ti]);
            ids.Add(customer);
            x.Add(xv);
            tx.Add(txv);
            t.Add(tv);
            m?.Add(NonNegative(reader, mi, headers, sourceName, line, whole: false));
            xh?.Add(NonNegative(reader, fhi, headers, sourceName, line, whole: true));
            mh?.Add(NonNegative(reader, mhi, headers, sourceName, line, whole: false));
            dh?.Add(NonNegative(reader, dhi, headers, sourceName, line, whole: false));
        }

        if (ids.Count == 0)
            throw new ClvDataException(sourceName, 2, headers[id], "no data rows: expected at least one customer after the header");
        return new CustomerSummary(
            [.. ids], [.. x], [.. tx], [.. t], m?.ToArray(), xh?.ToArray(), mh?.ToArray(), dh?.ToArray(), sourceName);
    }

    /// <summary>
    /// Writes <c>customer_id,frequency,recency,T</c>, then <c>monetary_value</c> when present, then
    /// <c>frequency_holdout</c>, <c>monetary_value_holdout</c> and <c>duration_holdout</c> when present, with "\n" line
    /// ends and numbers in round-trip ("R") invariant format, so that <see cref="Read(string, SummaryCsvOptions?)"/>
    /// gives back the same bits.
    /// </summary>
    /// <param name="summary">The summary to write.</param>
    /// <param name="writer">Where to write; not closed.</param>
    public static void Write(CustomerSummary summary, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        var columns = new List<(string Name, double[] Values)>
        {
            ("frequency", summary.Frequency), ("recency", summary.Recency), ("T", summary.T),
        };
        if (summary.MonetaryValue is { } mv) columns.Add(("monetary_value", mv));
        if (summary.FrequencyHoldout is { } fh) columns.Add(("frequency_holdout", fh));
        if (summary.MonetaryValueHoldout is { } mh) columns.Add(("monetary_value_holdout", mh));
        if (summary.DurationHoldout is { } dh) columns.Add(("duration_holdout", dh));

        writer.Write("customer_id");
        foreach (var (name, _) in columns)
        {
            writer.Write(',');
            writer.Write(name);
        }

        writer.Write('\n');
        Span<char> buffer = stackalloc char[32];
        for (int i = 0; i < summary.Count; i++)
        {
            WriteId(writer, summary.CustomerIds[i]);
            foreach (var (_, values) in columns)
            {
                writer.Write(',');
                values[i].TryFormat(buffer, out int n, "R", CultureInfo.InvariantCulture);
                writer.Write(buffer[..n]);
            }

            writer.Write('\n');
        }
    }

    /// <summary>Writes the summary to a UTF-8 file (without byte order mark), replacing it. See <see cref="Write(CustomerSummary, TextWriter)"/>.</summary>
    /// <param name="summary">The summary to write.</param>
    /// <param name="path">The file to create or replace.</param>
    public static void Write(CustomerSummary summary, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        Write(summary, writer);
    }

    private static void WriteId(TextWriter writer, string id)
    {
        bool quote = id.Length == 0 || id.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]);
        if (!quote)
        {
            writer.Write(id);
            return;
        }

        writer.Write('"');
        writer.Write(id.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    private static double NonNegative(CsvReader reader, int index, string[] headers, string source, long line, bool whole)
    {
        double value = CsvInput.Number(reader, index, headers, source, line);
        if (value < 0 || (whole && value != Math.Floor(value)))
        {
            string expected = whole ? "a non-negative whole number" : "a number >= 0";
            throw new ClvDataException(source, line, headers[index], $"expected {expected} but got {SummaryValidation.Show(value)}");
        }

        return value;
    }
}
