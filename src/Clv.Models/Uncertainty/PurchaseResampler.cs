using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.Kernels;

namespace Clv.Models.Uncertainty;

/// <summary>
/// Draws the replicate data sets of a transaction model (and optionally a spend model) from one customer table.
/// Nonparametric: N customers drawn with replacement. Without a spend model only a customer's (x, t_x, T) row matters, so
/// the draw is over the K distinct rows with probabilities w_k / N (an alias table: O(1) per customer, a K-entry table) and the
/// counts are the replicate's weights over the same rows — a weighted refit over at most K rows, never N. With a spend model
/// customers sharing a row differ in spend, so the draw is over customers and their counts are summed into their rows.
/// Parametric: each customer's (x, t_x) (and mean spend) simulated from the point estimate given its own T (and x).
/// </summary>
internal sealed class PurchaseResampler
{
    private readonly CustomerSummary data;
    private readonly double[] counts;
    private readonly long customers;
    private readonly int[] rowOf;
    private readonly RepeatCustomers? repeat;
    private readonly AliasTable alias;

    /// <param name="data">The customers the point estimate was fitted on.</param>
    /// <param name="counts">Customers per row (a compressed summary), whole numbers ≥ 0, or empty for one each.</param>
    /// <param name="withSpend">Whether replicates carry the repeat customers' spend (needs a monetary column, no counts).</param>
    public PurchaseResampler(CustomerSummary data, ReadOnlySpan<double> counts, bool withSpend)
    {
        this.data = data;
        int n = data.Count;
        if (n == 0) throw new ArgumentException("cannot bootstrap no customers", nameof(data));
        if (counts.Length != 0 && counts.Length != n) throw new ArgumentException("counts must be empty or have one value per customer row", nameof(counts));
        if (withSpend && counts.Length != 0) throw new ArgumentException("a bootstrap with a spend model resamples customers, whose spend differs: counts are not supported", nameof(counts));
        foreach (double c in counts)
            if (!(c >= 0 && c == Math.Floor(c) && double.IsFinite(c))) throw new ArgumentOutOfRangeException(nameof(counts), c, "counts must be whole numbers >= 0 (customers per row)");
        this.counts = counts.ToArray();
        rowOf = new int[n];
        Rows = DistinctRows.Collapse(data.Frequency, data.Recency, data.T, counts, rowOf);
        customers = (long)Rows.Weight.Sum();
        if (customers == 0) throw new ArgumentException("cannot bootstrap no customers (all counts are 0)", nameof(counts));
        Layout = FrequencySegments.Create(Rows.X, Rows.Weight, [Rows.Recency, Rows.T]);
        if (withSpend)
        {
            repeat = RepeatCustomers.Select(data);
            alias = new AliasTable(Enumerable.Repeat(1.0, n).ToArray());
        }
        else alias = new AliasTable(Rows.Weight);
    }

    /// <summary>The distinct rows with their customer counts.</summary>
    public DistinctRows Rows { get; }

    /// <summary>The full data's layout (what the point estimate is refitted on).</summary>
    public FrequencySegments Layout { get; }

    /// <summary>The repeat customers' spend rows of the full data (null without a spend model).</summary>
    public SpendRows? Spend => repeat is null ? null : new SpendRows(repeat.Frequency, repeat.MonetaryValue, [.. Enumerable.Repeat(1.0, repeat.Count)]);

    /// <summary>
    /// A nonparametric replicate's counts: per distinct row (purchases only) or per customer (with spend) — the multinomial
    /// draw of N customers; exposed for the tests that rebuild the resample explicitly.
    /// </summary>
    internal double[] DrawCounts(ReplicateRandom random)
    {
        var cellCounts = new double[alias.Count];
        alias.Multinomial(customers, random, cellCounts);
        return cellCounts;
    }

    /// <summary>One nonparametric replicate.</summary>
    public ReplicateData Nonparametric(ReplicateRandom random)
    {
        var drawn = DrawCounts(random);
        if (repeat is null) return new ReplicateData(WeightedRows.Layout(Rows, drawn), null);
        var rowWeight = new double[Rows.Count];
        for (int i = 0; i < drawn.Length; i++) rowWeight[rowOf[i]] += drawn[i];
        var spendWeight = new double[repeat.Count];
        for (int j = 0; j < repeat.Count; j++) spendWeight[j] = drawn[repeat.Rows[j]];
        return new ReplicateData(WeightedRows.Layout(Rows, rowWeight), SpendRows.NonZero(repeat.Frequency, repeat.MonetaryValue, spendWeight));
    }

    /// <summary>One parametric replicate: every customer (each of a row's count) simulated given its T from the point estimate.</summary>
    public ReplicateData Parametric(ReplicateRandom random, IPurchaseModel purchases, GammaGammaParameters? spend)
    {
        var x = new double[customers];
        var tx = new double[customers];
        var t = new double[customers];
        var times = new List<double>();
        long c = 0;
        for (int i = 0; i < data.Count; i++)
        {
            long copies = counts.Length == 0 ? 1 : (long)counts[i];
            for (long j = 0; j < copies; j++, c++)
            {
                times.Clear();
                purchases.SimulatePurchaseTimes(data.T[i], random, times);
                x[c] = times.Count;
                tx[c] = times.Count == 0 ? 0 : times[^1];
                t[c] = data.T[i];
            }
        }
        SpendRows? spendRows = spend is { } gg ? SpendRows.Simulate(gg, x, random) : null;
        return new ReplicateData(FrequencySegments.Create(x, tx, t, []), spendRows);
    }
}
