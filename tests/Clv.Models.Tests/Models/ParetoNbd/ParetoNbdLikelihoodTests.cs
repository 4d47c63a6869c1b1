using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Clv.Models.Tests.Models.BgNbd;

namespace Clv.Models.Tests.Models.ParetoNbd;

public class ParetoNbdLikelihoodTests
{
    private static readonly ParetoNbdParameters Cdnow = new(0.5533, 10.578, 0.6062, 11.667);

    private static double Total(in ParetoNbdParameters p, double[] x, double[] tx, double[] t, double[]? w, Span<double> gradient, int threads)
    {
        var data = FrequencySegments.Create(x, tx, t, w ?? []);
        return ParetoNbdLikelihood.ValueAndGradient(data, p, gradient, new double[data.Pieces.Length * ParetoNbdLikelihood.SumCount], threads);
    }

    [Fact]
    public void Segmented_kernel_equals_the_sum_of_per_customer_reference_values()
    {
        var (x, tx, t) = BgNbdLikelihoodTests.RandomCustomers(5_000, 1);
        double reference = 0;
        for (int i = 0; i < x.Length; i++) reference += ParetoNbdLikelihood.LogLikelihood(Cdnow, x[i], tx[i], t[i]);
        double kernel = Total(Cdnow, x, tx, t, null, new double[4], 1);
        Assert.Equal(reference, kernel, Math.Abs(reference) * 1e-12);
    }

    [Fact]
    public void Result_is_bit_identical_for_one_and_two_threads()
    {
        var (x, tx, t) = BgNbdLikelihoodTests.RandomCustomers(40_000, 2);
        var g1 = new double[4]; var g2 = new double[4];
        double v1 = Total(Cdnow, x, tx, t, null, g1, 1);
        double v2 = Total(Cdnow, x, tx, t, null, g2, 2);
        Assert.Equal(v1, v2);
        Assert.Equal(g1, g2);
    }

    [Fact]
    public void Weights_equal_repeating_rows()
    {
        var (x, tx, t) = BgNbdLikelihoodTests.RandomCustomers(300, 3);
        var w = Enumerable.Range(0, x.Length).Select(i => (double)(1 + i % 3)).ToArray();
        var rep = Enumerable.Range(0, x.Length).SelectMany(i => Enumerable.Repeat(i, (int)w[i])).ToArray();
        var gw = new double[4]; var gr = new double[4];
        double weighted = Total(Cdnow, x, tx, t, w, gw, 1);
        double repeated = Total(Cdnow, [.. rep.Select(i => x[i])], [.. rep.Select(i => tx[i])], [.. rep.Select(i => t[i])], null, gr, 1);
        Assert.Equal(repeated, weighted, Math.Abs(repeated) * 1e-13);
        for (int k = 0; k < 4; k++) Assert.Equal(gr[k], gw[k], Math.Abs(gr[k]) * 1e-11 + 1e-9);
    }

    [Fact]
    public void LogAliveShare_is_the_log_of_the_alive_term_over_the_likelihood()
    {
        // ln P(alive) = ln[Γ(r+x)α^r β^s/Γ(r) (α+T)^-(r+x) (β+T)^-s] − ln L, an identity between independently written expressions.
        double x = 4, tx = 20, T = 38;
        double logTerm1 = Clv.Models.Special.LogGamma.LogRising(Cdnow.R, 4) + Cdnow.R * Math.Log(Cdnow.Alpha) + Cdnow.S * Math.Log(Cdnow.Beta)
            - (Cdnow.R + x) * Math.Log(Cdnow.Alpha + T) - Cdnow.S * Math.Log(Cdnow.Beta + T);
        Assert.Equal(logTerm1 - ParetoNbdLikelihood.LogLikelihood(Cdnow, x, tx, T), ParetoNbdLikelihood.LogAliveShare(Cdnow, x, tx, T), 1e-12);
    }

    [Property(MaxTest = 150)]
    public Property Analytic_gradient_equals_central_finite_differences()
        => Prop.ForAll(GradientCheck.Points(200, 300, 200, 300), point =>
        {
            var (x, tx, t) = BgNbdLikelihoodTests.RandomCustomers(30, point.Seed);
            return GradientCheck.Check(point.Theta, (q, g) => Total(ParetoNbdParameters.FromSpan(q), x, tx, t, null, g, 1),
                q => Total(ParetoNbdParameters.FromSpan(q), x, tx, t, null, new double[4], 1));
        });

    [Fact]
    public void Analytic_gradient_equals_finite_differences_in_the_quadrature_region()
    {
        // α ≫ β and β ≫ α with large frequencies: the integral is taken by quadrature (z₁ near 1) — its moment-based gradient.
        foreach (var p in new[] { new ParetoNbdParameters(0.7, 500, 0.4, 0.02), new ParetoNbdParameters(3, 0.02, 2, 300) })
        {
            double[] x = [0, 1, 5, 40, 300], tx = [0, 0.5, 10, 30, 39], t = [40, 40, 40, 40, 40];
            var g = new double[4];
            Total(p, x, tx, t, null, g, 1);
            var theta = p.ToArray();
            for (int k = 0; k < 4; k++)
            {
                double h = 1e-6 * theta[k];
                var up = (double[])theta.Clone(); up[k] += h;
                var dn = (double[])theta.Clone(); dn[k] -= h;
                double fd = (Total(ParetoNbdParameters.FromSpan(up), x, tx, t, null, new double[4], 1) - Total(ParetoNbdParameters.FromSpan(dn), x, tx, t, null, new double[4], 1)) / (2 * h);
                Assert.Equal(fd, g[k], 1e-5 * (Math.Abs(fd) + 1e-3));
            }
        }
    }
}
