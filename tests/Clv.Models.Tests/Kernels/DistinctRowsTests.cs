using Clv.Models.Kernels;

namespace Clv.Models.Tests.Kernels;

public class DistinctRowsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(5_000, 3)]
    [InlineData(60_000, 4)] // a segment with ~20k distinct rows: the per-x table grows several times
    public void Collapse_matches_a_group_by_in_x_recency_T_order(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        var tx = new double[n];
        var t = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.Next(4);
            t[i] = rng.Next(180, 320) / 7.0;
            tx[i] = x[i] == 0 ? (rng.Next(2) == 0 ? 0.0 : -0.0) : Math.Floor(rng.NextDouble() * t[i] * 7) / 7.0;
            w[i] = rng.Next(1, 4);
        }

        var groups = Enumerable.Range(0, n)
            .GroupBy(i => (x[i], tx[i] + 0.0, t[i]))            // + 0.0: −0 and +0 are one value
            .Select(g => (Key: g.Key, First: g.First(), Weight: g.Sum(i => w[i])))
            .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2).ThenBy(g => g.Key.Item3)
            .ToArray();

        var rowOf = new int[n];
        var d = DistinctRows.Collapse(x, tx, t, w, rowOf);
        Assert.Equal(groups.Length, d.Count);
        for (int k = 0; k < groups.Length; k++)
        {
            Assert.Equal(groups[k].Key.Item1, d.X[k]);
            Assert.Equal(groups[k].Key.Item2, d.Recency[k]);
            Assert.False(double.IsNegative(d.Recency[k]), "−0 is stored as +0");
            Assert.Equal(groups[k].Key.Item3, d.T[k]);
            Assert.Equal(groups[k].Weight, d.Weight[k]);
        }

        for (int i = 0; i < n; i++)
        {
            Assert.Equal(x[i], d.X[rowOf[i]]);
            Assert.Equal(tx[i] + 0.0, d.Recency[rowOf[i]]);
            Assert.Equal(t[i], d.T[rowOf[i]]);
        }

        var shuffled = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
        var again = DistinctRows.Collapse([.. shuffled.Select(i => x[i])], [.. shuffled.Select(i => tx[i])], [.. shuffled.Select(i => t[i])], [.. shuffled.Select(i => w[i])]);
        Assert.Equal(d.X, again.X);
        Assert.Equal(d.Recency, again.Recency);
        Assert.Equal(d.T, again.T);
        Assert.Equal(d.Weight, again.Weight); // whole weights: the sums are exact in any order

        var unit = DistinctRows.Collapse(x, tx, t, []);
        Assert.Equal(groups.Select(g => (double)g.Key.Item1), unit.X);
        Assert.Equal(n, unit.Weight.Sum());
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => DistinctRows.Collapse([1, 2], [0], [3, 4], []));
        Assert.Throws<ArgumentException>(() => DistinctRows.Collapse([1], [0], [3], [1, 2]));
    }
}
