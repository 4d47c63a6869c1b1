using Clv.Models.GammaGamma;
using Clv.Models.Kernels;

namespace Clv.Models.Tests.Kernels;

/// <summary>The Gamma-Gamma vector kernel at 512 and 256 bits against the readable scalar reference.</summary>
public class GammaGammaKernelTests
{
    private static readonly GammaGammaParameters[] Points =
    [
        new(6.2488, 3.7446, 15.4477),
        new(0.01, 0.01, 0.01),
        new(1000, 1000, 1000),
        new(0.05, 900, 1e-3),
        new(300, 0.02, 1e5),
    ];

    private static double Evaluate(FrequencySegments data, in GammaGammaParameters p, VectorWidth width, int threads, double[] gradient) =>
        GammaGammaLikelihood.ValueAndGradient(data, p, gradient, new double[data.Pieces.Length * GammaGammaLikelihood.SumCount], threads, width);

    private static void AssertAgree(FrequencySegments data, in GammaGammaParameters p, VectorWidth width, string what)
    {
        var gs = new double[3];
        var gv = new double[3];
        double reference = Evaluate(data, p, VectorWidth.Scalar, 1, gs);
        double vector = Evaluate(data, p, width, 1, gv);
        Assert.True(Math.Abs(vector - reference) <= 1e-12 * Math.Max(1, Math.Abs(reference)), $"{what}: LL {vector:R} vs {reference:R}");
        for (int k = 0; k < 3; k++)
            Assert.True(Math.Abs(gv[k] - gs[k]) <= 1e-11 * Math.Max(1, Math.Abs(gs[k])), $"{what}: gradient[{k}] {gv[k]:R} vs {gs[k]:R}");
    }

    private static (double[] X, double[] M) Customers(int n, int seed)
    {
        var rng = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => (double)rng.Next(1, 60)).ToArray();
        var m = x.Select(_ => Math.Pow(10, 5 * rng.NextDouble() - 2)).ToArray();
        return (x, m);
    }

    public static TheoryData<VectorWidth> Widths => [VectorWidth.Vector512, VectorWidth.Vector256];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_length_from_0_to_256_agrees_with_the_scalar_reference(VectorWidth width)
    {
        var (_, m) = Customers(256, 21);
        for (int n = 0; n <= 256; n++)
        {
            var data = GammaGammaLikelihood.Layout(Enumerable.Repeat(4.0, n).ToArray(), m.AsSpan(0, n), []);
            if (n == 0) Assert.Equal(0.0, Evaluate(data, Points[0], width, 1, new double[3]));
            else AssertAgree(data, Points[0], width, $"n = {n}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Random_customers_agree_with_the_scalar_reference_and_do_not_depend_on_threads(VectorWidth width)
    {
        var (x, m) = Customers(100_000, 22);
        var w = x.Select((_, i) => 1.0 + i % 5).ToArray();
        var data = GammaGammaLikelihood.Layout(x, m, w);
        foreach (var p in Points) AssertAgree(data, p, width, p.ToString());
        var g1 = new double[3];
        var g2 = new double[3];
        Assert.Equal(Evaluate(data, Points[0], width, 1, g1), Evaluate(data, Points[0], width, 2, g2));
        Assert.Equal(g1, g2);
    }
}
