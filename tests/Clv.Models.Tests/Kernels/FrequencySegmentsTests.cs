using Clv.Models.BgNbd;
using Clv.Models.Kernels;

namespace Clv.Models.Tests.Kernels;

public class FrequencySegmentsTests
{
    [Fact]
    public void Identical_rows_are_collapsed_into_weights_without_changing_the_likelihood()
    {
        // 3 distinct customers repeated, with weights, in shuffled order.
        double[] x = [0, 2, 0, 2, 2, 5, 0];
        double[] tx = [0, 10, 0, 10, 11, 30, 0];
        double[] t = [38, 38, 38, 38, 38, 39, 37];
        double[] w = [1, 2, 3, 4, 5, 6, 7];
        var data = FrequencySegments.Create(x, tx, t, w);
        Assert.Equal(5, data.Count);                 // (0,0,37), (0,0,38), (2,10,38), (2,11,38), (5,30,39)
        Assert.Equal([0, 2, 5], data.Frequencies);
        Assert.Equal([0, 2, 4, 5], data.SegmentStart);
        Assert.Equal([7.0, 4, 6, 5, 6], data.Weight); // (t_x, T) order inside each segment
        Assert.Equal([11.0, 11, 6], data.SegmentWeight);
        Assert.Equal(28, data.TotalWeight);

        var p = new BgNbdParameters(0.24, 4.4, 0.79, 2.4);
        double reference = 0;
        for (int i = 0; i < x.Length; i++) reference += w[i] * BgNbdLikelihood.LogLikelihood(p, x[i], tx[i], t[i]);
        foreach (var width in new[] { VectorWidth.Scalar, VectorWidth.Vector256, VectorWidth.Vector512 })
        {
            double ll = BgNbdLikelihood.ValueAndGradient(data, p, new double[4], new double[data.Pieces.Length * BgNbdLikelihood.SumCount], 1, width);
            Assert.Equal(reference, ll, Math.Abs(reference) * 1e-13);
        }
    }

    [Fact]
    public void Simulated_customer_base_collapses_to_its_distinct_rows()
    {
        var ages = Enumerable.Range(0, 50_000).Select(i => (27 * 7 + i % 85) / 7.0).ToArray();
        var s = BgNbdSimulator.Simulate(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), ages, 5);
        var data = FrequencySegments.Create(s.Frequency, s.Recency, s.T, []);
        int distinct = Enumerable.Range(0, s.Count).Select(i => (s.Frequency[i], s.Recency[i], s.T[i])).Distinct().Count();
        Assert.Equal(distinct, data.Count);
        Assert.Equal(s.Count, data.TotalWeight);
        Assert.Equal(85, data.SegmentStart[1]); // the x = 0 customers differ only by T: one row per age
    }
}
