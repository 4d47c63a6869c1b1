using Clv.Models.Data;

namespace Clv.Models.Parquet;

/// <summary>
/// Reads and writes a compressed summary (<see cref="CompressedSummary"/>) as Parquet: the purchase table
/// <c>frequency</c>, <c>recency</c>, <c>T</c>, <c>count</c> (DOUBLE) and, beside it at
/// <see cref="CompressedSummaryCsv.SpendPath"/> (<c>rfm.parquet</c> → <c>rfm.spend.parquet</c>), the spend table
/// <c>frequency</c>, <c>monetary_value</c>, <c>count</c>.
/// </summary>
public static class CompressedSummaryParquet
{
    /// <summary>What the Parquet file holds, from its column names (see <see cref="CompressedSummaryCsv.Detect(IReadOnlyList{string})"/>).</summary>
    /// <exception cref="ClvDataException">The file is missing or not Parquet.</exception>
    public static SummaryTableKind Detect(string path)
    {
        using var file = ParquetColumns.Open(path);
        return CompressedSummaryCsv.Detect(file.Names);
    }

    /// <summary>Reads the purchase table at <paramref name="path"/> and, when it exists, the spend table beside it.</summary>
    /// <exception cref="ClvDataException">A file is unreadable, a column is missing or of the wrong type, a value is null or invalid.</exception>
    public static CompressedSummary Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string spendPath = CompressedSummaryCsv.SpendPath(path);
        CompressedSpend? spend = File.Exists(spendPath) ? ReadSpend(spendPath) : null;
        using var file = ParquetColumns.Open(path);
        return new CompressedSummary(
            file.Doubles("frequency", "the number of repeat purchase periods x"),
            file.Doubles("recency", "the recency t_x"),
            file.Doubles("T", "the calibration length T"),
            file.Doubles("count", "the number of customers of the row"),
            spend, path);
    }

    /// <summary>Reads a spend table <c>frequency</c>, <c>monetary_value</c>, <c>count</c>.</summary>
    /// <exception cref="ClvDataException">The file is unreadable, a column is missing or of the wrong type, a value is null or invalid.</exception>
    public static CompressedSpend ReadSpend(string path)
    {
        using var file = ParquetColumns.Open(path);
        return new CompressedSpend(
            file.Doubles("frequency", "the number of repeat purchase periods x"),
            file.Doubles("monetary_value", "the mean spend of the repeat purchases"),
            file.Doubles("count", "the number of customers of the row"),
            path);
    }

    /// <summary>Writes the purchase table to <paramref name="path"/> and, when there is one, the spend table beside it; an old spend table there is removed.</summary>
    public static void Write(CompressedSummary compressed, string path)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        ArgumentNullException.ThrowIfNull(path);
        ParquetTable.WriteColumns(path, null, null,
            [("frequency", compressed.Frequency), ("recency", compressed.Recency), ("T", compressed.T), ("count", compressed.Count)]);
        string spendPath = CompressedSummaryCsv.SpendPath(path);
        if (compressed.Spend is { } spend) WriteSpend(spend, spendPath);
        else if (File.Exists(spendPath)) File.Delete(spendPath);
    }

    /// <summary>Writes a spend table <c>frequency</c>, <c>monetary_value</c>, <c>count</c> to <paramref name="path"/>.</summary>
    public static void WriteSpend(CompressedSpend spend, string path)
    {
        ArgumentNullException.ThrowIfNull(spend);
        ParquetTable.WriteColumns(path, null, null,
            [("frequency", spend.Frequency), ("monetary_value", spend.MonetaryValue), ("count", spend.Count)]);
    }
}
