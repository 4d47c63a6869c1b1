using Clv.Models.BgNbd;
using Clv.Models.Kernels;
using Clv.Models.Tests.Models.BgNbd;

namespace Clv.Models.Tests.Kernels;

/// <summary>
/// The BG/NBD vector kernel at 512 and 256 bits against the readable scalar reference (<see cref="VectorWidth.Scalar"/>), for
/// BG/NBD (no initial dropout flip) and MBG/NBD (one flip at time 0, which gives x = 0 rows the dropout term too).
/// </summary>
public class BgNbdKernelTests
{
    private static readonly BgNbdParameters[] Points =
    [
        new(0.2426, 4.4135, 0.7929, 2.4258),
        new(0.01, 0.01, 0.01, 0.01),
        new(1000, 1000, 1000, 1000),
        new(0.05, 900, 30, 0.02),
        new(50, 0.02, 0.03, 700),
    ];

    private static double Evaluate(FrequencySegments data, in BgNbdParameters p, VectorWidth width, int threads, double[] gradient, int flips = 0) =>
        BgNbdLikelihood.ValueAndGradient(data, p, gradient, new double[data.Pieces.Length * BgNbdLikelihood.SumCount], threads, width, flips);

    private static void AssertAgree(FrequencySegments data, in BgNbdParameters p, VectorWidth width, int flips, string what)
    {
        var gs = new double[4];
        var gv = new double[4];
        double reference = Evaluate(data, p, VectorWidth.Scalar, 1, gs, flips);
        double vector = Evaluate(data, p, width, 1, gv, flips);
        Assert.True(Math.Abs(vector - reference) <= 1e-12 * Math.Max(1, Math.Abs(reference)), $"{what}: LL {vector:R} vs {reference:R}");
        for (int k = 0; k < 4; k++)
            Assert.True(Math.Abs(gv[k] - gs[k]) <= 1e-11 * Math.Max(1, Math.Abs(gs[k])), $"{what}: gradient[{k}] {gv[k]:R} vs {gs[k]:R}");
    }

    /// <summary>Each vector width, for BG/NBD (0 initial flips) and MBG/NBD (1).</summary>
    public static TheoryData<VectorWidth, int> Widths => new()
    {
        { VectorWidth.Vector512, 0 }, { VectorWidth.Vector256, 0 }, { VectorWidth.Vector512, 1 }, { VectorWidth.Vector256, 1 },
    };

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_length_from_0_to_256_agrees_with_the_scalar_reference(VectorWidth width, int flips)
    {
        var (x, tx, t) = BgNbdLikelihoodTests.RandomCustomers(256, 11);
        // One frequency per data set, so the piece length is the data length and every remainder occurs.
        foreach (double f in new[] { 0.0, 3.0 })
        {
            for (int n = 1; n <= 256; n++)
            {
                var xs = Enumerable.Repeat(f, n).ToArray();
                var txs = t.Take(n).Select((v, i) => f == 0 ? 0 : v * (i % 7) / 7.0).ToArray();
                var data = FrequencySegments.Create(xs, txs, t.Take(n).ToArray(), []);
                AssertAgree(data, Points[0], width, flips, $"x = {f}, n = {n}");
            }
        }
        var empty = FrequencySegments.Create([], [], [], []);
        Assert.Equal(0.0, Evaluate(empty, Points[0], width, 1, new double[4], flips));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Random_and_extreme_customers_agree_with_the_scalar_reference(VectorWidth width, int flips)
    {
        var (x, tx, t) = BgNbdLikelihoodTests.RandomCustomers(20_000, 12, maxX: 200);
        var rng = new Random(3);
        var w = x.Select(_ => (double)rng.Next(1, 50)).ToArray();
        // Extremes: t_x = T, t_x = 0 with x > 0, T up to 2000, x up to 1000, tiny T.
        double[] ex = [1, 1000, 1000, 5, 5, 0, 1, 0];
        double[] etx = [2000, 0, 2000, 1e-9, 0.01, 0, 0, 0];
        double[] et = [2000, 2000, 2000, 1e-9, 0.01, 2000, 1500, 1e-9];
        var data = FrequencySegments.Create([.. x, .. ex], [.. tx, .. etx], [.. t, .. et], [.. w, .. ex.Select(_ => 1.0)]);
        foreach (var p in Points) AssertAgree(data, p, width, flips, p.ToString());
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Result_is_identical_for_one_and_two_threads(VectorWidth width, int flips)
    {
        var (x, tx, t) = BgNbdLikelihoodTests.RandomCustomers(200_000, 13);
        var data = FrequencySegments.Create(x, tx, t, []);
        var g1 = new double[4];
        var g2 = new double[4];
        Assert.Equal(Evaluate(data, Points[0], width, 1, g1, flips), Evaluate(data, Points[0], width, 2, g2, flips));
        Assert.Equal(g1, g2);
    }

    [Fact]
    public void Fits_at_every_width_agree()
    {
        var ages = Enumerable.Range(0, 5_000).Select(i => 27 + i % 12 + 0.5).ToArray();
        var summary = BgNbdSimulator.Simulate(Points[0], ages, 14);
        var fits = new[] { VectorWidth.Scalar, VectorWidth.Vector256, VectorWidth.Vector512 }
            .Select(w => new BgNbdModel(new Estimation.FitOptions { VectorWidth = w }).Fit(summary)).ToArray();
        foreach (var f in fits[1..])
        {
            Assert.Equal(fits[0].LogLikelihood, f.LogLikelihood, Math.Abs(fits[0].LogLikelihood) * 1e-12);
            for (int k = 0; k < 4; k++) Assert.Equal(fits[0].Estimate.Parameters[k].Value, f.Estimate.Parameters[k].Value, fits[0].Estimate.Parameters[k].Value * 1e-6);
        }
    }

    [Fact]
    public void Mbg_nbd_fits_at_every_width_agree()
    {
        var ages = Enumerable.Range(0, 5_000).Select(i => 27 + i % 12 + 0.5).ToArray();
        var summary = Clv.Models.MbgNbd.MbgNbdSimulator.Simulate(new(0.5248, 6.1830, 0.8914, 1.6140), ages, 15);
        var fits = new[] { VectorWidth.Scalar, VectorWidth.Vector256, VectorWidth.Vector512 }
            .Select(w => new Clv.Models.MbgNbd.MbgNbdModel(new Estimation.FitOptions { VectorWidth = w }).Fit(summary)).ToArray();
        foreach (var f in fits[1..])
        {
            Assert.Equal(fits[0].LogLikelihood, f.LogLikelihood, Math.Abs(fits[0].LogLikelihood) * 1e-12);
            for (int k = 0; k < 4; k++) Assert.Equal(fits[0].Estimate.Parameters[k].Value, f.Estimate.Parameters[k].Value, fits[0].Estimate.Parameters[k].Value * 1e-6);
        }
    }
}
