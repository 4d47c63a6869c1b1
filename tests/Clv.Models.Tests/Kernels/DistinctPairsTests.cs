using Clv.Models.Kernels;

namespace Clv.Models.Tests.Kernels;

/// <summary>The sort-based (x, v) collapse against a LINQ group-by and against the hash-based <see cref="DistinctRows"/>.</summary>
public class DistinctPairsTests
{
    private static (double[] X, double[] V, double[] W) Data(int n, int seed, bool wholeWeights)
    {
        var rng = new Random(seed);
        double[] x = new double[n], v = new double[n], w = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.Next(1, 6);
            // Whole-dollar spends repeat (as in CDNOW), cents rarely; a few −0 against +0.
            v[i] = rng.Next(3) switch { 0 => rng.Next(5, 40), 1 => Math.Round(rng.NextDouble() * 100, 2), _ => rng.Next(20) == 0 ? -0.0 : 0.0 };
            w[i] = wholeWeights ? rng.Next(1, 4) : rng.NextDouble() * 3;
        }
        return (x, v, w);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(257, 3)]
    [InlineData(50_000, 4)]
    public void Collapse_matches_a_group_by_in_x_value_order(int n, int seed)
    {
        var (x, v, w) = Data(n, seed, wholeWeights: true);
        var groups = Enumerable.Range(0, n).GroupBy(i => (x[i], v[i] + 0.0)).OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2).ToList();
        var (cx, cv, cw) = DistinctPairs.Collapse(x, v, w);
        Assert.Equal(groups.Select(g => g.Key.Item1), cx);
        Assert.Equal(groups.Select(g => g.Key.Item2), cv);
        Assert.Equal(groups.Select(g => g.Sum(i => w[i])), cw);
        Assert.All(cv, value => Assert.False(double.IsNegative(value) && value == 0, "−0 must come out as +0"));
        var (_, _, unit) = DistinctPairs.Collapse(x, v, []);
        Assert.Equal(groups.Select(g => (double)g.Count()), unit);
    }

    [Fact]
    public void Same_rows_as_the_hash_based_collapse_and_the_same_sums_to_rounding()
    {
        foreach (bool whole in new[] { true, false })
        {
            var (x, v, w) = Data(20_000, 5, whole);
            var rows = DistinctRows.Collapse(x, v, new double[x.Length], w);
            var (cx, cv, cw) = DistinctPairs.Collapse(x, v, w);
            Assert.Equal(rows.X, cx);
            Assert.Equal(rows.Recency, cv);
            if (whole) Assert.Equal(rows.Weight, cw); // whole weights sum exactly in any order
            else for (int k = 0; k < cw.Length; k++) Assert.Equal(rows.Weight[k], cw[k], 1e-13 * rows.Weight[k]);
        }
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => DistinctPairs.Collapse([1, 2], [1], []));
        Assert.Throws<ArgumentException>(() => DistinctPairs.Collapse([1, 2], [1, 2], [1]));
    }
}
