using Clv.Models.BgNbd;
using Clv.Models.Estimation;

namespace Clv.Models.Tests.Models.BgNbd;

public class BgNbdFitTests
{
    [Fact]
    public void Cdnow_fit_matches_the_published_estimates()
    {
        var fit = new BgNbdModel().Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        // Fader, Hardie & Lee (2005): r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4; lifetimes 0.11.3: 0.2426, 4.4135, 0.7929, 2.4258, -9582.43.
        Assert.Equal(0.2426, fit.Parameters.R, 5e-5);
        Assert.Equal(4.4135, fit.Parameters.Alpha, 5e-4);
        Assert.Equal(0.7929, fit.Parameters.A, 5e-4);
        Assert.Equal(2.4258, fit.Parameters.B, 5e-4);
        Assert.Equal(-9582.43, fit.LogLikelihood, 0.005);
        Assert.True(fit.Estimate.Convergence.Converged);
        Assert.Equal(2 * 4 + 2 * 9582.43, fit.Estimate.Aic, 0.01);
        Assert.Equal(4 * Math.Log(2357) + 2 * 9582.43, fit.Estimate.Bic, 0.01);
    }

    [Fact]
    public void Standard_errors_match_a_hessian_from_second_differences_of_the_log_likelihood()
    {
        // Independent of the analytic gradient: the Hessian of LL from second differences of values only.
        var fit = new BgNbdModel().Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        var se = SecondDifferences.StandardErrors(p => Enumerable.Range(0, CdnowFixture.X.Length)
            .Sum(i => BgNbdLikelihood.LogLikelihood(BgNbdParameters.FromSpan(p), CdnowFixture.X[i], CdnowFixture.Tx[i], CdnowFixture.T[i])), fit.Parameters.ToArray());
        for (int k = 0; k < 4; k++) Assert.Equal(se[k], fit.Estimate.Parameters[k].StandardError, se[k] * 1e-4);
    }

    [Fact]
    public void Intervals_are_log_scale_wald_intervals()
    {
        var fit = new BgNbdModel().Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        foreach (var p in fit.Estimate.Parameters)
        {
            double spread = 1.959963984540054 * p.StandardError / p.Value;
            Assert.Equal(p.Value * Math.Exp(-spread), p.Lower, 1e-12 * p.Value);
            Assert.Equal(p.Value * Math.Exp(spread), p.Upper, 1e-12 * p.Value);
            Assert.True(p.Lower > 0 && p.Lower < p.Value && p.Value < p.Upper);
        }
    }

    [Fact]
    public void Weighted_fit_equals_fit_on_repeated_rows()
    {
        var sim = BgNbdSimulator.Simulate(new BgNbdParameters(0.5, 6.0, 0.8, 2.5), Enumerable.Repeat(39.0, 600).ToArray(), seed: 11);
        var (x, tx, t) = (sim.Frequency, sim.Recency, sim.T);
        var w = Enumerable.Range(0, x.Length).Select(i => (double)(1 + i % 4)).ToArray();
        var rep = Enumerable.Range(0, x.Length).SelectMany(i => Enumerable.Repeat(i, (int)w[i])).ToArray();
        var weighted = new BgNbdModel().Fit(x, tx, t, w);
        var repeated = new BgNbdModel().Fit([.. rep.Select(i => x[i])], [.. rep.Select(i => tx[i])], [.. rep.Select(i => t[i])]);
        for (int k = 0; k < 4; k++)
            Assert.Equal(repeated.Estimate.Parameters[k].Value, weighted.Estimate.Parameters[k].Value, repeated.Estimate.Parameters[k].Value * 1e-5);
        Assert.Equal(repeated.LogLikelihood, weighted.LogLikelihood, 1e-6 * Math.Abs(repeated.LogLikelihood));
    }

    [Fact]
    public void Penalizer_shrinks_parameters_like_lifetimes()
    {
        var plain = new BgNbdModel().Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        var penalized = new BgNbdModel(new FitOptions { Penalizer = 0.1 }).Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        Assert.True(penalized.Parameters.Alpha < plain.Parameters.Alpha);
        Assert.True(penalized.Parameters.B < plain.Parameters.B);
        Assert.True(penalized.LogLikelihood < plain.LogLikelihood);
        // At the penalised optimum the gradient of -LL/N + λΣθ² vanishes: ∂LL/∂θ_k = 2λNθ_k.
        var data = Clv.Models.Kernels.FrequencySegments.Create(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T, []);
        var g = new double[4];
        BgNbdLikelihood.ValueAndGradient(data, penalized.Parameters, g, new double[data.Pieces.Length * 6], 1);
        var th = penalized.Parameters.ToArray();
        for (int k = 0; k < 4; k++) Assert.Equal(2 * 0.1 * 2357 * th[k], g[k], 1e-4 * 2357 * (1 + th[k]));
    }

    [Fact]
    public void Non_convergence_is_reported_not_hidden()
    {
        var options = new FitOptions { MaxIterations = 2 };
        var ex = Assert.Throws<ConvergenceException>(() => new BgNbdModel(options).Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T));
        Assert.False(ex.Report.Converged);
        var status = new BgNbdModel(options with { ThrowOnNonConvergence = false }).Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        Assert.False(status.Estimate.Convergence.Converged);
        Assert.Contains("not converged", status.Estimate.Convergence.Message);
    }

    [Fact]
    public void Simulated_customers_recover_the_parameters_within_the_reported_intervals()
    {
        // 40 independent data sets of 4,000 customers: the 95% intervals must cover the truth about 95% of the time.
        var truth = new BgNbdParameters(0.5, 6.0, 0.8, 2.5);
        var rng = new Random(7);
        int covered = 0, total = 0;
        for (int rep = 0; rep < 40; rep++)
        {
            var t = Enumerable.Range(0, 4000).Select(_ => 20 + 30 * rng.NextDouble()).ToArray();
            var sim = BgNbdSimulator.Simulate(truth, t, seed: 1000 + rep);
            var fit = new BgNbdModel().Fit(sim);
            var values = truth.ToArray();
            for (int k = 0; k < 4; k++)
            {
                total++;
                if (fit.Estimate.Parameters[k].Lower <= values[k] && values[k] <= fit.Estimate.Parameters[k].Upper) covered++;
            }
        }
        double coverage = covered / (double)total;
        Assert.InRange(coverage, 0.85, 1.0);
    }
}
