using Clv.Models.Data;

namespace Clv.Models.Parquet;

/// <summary>
/// Reads and writes a per-customer summary (<see cref="CustomerSummary"/>) as Parquet, with the column names of
/// <see cref="CustomerSummaryCsv"/>: <c>customer_id</c> (UTF-8 string, or INT32/INT64), <c>frequency</c>, <c>recency</c>,
/// <c>T</c> and optionally <c>monetary_value</c>, <c>frequency_holdout</c>, <c>monetary_value_holdout</c> and
/// <c>duration_holdout</c> (DOUBLE). Names match exactly, or else ignoring case.
/// </summary>
public static class CustomerSummaryParquet
{
    /// <summary>Reads a summary from a Parquet file; a null value, a missing column or a column of another type is an error.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ClvDataException">The file is missing or unreadable, a column is missing or of the wrong type, a value is null or invalid.</exception>
    public static CustomerSummary Read(string path)
    {
        using var file = ParquetColumns.Open(path);
        string[] ids = file.Ids("customer_id");
        double[] frequency = file.Doubles("frequency", "the number of repeat purchase periods x");
        double[] recency = file.Doubles("recency", "the time from the first to the last purchase t_x");
        double[] t = file.Doubles("T", "the time from the first purchase to the end of calibration T");
        double[]? Optional(string name, string expected) => file.Has(name) ? file.Doubles(name, expected) : null;
        double[]? monetary = Optional("monetary_value", "the mean value of the repeat purchases");
        double[]? frequencyHoldout = Optional("frequency_holdout", "the repeat purchase periods in the holdout window");
        double[]? monetaryHoldout = Optional("monetary_value_holdout", "the mean value of the holdout purchases");
        double[]? durationHoldout = Optional("duration_holdout", "the length of the holdout window");
        return new CustomerSummary(ids, frequency, recency, t, monetary, frequencyHoldout, monetaryHoldout, durationHoldout, path);
    }

    /// <summary>Writes <c>customer_id</c>, <c>frequency</c>, <c>recency</c>, <c>T</c> and, when present, <c>monetary_value</c> and the holdout columns.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="path">The file, replaced if it exists.</param>
    public static void Write(CustomerSummary summary, string path)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var columns = new List<(string, double[])> { ("frequency", summary.Frequency), ("recency", summary.Recency), ("T", summary.T) };
        if (summary.MonetaryValue is { } m) columns.Add(("monetary_value", m));
        if (summary.FrequencyHoldout is { } fh) columns.Add(("frequency_holdout", fh));
        if (summary.MonetaryValueHoldout is { } mh) columns.Add(("monetary_value_holdout", mh));
        if (summary.DurationHoldout is { } dh) columns.Add(("duration_holdout", dh));
        ParquetTable.WriteColumns(path, summary.CustomerIds, "customer_id", columns);
    }
}
