using Clv.Models;
using Clv.Models.Data;
using Clv.Models.Parquet;

namespace Clv.Cli;

/// <summary>
/// A summary file as `clv fit` and `clv predict` read it: per-customer rows, or a compressed table (a <c>count</c> column:
/// the purchase table with its spend table beside it when there is one, or the spend table alone). Exactly one of
/// <see cref="Customers"/>, <see cref="Compressed"/> and <see cref="Spend"/> is set, except that a compressed purchase table's
/// spend table is also in <see cref="Spend"/>. A <c>.parquet</c> file is read as Parquet (<see cref="CustomerSummaryParquet"/>,
/// <see cref="CompressedSummaryParquet"/>), any other as CSV.
/// </summary>
internal sealed record SummaryInput(string Path, CustomerSummary? Customers, CompressedSummary? Compressed, CompressedSpend? Spend)
{
    /// <summary>Reads the file, telling its kind from the header.</summary>
    public static SummaryInput Read(string path)
    {
        bool parquet = IsParquet(path);
        switch (Detect(path))
        {
            case SummaryTableKind.CompressedPurchases:
                var compressed = parquet ? CompressedSummaryParquet.Read(path) : CompressedSummaryCsv.Read(path);
                return new SummaryInput(path, null, compressed, compressed.Spend);
            case SummaryTableKind.CompressedSpend:
                return new SummaryInput(path, null, null, parquet ? CompressedSummaryParquet.ReadSpend(path) : CompressedSummaryCsv.ReadSpend(path));
            default:
                return new SummaryInput(path, ReadCustomerRows(path), null, null);
        }
    }

    /// <summary>Whether a path names a Parquet file (extension <c>.parquet</c>, any case).</summary>
    public static bool IsParquet(string path) => string.Equals(System.IO.Path.GetExtension(path), ".parquet", StringComparison.OrdinalIgnoreCase);

    private static SummaryTableKind Detect(string path) => IsParquet(path) ? CompressedSummaryParquet.Detect(path) : CompressedSummaryCsv.Detect(path);

    private static CustomerSummary ReadCustomerRows(string path) => IsParquet(path) ? CustomerSummaryParquet.Read(path) : CustomerSummaryCsv.Read(path);

    /// <summary>Reads a per-customer summary; a compressed table is an error naming what needs customers.</summary>
    public static CustomerSummary ReadCustomers(string path, string purpose)
    {
        if (Detect(path) == SummaryTableKind.Customers) return ReadCustomerRows(path);
        throw new ClvDataException(path, 1, "count",
            $"this is a compressed summary (it has a count column, one row per distinct frequency, recency, T), but {purpose} one row per customer; pass the per-customer summary (clv summarize without --compressed)");
    }

    /// <summary>The compressed purchase table, for a transaction model; the spend table alone is an error.</summary>
    public CompressedSummary RequirePurchases(string model) => Compressed
        ?? throw new ClvDataException(Path, 1, "recency", $"this is a compressed spend table (frequency,monetary_value,count); a {model} model needs the purchase table frequency,recency,T,count");
}
