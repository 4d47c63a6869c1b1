using Clv.Models.Kernels;

namespace Clv.Models.Data;

/// <summary>
/// The spend table of a <see cref="CompressedSummary"/>: the distinct (frequency x ≥ 1, mean repeat spend m_x &gt; 0) rows of
/// the repeat customers, each with its number of customers, sorted by x then m_x — the Gamma-Gamma model's whole input.
/// </summary>
/// <remarks>
/// The Gamma-Gamma likelihood of a customer, −ln B(px, q) − ln m_x − px·ln(1 + γ/(x m_x)) − q·ln(1 + x m_x/γ), depends on
/// the customer through x and m_x only, and non-linearly in m_x: it is not a function of sums of m_x (or of their logs) per
/// x, so there is no smaller sufficient statistic than the distinct (x, m_x) pairs. With continuous spend these are nearly
/// as many as the repeat customers; the table compresses only where amounts repeat (prices on a grid, single-item orders).
/// </remarks>
public sealed class CompressedSpend
{
    /// <summary>Creates a spend table from columns; validates every row, merges repeated rows and sorts them.</summary>
    /// <param name="frequency">Repeat purchase periods x ≥ 1 of each row.</param>
    /// <param name="monetaryValue">Mean repeat spend m_x &gt; 0 of each row.</param>
    /// <param name="count">Number of customers of each row: a whole number ≥ 1.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="ClvDataException">A column has the wrong length or a value is invalid.</exception>
    public CompressedSpend(double[] frequency, double[] monetaryValue, double[] count, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        int n = frequency.Length;
        CompressedSummary.RequireLength(monetaryValue, n, "monetary_value", source);
        CompressedSummary.RequireLength(count, n, "count", source);
        for (int i = 0; i < n; i++)
        {
            ValidateRow(frequency[i], monetaryValue[i], source, null, i);
            CompressedSummary.ValidateCount(count[i], source, null, i);
        }
        if (n == 0) throw new ClvDataException(source, null, "count", "no rows: expected at least one (frequency, monetary_value) row");

        var distinct = DistinctRows.Collapse(frequency, monetaryValue, new double[n], count);
        Frequency = distinct.X;
        MonetaryValue = distinct.Recency;
        Count = distinct.Weight;
        Customers = CompressedSummary.Sum(Count, source);
    }

    /// <summary>Frequency x ≥ 1 of each distinct row (ascending).</summary>
    public double[] Frequency { get; }

    /// <summary>Mean repeat spend m_x of each distinct row (ascending within one x).</summary>
    public double[] MonetaryValue { get; }

    /// <summary>Number of repeat customers of each distinct row (whole numbers ≥ 1).</summary>
    public double[] Count { get; }

    /// <summary>Number of distinct rows.</summary>
    public int Rows => Frequency.Length;

    /// <summary>Number of repeat customers: the sum of <see cref="Count"/>.</summary>
    public long Customers { get; }

    /// <summary>Throws unless x is a whole number ≥ 1 and m_x a finite amount &gt; 0.</summary>
    internal static void ValidateRow(double x, double m, string? source, long? line, int rowIndex, string frequencyColumn = "frequency", string monetaryColumn = "monetary_value")
    {
        string where = line is null ? $" (row {rowIndex})" : string.Empty;
        if (!(double.IsFinite(x) && x >= 1 && x == Math.Floor(x)))
            throw new ClvDataException(source, line, frequencyColumn, $"expected a whole number >= 1 (the spend table holds repeat customers only) but got {SummaryValidation.Show(x)}{where}");
        if (!(double.IsFinite(m) && m > 0))
            throw new ClvDataException(source, line, monetaryColumn, $"expected a finite mean spend > 0 but got {SummaryValidation.Show(m)}{where}");
    }
}
