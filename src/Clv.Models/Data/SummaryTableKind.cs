namespace Clv.Models.Data;

/// <summary>What a summary file holds, as told by its column names (<see cref="CompressedSummaryCsv.Detect(IReadOnlyList{string})"/>).</summary>
public enum SummaryTableKind
{
    /// <summary>One row per customer (<see cref="CustomerSummary"/>): no <c>count</c> column.</summary>
    Customers,

    /// <summary>The compressed purchase table <c>frequency,recency,T,count</c> (<see cref="CompressedSummary"/>).</summary>
    CompressedPurchases,

    /// <summary>The compressed spend table <c>frequency,monetary_value,count</c> (<see cref="CompressedSpend"/>): a count column and no recency.</summary>
    CompressedSpend,
}
