using Clv.Models.Valuation;
using FsCheck.Xunit;

namespace Clv.Models.Tests.Valuation;

public class CustomerRankingTests
{
    [Fact]
    public void Order_is_largest_first_with_ties_in_input_order()
    {
        double[] v = [3, 7, 3, double.PositiveInfinity, -1, 7];
        Assert.Equal([3, 1, 5, 0, 2, 4], CustomerRanking.Order(v));
        Assert.Equal([4, 2, 5, 1, 6, 3], CustomerRanking.Ranks(v));
        Assert.Equal([3, 1], CustomerRanking.Top(v, 2));
        Assert.Equal(6, CustomerRanking.Top(v, 100).Length);
        Assert.Empty(CustomerRanking.Top(v, 0));
    }

    [Fact]
    public void Deciles_of_twenty_customers_hold_two_each()
    {
        var v = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        var d = CustomerRanking.Deciles(v);
        // Values 19 and 18 are the top decile, 1 and 0 the bottom one.
        for (int i = 0; i < 20; i++) Assert.Equal(10 - i / 2, d[i]);
        var summary = CustomerRanking.Summarize(d, v, 10);
        Assert.Equal(new SegmentSummary(1, 2, 37, 18.5, 18, 19, 37.0 / 190), summary[0]);
        Assert.Equal(new SegmentSummary(10, 2, 1, 0.5, 0, 1, 1.0 / 190), summary[9]);
    }

    [Fact]
    public void Empty_segments_and_bad_input_are_explicit()
    {
        var summary = CustomerRanking.Summarize(CustomerRanking.Segments([5.0], 3), [5.0], 3);
        Assert.Equal(1, summary[0].Customers);
        Assert.Equal(0, summary[2].Customers);
        Assert.True(double.IsNaN(summary[2].Mean));
        Assert.Throws<ArgumentException>(() => CustomerRanking.Order([1, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerRanking.Segments([1.0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerRanking.Summarize([4], [1.0], 3));
    }

    /// <summary>Segments are balanced (sizes differ by at most one), ordered by value, and the summary adds up.</summary>
    [Property(MaxTest = 200)]
    public bool Segments_are_balanced_monotone_and_summaries_add_up(int[] raw, byte k)
    {
        int count = k % 12 + 1;
        var v = raw.Select(r => (double)(r % 50)).ToArray();
        var s = CustomerRanking.Segments(v, count);
        var sizes = Enumerable.Range(1, count).Select(j => s.Count(x => x == j)).ToArray();
        if (v.Length > 0 && sizes.Max() - sizes.Min() > 1) return false;
        for (int i = 0; i < v.Length; i++)
            for (int j = 0; j < v.Length; j++)
                if (v[i] > v[j] && s[i] > s[j]) return false;
        var summary = CustomerRanking.Summarize(s, v, count);
        return summary.Sum(x => x.Customers) == v.Length
            && Math.Abs(summary.Sum(x => x.Total) - v.Sum()) < 1e-9
            && summary.Select(x => x.Segment).SequenceEqual(Enumerable.Range(1, count));
    }
}
