using Clv.Models.Data;

namespace Clv.Models.GammaGamma;

/// <summary>
/// The customers of a summary who made at least one repeat purchase — the only ones that carry spend information for
/// the Gamma-Gamma model — as columns, with their row numbers in the summary.
/// </summary>
public sealed record RepeatCustomers
{
    private RepeatCustomers(int[] rows, double[] frequency, double[] monetaryValue)
    {
        Rows = rows;
        Frequency = frequency;
        MonetaryValue = monetaryValue;
    }

    /// <summary>0-based row of each repeat customer in the summary, ascending.</summary>
    public int[] Rows { get; }

    /// <summary>Frequency x ≥ 1 of each repeat customer.</summary>
    public double[] Frequency { get; }

    /// <summary>Mean repeat-transaction value m_x &gt; 0 of each repeat customer.</summary>
    public double[] MonetaryValue { get; }

    /// <summary>Number of repeat customers.</summary>
    public int Count => Rows.Length;

    /// <summary>Selects the customers with frequency &gt; 0 and checks that each has a mean spend &gt; 0.</summary>
    /// <param name="summary">A summary with a monetary value column.</param>
    /// <param name="source">File name for error messages, when the summary came from a file.</param>
    /// <exception cref="ClvDataException">There is no monetary column, or a repeat customer's mean spend is not &gt; 0.</exception>
    public static RepeatCustomers Select(CustomerSummary summary, string? source = null)
    {
        var monetary = summary.MonetaryValue
            ?? throw new ClvDataException(source, null, "monetary_value", "the Gamma-Gamma model needs a monetary value column (mean spend of the repeat purchases)");
        var rows = new List<int>();
        for (int i = 0; i < summary.Count; i++)
        {
            if (summary.Frequency[i] == 0) continue;
            double m = monetary[i];
            if (!(double.IsFinite(m) && m > 0))
                throw new ClvDataException(source, null, "monetary_value",
                    $"customer '{summary.CustomerIds[i]}' (row {i + 1}) has {SummaryValidation.Show(summary.Frequency[i])} repeat purchases but mean spend {SummaryValidation.Show(m)}; the Gamma-Gamma model needs a mean spend > 0");
            rows.Add(i);
        }
        return new RepeatCustomers([.. rows], [.. rows.Select(i => summary.Frequency[i])], [.. rows.Select(i => monetary[i])]);
    }
}
