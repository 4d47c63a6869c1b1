using Clv.Models.Estimation;
using Clv.Models.ParetoNbd;
using Clv.Models.Tests.Models.BgNbd;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Models.ParetoNbd;

/// <summary>One CDNOW fit shared by the tests that only read it.</summary>
public sealed class ParetoNbdCdnowFit
{
    public FittedParetoNbd Fit { get; } = new ParetoNbdModel().Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
}

public class ParetoNbdFitTests(ParetoNbdCdnowFit cdnow, ITestOutputHelper output) : IClassFixture<ParetoNbdCdnowFit>
{
    [Fact]
    public void Cdnow_fit_matches_the_published_estimates()
    {
        var fit = cdnow.Fit;
        output.WriteLine(EstimateTable.Format("Pareto/NBD", fit.Estimate));
        // Fader & Hardie (2005 note) / lifetimes on CDNOW: r 0.5533, alpha 10.578, s 0.6062, beta 11.667, LL -9594.97 (rounded).
        Assert.Equal(0.5533, fit.Parameters.R, 5e-4);
        Assert.Equal(10.578, fit.Parameters.Alpha, 5e-3);
        Assert.Equal(0.6062, fit.Parameters.S, 5e-4);
        Assert.Equal(11.667, fit.Parameters.Beta, 5e-3);
        Assert.Equal(-9594.97, fit.LogLikelihood, 0.005);
        Assert.True(fit.Estimate.Convergence.Converged);
        Assert.Equal("pareto-nbd", FittedParetoNbd.ModelName);
        Assert.Equal(2 * 4 + 2 * 9594.97, fit.Estimate.Aic, 0.01);
    }

    [Fact]
    public void Cdnow_customer_predictions_from_the_fit()
    {
        var fit = cdnow.Fit;
        double[] x = [2], tx = [30.43], T = [38.86];
        var pa = new double[1]; var ey = new double[1];
        fit.ProbabilityAlive(x, tx, T, pa);
        fit.ExpectedPurchases(39, x, tx, T, ey);
        output.WriteLine($"P(alive) = {pa[0]:R}, E[Y(39)] = {ey[0]:R}");
        Assert.Equal(0.8691, pa[0], 3);
        Assert.Equal(1.4551, ey[0], 3);
        Assert.Equal(ParetoNbdPredictions.ExpectedPurchasesNewCustomer(fit.Parameters, 39), fit.ExpectedPurchasesNewCustomer(39));
        Assert.Equal(ParetoNbdPredictions.ProbabilityOfPurchases(fit.Parameters, 3, 39), fit.ProbabilityOfPurchases(3, 39));
        var ll = new double[CdnowFixture.X.Length];
        fit.LogLikelihoods(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T, ll);
        Assert.Equal(fit.LogLikelihood, ll.Sum(), 1e-8 * Math.Abs(fit.LogLikelihood));
    }

    [Fact]
    public void Standard_errors_match_a_hessian_from_second_differences_of_the_log_likelihood()
    {
        // Independent of the analytic gradient: the Hessian of LL from second differences of the scalar reference values only.
        var fit = cdnow.Fit;
        var theta = fit.Parameters.ToArray();
        double LL(double[] p)
        {
            var q = ParetoNbdParameters.FromSpan(p);
            double s = 0;
            for (int i = 0; i < CdnowFixture.X.Length; i++) s += ParetoNbdLikelihood.LogLikelihood(q, CdnowFixture.X[i], CdnowFixture.Tx[i], CdnowFixture.T[i]);
            return s;
        }
        var h = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = i; j < 4; j++)
            {
                double hi = 1e-4 * theta[i], hj = 1e-4 * theta[j];
                double F(int si, int sj) { var p = (double[])theta.Clone(); p[i] += si * hi; p[j] += sj * hj; return LL(p); }
                h[i, j] = h[j, i] = (F(1, 1) - F(1, -1) - F(-1, 1) + F(-1, -1)) / (4 * hi * hj);
            }
        var cov = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(h).Negate().Inverse();
        for (int k = 0; k < 4; k++)
        {
            output.WriteLine($"{ParetoNbdParameters.Names[k]}: se {fit.Estimate.Parameters[k].StandardError:G6} vs second differences {Math.Sqrt(cov[k, k]):G6}");
            Assert.Equal(Math.Sqrt(cov[k, k]), fit.Estimate.Parameters[k].StandardError, Math.Sqrt(cov[k, k]) * 1e-3);
        }
    }

    [Fact]
    public void Weighted_fit_equals_fit_on_repeated_rows()
    {
        var sim = ParetoNbdSimulator.Simulate(new ParetoNbdParameters(0.6, 8.0, 0.7, 12.0), Enumerable.Repeat(39.0, 500).ToArray(), seed: 11);
        var (x, tx, t) = (sim.Frequency, sim.Recency, sim.T);
        var w = Enumerable.Range(0, x.Length).Select(i => (double)(1 + i % 4)).ToArray();
        var rep = Enumerable.Range(0, x.Length).SelectMany(i => Enumerable.Repeat(i, (int)w[i])).ToArray();
        var weighted = new ParetoNbdModel().Fit(x, tx, t, w);
        var repeated = new ParetoNbdModel().Fit([.. rep.Select(i => x[i])], [.. rep.Select(i => tx[i])], [.. rep.Select(i => t[i])]);
        for (int k = 0; k < 4; k++)
            Assert.Equal(repeated.Estimate.Parameters[k].Value, weighted.Estimate.Parameters[k].Value, repeated.Estimate.Parameters[k].Value * 1e-5);
        Assert.Equal(repeated.LogLikelihood, weighted.LogLikelihood, 1e-6 * Math.Abs(repeated.LogLikelihood));
    }

    [Fact]
    public void Non_convergence_is_reported_not_hidden()
    {
        var options = new FitOptions { MaxIterations = 2 };
        var ex = Assert.Throws<ConvergenceException>(() => new ParetoNbdModel(options).Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T));
        Assert.False(ex.Report.Converged);
        var status = new ParetoNbdModel(options with { ThrowOnNonConvergence = false }).Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        Assert.False(status.Estimate.Convergence.Converged);
        Assert.Contains("not converged", status.Estimate.Convergence.Message);
    }

    [Fact]
    public void Invalid_input_is_rejected()
    {
        var model = new ParetoNbdModel();
        Assert.Throws<ClvDataException>(() => model.Fit([1.0], [5.0], [4.0]));
        Assert.Throws<ClvDataException>(() => model.Fit([-1.0], [0.0], [4.0]));
        Assert.Throws<ArgumentException>(() => model.Fit([1.0, 2.0], [1.0], [4.0]));
        Assert.Throws<ArgumentException>(() => model.Fit(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit([1.0], [1.0], [4.0], [-1.0]));
    }

    [Fact]
    public void Simulated_customers_recover_the_parameters_within_the_reported_intervals()
    {
        // 12 independent data sets of 2,500 customers: the 95% intervals must cover the truth about 95% of the time.
        var truth = new ParetoNbdParameters(0.6, 8.0, 0.7, 12.0);
        var rng = new Random(7);
        int covered = 0, total = 0;
        for (int rep = 0; rep < 12; rep++)
        {
            var t = Enumerable.Range(0, 2500).Select(_ => 20 + 30 * rng.NextDouble()).ToArray();
            var sim = ParetoNbdSimulator.Simulate(truth, t, seed: 1000 + rep);
            var fit = new ParetoNbdModel().Fit(sim);
            var values = truth.ToArray();
            for (int k = 0; k < 4; k++)
            {
                total++;
                if (fit.Estimate.Parameters[k].Lower <= values[k] && values[k] <= fit.Estimate.Parameters[k].Upper) covered++;
            }
        }
        double coverage = covered / (double)total;
        output.WriteLine($"coverage {coverage:P1} of {total}");
        Assert.InRange(coverage, 0.8, 1.0);
    }

    [Fact]
    public void Simulator_is_seeded_and_reproducible()
    {
        var p = new ParetoNbdParameters(0.6, 8.0, 0.7, 12.0);
        double[] t = [.. Enumerable.Repeat(30.0, 200)];
        var a = ParetoNbdSimulator.Simulate(p, t, 5);
        var b = ParetoNbdSimulator.Simulate(p, t, 5);
        Assert.Equal(a.Frequency.ToArray(), b.Frequency.ToArray());
        Assert.Equal(a.Recency.ToArray(), b.Recency.ToArray());
        for (int i = 0; i < a.Count; i++) Assert.InRange(a.Recency[i], 0, a.T[i]);
    }
}
