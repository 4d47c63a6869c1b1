using Clv.Models.BgNbd;
using Clv.Models.Kernels;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Clv.Models.Tests.Models.BgNbd;

public class BgNbdLikelihoodTests
{
    private static readonly BgNbdParameters Cdnow = new(0.2426, 4.4135, 0.7929, 2.4258);

    internal static (double[] X, double[] Tx, double[] T) RandomCustomers(int n, int seed, int maxX = 30)
    {
        var rng = new Random(seed);
        var x = new double[n]; var tx = new double[n]; var t = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 0.5 + 60 * rng.NextDouble();
            x[i] = rng.NextDouble() < 0.5 ? 0 : rng.Next(1, maxX + 1);
            tx[i] = x[i] == 0 ? 0 : t[i] * rng.NextDouble();
        }
        return (x, tx, t);
    }

    private static double Total(in BgNbdParameters p, double[] x, double[] tx, double[] t, double[]? w, Span<double> gradient, int threads)
    {
        var data = FrequencySegments.Create(x, tx, t, w ?? []);
        return BgNbdLikelihood.ValueAndGradient(data, p, gradient, new double[data.Pieces.Length * BgNbdLikelihood.SumCount], threads);
    }

    [Fact]
    public void Segmented_kernel_equals_the_sum_of_per_customer_reference_values()
    {
        var (x, tx, t) = RandomCustomers(50_000, 1);
        double reference = 0;
        for (int i = 0; i < x.Length; i++) reference += BgNbdLikelihood.LogLikelihood(Cdnow, x[i], tx[i], t[i]);
        double kernel = Total(Cdnow, x, tx, t, null, new double[4], 1);
        Assert.Equal(reference, kernel, Math.Abs(reference) * 1e-12);
    }

    [Fact]
    public void Result_is_bit_identical_for_every_thread_count()
    {
        var (x, tx, t) = RandomCustomers(200_000, 2);
        var g1 = new double[4]; var g2 = new double[4]; var g8 = new double[4];
        double v1 = Total(Cdnow, x, tx, t, null, g1, 1);
        double v2 = Total(Cdnow, x, tx, t, null, g2, 2);
        double v8 = Total(Cdnow, x, tx, t, null, g8, 8);
        Assert.Equal(v1, v2);
        Assert.Equal(v1, v8);
        Assert.Equal(g1, g2);
        Assert.Equal(g1, g8);
    }

    [Fact]
    public void Weights_equal_repeating_rows()
    {
        var (x, tx, t) = RandomCustomers(300, 3);
        var w = Enumerable.Range(0, x.Length).Select(i => (double)(1 + i % 3)).ToArray();
        var rep = Enumerable.Range(0, x.Length).SelectMany(i => Enumerable.Repeat(i, (int)w[i])).ToArray();
        var gw = new double[4]; var gr = new double[4];
        double weighted = Total(Cdnow, x, tx, t, w, gw, 1);
        double repeated = Total(Cdnow, [.. rep.Select(i => x[i])], [.. rep.Select(i => tx[i])], [.. rep.Select(i => t[i])], null, gr, 1);
        Assert.Equal(repeated, weighted, Math.Abs(repeated) * 1e-13);
        for (int k = 0; k < 4; k++) Assert.Equal(gr[k], gw[k], Math.Abs(gr[k]) * 1e-11 + 1e-9);
    }

    [Fact]
    public void Cdnow_log_likelihood_at_the_published_estimate()
    {
        // lifetimes 0.11.3 reports LL = -9582.43 at its optimum (r 0.2426, alpha 4.4135, a 0.7929, b 2.4258).
        double ll = Total(Cdnow, CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T, null, new double[4], 1);
        Assert.Equal(-9582.43, ll, 0.01);
    }

    [Property(MaxTest = 200)]
    public Property Analytic_gradient_equals_central_finite_differences()
        => Prop.ForAll(GradientCheck.Points(200, 300, 200, 200), point =>
        {
            var (x, tx, t) = RandomCustomers(40, point.Seed);
            return GradientCheck.Check(point.Theta, (q, g) => Total(BgNbdParameters.FromSpan(q), x, tx, t, null, g, 1),
                q => Total(BgNbdParameters.FromSpan(q), x, tx, t, null, new double[4], 1));
        });
}
