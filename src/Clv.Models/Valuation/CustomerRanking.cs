namespace Clv.Models.Valuation;

/// <summary>
/// Ranking and segmentation of customers by a per-customer value (CLV, expected purchases, P(alive), ...):
/// the top N, ranks, and equal-size quantile segments such as deciles, with a summary per segment.
/// </summary>
/// <remarks>
/// Customers are ordered by value, largest first; equal values keep their input order, so every result is
/// deterministic. Quantile segment k (1-based, 1 = the most valuable) of N customers in K segments holds the
/// customers of 0-based rank i with ⌊i·K/N⌋ = k − 1: sizes differ by at most one, and customers with equal
/// values may fall on either side of a boundary (by input order). NaN values are rejected.
/// </remarks>
public static class CustomerRanking
{
    /// <summary>Row indices of all customers, most valuable first (ties in input order).</summary>
    /// <exception cref="ArgumentException">A value is NaN.</exception>
    public static int[] Order(ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
            if (double.IsNaN(values[i])) throw new ArgumentException($"value {i} is NaN; rankings need a number for every customer", nameof(values));
        var keys = new double[values.Length];
        var order = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            keys[i] = -values[i];
            order[i] = i;
        }
        // An introsort is not stable: break ties on the index explicitly.
        Array.Sort(order, (i, j) => keys[i] != keys[j] ? keys[i].CompareTo(keys[j]) : i.CompareTo(j));
        return order;
    }

    /// <summary>Row indices of the <paramref name="n"/> most valuable customers, most valuable first (all of them when n ≥ count).</summary>
    public static int[] Top(ReadOnlySpan<double> values, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var order = Order(values);
        return n >= order.Length ? order : order[..n];
    }

    /// <summary>Rank of each customer, 1 = the most valuable (ties in input order).</summary>
    public static int[] Ranks(ReadOnlySpan<double> values)
    {
        var order = Order(values);
        var ranks = new int[order.Length];
        for (int i = 0; i < order.Length; i++) ranks[order[i]] = i + 1;
        return ranks;
    }

    /// <summary>Equal-size quantile segment of each customer, 1 = the most valuable, <paramref name="count"/> = the least.</summary>
    /// <param name="values">Per-customer values.</param>
    /// <param name="count">Number of segments (10 for deciles); at least 1.</param>
    public static int[] Segments(ReadOnlySpan<double> values, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var order = Order(values);
        var segment = new int[order.Length];
        long n = order.Length;
        for (int i = 0; i < order.Length; i++) segment[order[i]] = (int)(i * (long)count / n) + 1;
        return segment;
    }

    /// <summary>Decile of each customer: 1 = the top 10 %, 10 = the bottom 10 %.</summary>
    public static int[] Deciles(ReadOnlySpan<double> values) => Segments(values, 10);

    /// <summary>Per segment: customers, total, mean, minimum and maximum value, and its share of the total.</summary>
    /// <param name="segments">Segment of each customer, 1..<paramref name="count"/> (e.g. from <see cref="Segments"/>).</param>
    /// <param name="values">Per-customer values.</param>
    /// <param name="count">Number of segments.</param>
    public static IReadOnlyList<SegmentSummary> Summarize(ReadOnlySpan<int> segments, ReadOnlySpan<double> values, int count)
    {
        if (segments.Length != values.Length) throw new ArgumentException($"segments and values must have the same length (got {segments.Length}, {values.Length})");
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var customers = new int[count];
        var total = new double[count];
        var min = new double[count];
        var max = new double[count];
        Array.Fill(min, double.PositiveInfinity);
        Array.Fill(max, double.NegativeInfinity);
        double grand = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int k = segments[i] - 1;
            if ((uint)k >= (uint)count) throw new ArgumentOutOfRangeException(nameof(segments), segments[i], $"segment of customer {i} must be in 1..{count}");
            double v = values[i];
            if (double.IsNaN(v)) throw new ArgumentException($"value {i} is NaN", nameof(values));
            customers[k]++;
            total[k] += v;
            min[k] = Math.Min(min[k], v);
            max[k] = Math.Max(max[k], v);
            grand += v;
        }
        var result = new SegmentSummary[count];
        for (int k = 0; k < count; k++)
        {
            bool empty = customers[k] == 0;
            result[k] = new SegmentSummary(k + 1, customers[k], total[k],
                empty ? double.NaN : total[k] / customers[k],
                empty ? double.NaN : min[k],
                empty ? double.NaN : max[k],
                grand != 0 ? total[k] / grand : double.NaN);
        }
        return result;
    }
}

/// <summary>One segment of a ranking (see <see cref="CustomerRanking.Summarize"/>).</summary>
/// <param name="Segment">1-based segment number (1 = the most valuable).</param>
/// <param name="Customers">Number of customers in the segment.</param>
/// <param name="Total">Sum of their values.</param>
/// <param name="Mean">Mean value (NaN for an empty segment).</param>
/// <param name="Minimum">Smallest value (NaN for an empty segment).</param>
/// <param name="Maximum">Largest value (NaN for an empty segment).</param>
/// <param name="ShareOfTotal">Total / the sum over all customers (NaN when that sum is 0).</param>
public sealed record SegmentSummary(int Segment, int Customers, double Total, double Mean, double Minimum, double Maximum, double ShareOfTotal);
