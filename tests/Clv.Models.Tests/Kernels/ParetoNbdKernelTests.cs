using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Tests.Kernels;

/// <summary>The Pareto/NBD vector kernel at 512 and 256 bits against the scalar reference (<see cref="VectorWidth.Scalar"/>).</summary>
public class ParetoNbdKernelTests
{
    private static readonly ParetoNbdParameters[] Points =
    [
        new(0.5533, 10.578, 0.6062, 11.667),
        new(0.5533, 11.667, 0.6062, 10.578),   // β < α: the other orientation of the integral
        new(0.5533, 10.578, 0.6062, 10.578),   // α = β: one-term series
        new(0.5533, 10.578, 0.6062, 10.578 * (1 + 1e-10)),
        new(0.01, 0.01, 0.01, 0.01),
        new(1000, 1000, 1000, 1000),
        new(0.05, 900, 30, 0.02),              // far apart: many groups go to the quadrature
        new(50, 0.02, 0.03, 700),
        new(2, 30, 1, 3),                      // s = 1
    ];

    private static double Evaluate(FrequencySegments data, in ParetoNbdParameters p, VectorWidth width, int threads, double[] gradient) =>
        ParetoNbdLikelihood.ValueAndGradient(data, p, gradient, new double[data.Pieces.Length * ParetoNbdLikelihood.SumCount], threads, width);

    private static void AssertAgree(FrequencySegments data, in ParetoNbdParameters p, VectorWidth width, string what)
    {
        var gs = new double[4];
        var gv = new double[4];
        double reference = Evaluate(data, p, VectorWidth.Scalar, 1, gs);
        double vector = Evaluate(data, p, width, 1, gv);
        Assert.True(Math.Abs(vector - reference) <= 1e-12 * Math.Max(1, Math.Abs(reference)), $"{what}: LL {vector:R} vs {reference:R}");
        for (int k = 0; k < 4; k++)
            Assert.True(Math.Abs(gv[k] - gs[k]) <= 1e-10 * Math.Max(1, Math.Abs(gs[k])), $"{what}: gradient[{k}] {gv[k]:R} vs {gs[k]:R}");
    }

    private static (double[] X, double[] Tx, double[] T) Customers(int n, int seed, int maxX)
    {
        var rng = new Random(seed);
        var x = new double[n]; var tx = new double[n]; var t = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = rng.NextDouble() < 0.05 ? 2000 * rng.NextDouble() : 0.5 + 60 * rng.NextDouble();
            x[i] = rng.NextDouble() < 0.4 ? 0 : rng.Next(1, maxX + 1);
            double u = rng.NextDouble();
            tx[i] = x[i] == 0 ? 0 : u < 0.1 ? t[i] : u < 0.15 ? 0 : t[i] * rng.NextDouble();
        }
        return (x, tx, t);
    }

    public static TheoryData<VectorWidth> Widths => [VectorWidth.Vector512, VectorWidth.Vector256];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_length_from_1_to_100_agrees_with_the_scalar_reference(VectorWidth width)
    {
        var (_, tx, t) = Customers(100, 31, 1);
        foreach (double f in new[] { 0.0, 2.0 })
            for (int n = 1; n <= 100; n++)
            {
                var xs = Enumerable.Repeat(f, n).ToArray();
                var txs = f == 0 ? new double[n] : tx.Take(n).Select((v, i) => Math.Min(v, t[i])).ToArray();
                AssertAgree(FrequencySegments.Create(xs, txs, t.Take(n).ToArray(), []), Points[0], width, $"x = {f}, n = {n}");
            }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Random_and_extreme_customers_agree_with_the_scalar_reference(VectorWidth width)
    {
        var (x, tx, t) = Customers(6_000, 32, 300);
        var w = x.Select((_, i) => 1.0 + i % 7).ToArray();
        var data = FrequencySegments.Create(x, tx, t, w);
        foreach (var p in Points) AssertAgree(data, p, width, p.ToString());
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Result_is_identical_for_one_and_two_threads(VectorWidth width)
    {
        var (x, tx, t) = Customers(60_000, 33, 40);
        var data = FrequencySegments.Create(x, tx, t, []);
        var g1 = new double[4];
        var g2 = new double[4];
        Assert.Equal(Evaluate(data, Points[0], width, 1, g1), Evaluate(data, Points[0], width, 2, g2));
        Assert.Equal(g1, g2);
    }
}
