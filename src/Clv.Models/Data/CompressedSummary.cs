using Clv.Models.Kernels;

namespace Clv.Models.Data;

/// <summary>
/// The compressed summary: the distinct (frequency, recency, T) rows of a customer base, each with the number of customers it
/// stands for (<see cref="Count"/>), and, when spend is known, the distinct (frequency, mean spend) rows of the repeat
/// customers (<see cref="Spend"/>). Every transaction model's likelihood depends on a customer only through (x, t_x, T), so
/// this table is all a fit needs: a few hundred thousand rows even for a billion transactions, and a fit on it gives the same
/// estimates, log-likelihood and standard errors as a fit on the per-customer summary, to the last bit.
/// </summary>
/// <remarks>
/// File form (<see cref="CompressedSummaryCsv"/>): <c>frequency,recency,T,count</c>, one row per distinct (frequency, recency,
/// T), sorted by frequency, recency, T; the spend table <c>frequency,monetary_value,count</c> beside it as
/// <c>&lt;stem&gt;.spend&lt;ext&gt;</c>. The constructor merges repeated rows (adding their counts) and sorts, so tables built
/// per shard and concatenated are valid input. Per-customer predictions need the customers themselves, not this table.
/// </remarks>
public sealed class CompressedSummary
{
    /// <summary>Creates a compressed summary from columns; validates every row, merges repeated rows and sorts them.</summary>
    /// <param name="frequency">Repeat purchase periods x of each row.</param>
    /// <param name="recency">Recency t_x of each row.</param>
    /// <param name="t">T of each row.</param>
    /// <param name="count">Number of customers of each row: a whole number ≥ 1.</param>
    /// <param name="spend">The repeat customers' spend table, or null when spend is not known.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="ClvDataException">A column has the wrong length or a value is invalid.</exception>
    public CompressedSummary(double[] frequency, double[] recency, double[] t, double[] count, CompressedSpend? spend = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(recency);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(count);
        int n = frequency.Length;
        RequireLength(recency, n, "recency", source);
        RequireLength(t, n, "T", source);
        RequireLength(count, n, "count", source);
        for (int i = 0; i < n; i++)
        {
            SummaryValidation.ValidateRow(frequency[i], recency[i], t[i], source, row: null, rowIndex: i);
            ValidateCount(count[i], source, null, i);
        }
        if (n == 0) throw new ClvDataException(source, null, "count", "no rows: expected at least one (frequency, recency, T) row");

        var distinct = DistinctRows.Collapse(frequency, recency, t, count);
        Frequency = distinct.X;
        Recency = distinct.Recency;
        T = distinct.T;
        Count = distinct.Weight;
        Spend = spend;
        Customers = Sum(Count, source);
    }

    /// <summary>Frequency x of each distinct row (ascending; rows are sorted by x, then t_x, then T).</summary>
    public double[] Frequency { get; }

    /// <summary>Recency t_x of each distinct row.</summary>
    public double[] Recency { get; }

    /// <summary>T of each distinct row.</summary>
    public double[] T { get; }

    /// <summary>Number of customers of each distinct row (whole numbers ≥ 1), the row weights of a fit.</summary>
    public double[] Count { get; }

    /// <summary>The repeat customers' (frequency, mean spend) table for the Gamma-Gamma model, or null when spend is not known.</summary>
    public CompressedSpend? Spend { get; }

    /// <summary>Number of distinct rows.</summary>
    public int Rows => Frequency.Length;

    /// <summary>Number of customers: the sum of <see cref="Count"/>.</summary>
    public long Customers { get; }

    /// <summary>
    /// Compresses a per-customer summary: its distinct (x, t_x, T) rows with their numbers of customers and, when it has a
    /// monetary column, the distinct (x, m_x) rows of its customers with x &gt; 0.
    /// </summary>
    /// <exception cref="ClvDataException">A repeat customer's mean spend is not &gt; 0.</exception>
    public static CompressedSummary From(CustomerSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (summary.Count == 0) throw new ClvDataException(null, null, null, "the summary has no customers");
        var rows = DistinctRows.Collapse(summary.Frequency, summary.Recency, summary.T, []);
        CompressedSpend? spend = null;
        if (summary.MonetaryValue is not null)
        {
            var repeat = GammaGamma.RepeatCustomers.Select(summary);
            if (repeat.Count > 0) spend = new CompressedSpend(repeat.Frequency, repeat.MonetaryValue, Ones(repeat.Count));
        }
        return new CompressedSummary(rows.X, rows.Recency, rows.T, rows.Weight, spend);
    }

    /// <summary>Throws unless <paramref name="count"/> is a whole number in [1, 2^53].</summary>
    internal static void ValidateCount(double count, string? source, long? line, int rowIndex, string column = "count")
    {
        if (!(count >= 1 && count <= MaxCount && count == Math.Floor(count)))
        {
            string where = line is null ? $" (row {rowIndex})" : string.Empty;
            throw new ClvDataException(source, line, column, $"expected a whole number of customers >= 1 but got {SummaryValidation.Show(count)}{where}");
        }
    }

    /// <summary>Largest count: 2^53, above which whole numbers are no longer exact in a double.</summary>
    internal const double MaxCount = 9007199254740992.0;

    internal static long Sum(double[] count, string? source)
    {
        double total = 0;
        foreach (double c in count) total += c;
        if (total > MaxCount) throw new ClvDataException(source, null, "count", $"the counts add up to {SummaryValidation.Show(total)} customers, more than 2^53 (counts must stay exact)");
        return (long)total;
    }

    internal static double[] Ones(int n)
    {
        var ones = new double[n];
        ones.AsSpan().Fill(1.0);
        return ones;
    }

    internal static void RequireLength(double[] column, int n, string name, string? source)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Length != n)
            throw new ClvDataException(source, null, name, $"expected {n} values (one per row) but got {column.Length}");
    }
}
