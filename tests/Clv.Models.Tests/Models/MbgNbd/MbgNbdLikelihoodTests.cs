using Clv.Models.BgNbd;
using Clv.Models.Kernels;
using Clv.Models.MbgNbd;
using Clv.Models.Tests.Models.BgNbd;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Clv.Models.Tests.Models.MbgNbd;

public class MbgNbdLikelihoodTests
{
    private static readonly MbgNbdParameters Cdnow = new(0.5248, 6.1830, 0.8914, 1.6140);

    private static double Total(in MbgNbdParameters p, double[] x, double[] tx, double[] t, Span<double> gradient, VectorWidth width = VectorWidth.Auto)
    {
        var data = FrequencySegments.Create(x, tx, t, []);
        return MbgNbdLikelihood.ValueAndGradient(data, p, gradient, new double[data.Pieces.Length * BgNbdLikelihood.SumCount], 1, width);
    }

    [Fact]
    public void Segmented_kernel_equals_the_sum_of_the_direct_two_term_formula()
    {
        // The fit's path (shared BG/NBD row sums with one initial flip) against the paper's two terms evaluated directly.
        var (x, tx, t) = BgNbdLikelihoodTests.RandomCustomers(50_000, 21, maxX: 300);
        double reference = 0;
        for (int i = 0; i < x.Length; i++) reference += MbgNbdLikelihood.LogLikelihood(Cdnow, x[i], tx[i], t[i]);
        foreach (var width in new[] { VectorWidth.Scalar, VectorWidth.Vector256, VectorWidth.Vector512 })
            Assert.Equal(reference, Total(Cdnow, x, tx, t, new double[4], width), Math.Abs(reference) * 1e-12);
    }

    [Fact]
    public void Cdnow_log_likelihood_at_the_published_estimate()
    {
        // Issue 7: LL = -9582.13 at r 0.5248, alpha 6.1830, a 0.8914, b 1.6140 (the four-digit values give -9582.1327).
        double ll = Total(Cdnow, CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T, new double[4]);
        Assert.Equal(-9582.13, ll, 0.005);
        var perCustomer = new double[CdnowFixture.X.Length];
        Cdnow.LogLikelihoods(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T, perCustomer);
        Assert.Equal(ll, perCustomer.Sum(), 1e-9);
    }

    [Property(MaxTest = 150)]
    public Property Analytic_gradient_equals_central_finite_differences()
        => Prop.ForAll(GradientCheck.Points(200, 300, 200, 200), point =>
        {
            // Finite differences of the direct two-term formula: independent of the shared kernel.
            var (x, tx, t) = BgNbdLikelihoodTests.RandomCustomers(40, point.Seed);
            return GradientCheck.Check(point.Theta, (q, g) => Total(MbgNbdParameters.FromSpan(q), x, tx, t, g),
                q => Enumerable.Range(0, x.Length).Sum(i => MbgNbdLikelihood.LogLikelihood(MbgNbdParameters.FromSpan(q), x[i], tx[i], t[i])));
        });
}
