using CsvHelper;
using Clv.Models.Data;

namespace Clv.Models.BgBb;

/// <summary>
/// Reads <see cref="OpportunitySummary"/> from CSV: a header with <c>frequency,recency,periods</c> and optionally
/// <c>weight</c> (customers per row) and <c>customer_id</c>, invariant culture.
/// </summary>
/// <remarks>
/// Accepted header names: frequency = <c>frequency</c>, <c>x</c>; recency = <c>recency</c>, <c>t_x</c>, <c>t.x</c>;
/// periods = <c>periods</c>, <c>n</c>, <c>n.cal</c>, <c>T</c> (so the output of <c>clv summarize --time-unit years</c> reads
/// directly); weight = <c>weight</c>, <c>weights</c>, <c>custs</c>, <c>count</c>; id = <c>customer_id</c>, <c>id</c>,
/// <c>cust</c>. Exact names first, then ignoring case.
/// </remarks>
public static class OpportunitySummaryCsv
{
    private static readonly string[] FrequencyAliases = ["frequency", "x"];
    private static readonly string[] RecencyAliases = ["recency", "t_x", "t.x"];
    private static readonly string[] PeriodAliases = ["periods", "n", "n.cal", "T"];
    private static readonly string[] WeightAliases = ["weight", "weights", "custs", "count"];
    private static readonly string[] IdAliases = ["customer_id", "id", "cust"];

    /// <summary>Reads a file.</summary>
    /// <exception cref="ClvDataException">The file is missing, a column is missing or a value is invalid.</exception>
    public static OpportunitySummary Read(string path)
    {
        using FileStream stream = CsvInput.OpenFile(path);
        return Read(stream, path);
    }

    /// <summary>Reads CSV from a stream (UTF-8, header required); the stream is left open.</summary>
    /// <param name="stream">The CSV input.</param>
    /// <param name="sourceName">Name of the input in error messages.</param>
    /// <param name="delimiter">Field separator.</param>
    /// <exception cref="ClvDataException">A column is missing or a value is invalid.</exception>
    public static OpportunitySummary Read(Stream stream, string sourceName, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using CsvReader reader = CsvInput.Open(stream, delimiter, leaveOpen: true);
        string[] headers = CsvInput.ReadHeader(reader, sourceName, "frequency, recency, periods[, weight]");
        int fi = CsvInput.Column(headers, null, FrequencyAliases, true, sourceName);
        int ri = CsvInput.Column(headers, null, RecencyAliases, true, sourceName);
        int ni = CsvInput.Column(headers, null, PeriodAliases, true, sourceName);
        int wi = CsvInput.Column(headers, null, WeightAliases, false, sourceName);
        int ii = CsvInput.Column(headers, null, IdAliases, false, sourceName);
        var columns = (headers[fi], headers[ri], headers[ni]);

        List<int> x = [], tx = [], n = [];
        List<double>? w = wi >= 0 ? [] : null;
        List<string>? ids = ii >= 0 ? [] : null;
        while (reader.Read())
        {
            long line = reader.LineNumber;
            int xv = WholeNumber(reader, fi, headers, sourceName, line);
            int txv = WholeNumber(reader, ri, headers, sourceName, line);
            int nv = WholeNumber(reader, ni, headers, sourceName, line);
            OpportunitySummary.ValidateRow(xv, txv, nv, sourceName, line, x.Count, columns);
            x.Add(xv);
            tx.Add(txv);
            n.Add(nv);
            if (w is not null)
            {
                double wv = CsvInput.Number(reader, wi, headers, sourceName, line);
                OpportunitySummary.ValidateWeight(wv, sourceName, line, x.Count, headers[wi]);
                w.Add(wv);
            }
            if (ids is not null)
            {
                string id = reader.GetString(ii) ?? string.Empty;
                if (id.Trim().Length == 0) throw new ClvDataException(sourceName, line, headers[ii], "empty customer id; expected a non-empty identifier");
                ids.Add(id);
            }
        }
        if (x.Count == 0) throw new ClvDataException(sourceName, 2, headers[fi], "no data rows: expected at least one row after the header");
        return new OpportunitySummary([.. x], [.. tx], [.. n], w?.ToArray(), ids?.ToArray(), sourceName);
    }

    private static int WholeNumber(CsvReader reader, int index, string[] headers, string source, long line)
    {
        double v = CsvInput.Number(reader, index, headers, source, line);
        if (v < 0 || v != Math.Floor(v) || v > int.MaxValue)
            throw new ClvDataException(source, line, headers[index], $"expected a non-negative whole number (an opportunity count) but got {SummaryValidation.Show(v)}");
        return (int)v;
    }
}
