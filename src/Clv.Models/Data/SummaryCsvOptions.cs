namespace Clv.Models.Data;

/// <summary>
/// Column names of a customer-summary CSV. A null name is auto-detected among common aliases (exact match first,
/// then ignoring case): id <c>customer_id|id|customer|cust|customerid|row</c> (or an empty header, as R writes
/// row names); frequency <c>frequency|x|frequency_cal</c>; recency <c>recency|t_x|t.x|recency_cal</c>; T
/// <c>T|T.cal|t_cal</c>; monetary <c>monetary_value|zbar|m_x|m.x</c>; holdout <c>frequency_holdout|x.star|x_star</c>,
/// <c>monetary_value_holdout|m.x.star|m_x_star</c>, <c>duration_holdout|T.star|t_star</c>.
/// A name that is set must be present; the monetary and holdout columns are optional when auto-detected.
/// </summary>
public sealed record SummaryCsvOptions
{
    /// <summary>Customer identifier column, or null to auto-detect.</summary>
    public string? IdColumn { get; init; }

    /// <summary>Frequency (x) column, or null to auto-detect.</summary>
    public string? FrequencyColumn { get; init; }

    /// <summary>Recency (t_x) column, or null to auto-detect.</summary>
    public string? RecencyColumn { get; init; }

    /// <summary>T column, or null to auto-detect.</summary>
    public string? TColumn { get; init; }

    /// <summary>Monetary value column, or null to auto-detect (optional).</summary>
    public string? MonetaryColumn { get; init; }

    /// <summary>Holdout frequency column, or null to auto-detect (optional).</summary>
    public string? FrequencyHoldoutColumn { get; init; }

    /// <summary>Holdout monetary value column, or null to auto-detect (optional).</summary>
    public string? MonetaryHoldoutColumn { get; init; }

    /// <summary>Holdout duration column, or null to auto-detect (optional).</summary>
    public string? DurationHoldoutColumn { get; init; }

    /// <summary>Field separator, an ASCII character. Default <c>,</c>.</summary>
    public char Delimiter { get; init; } = ',';
}
