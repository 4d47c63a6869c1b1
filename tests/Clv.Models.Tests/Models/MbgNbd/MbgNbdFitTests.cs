using Clv.Models.BgNbd;
using Clv.Models.Estimation;
using Clv.Models.MbgNbd;
using Clv.Models.Tests.Models.BgNbd;

namespace Clv.Models.Tests.Models.MbgNbd;

public class MbgNbdFitTests
{
    private static readonly Lazy<FittedMbgNbd> CdnowFit = new(() => new MbgNbdModel().Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T));

    [Fact]
    public void Cdnow_fit_matches_the_published_estimates()
    {
        var fit = CdnowFit.Value;
        // Issue 7 (Batislam, Denizel & Filiztekin 2007 model on the CDNOW calibration data, weeks): r 0.5248, alpha 6.1830,
        // a 0.8914, b 1.6140, LL -9582.13.
        Assert.Equal(0.5248, fit.Parameters.R, 5e-5);
        Assert.Equal(6.1830, fit.Parameters.Alpha, 5e-4);
        Assert.Equal(0.8914, fit.Parameters.A, 5e-4);
        Assert.Equal(1.6140, fit.Parameters.B, 5e-4);
        Assert.Equal(-9582.13, fit.LogLikelihood, 0.005);
        Assert.True(fit.Estimate.Convergence.Converged);
        Assert.Equal(2 * 4 - 2 * fit.LogLikelihood, fit.Estimate.Aic, 1e-9);
        Assert.Equal(4 * Math.Log(2357) - 2 * fit.LogLikelihood, fit.Estimate.Bic, 1e-9);
        Assert.Equal("mbg-nbd", ((IPurchaseModel)fit).ModelName);
    }

    [Fact]
    public void Cdnow_customer_predictions_match_the_published_values()
    {
        // Issue 7: E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.2627 and P(alive) = 0.7061 at the CDNOW estimates. The fitted
        // parameters give 1.26270; the four-digit published ones 1.26263 (both round to the published value at 1e-4).
        var fit = CdnowFit.Value;
        Assert.Equal(1.2627, MbgNbdPredictions.ExpectedPurchases(fit.Parameters, 39, 2, 30.43, 38.86), 5e-5);
        Assert.Equal(0.7061, MbgNbdPredictions.ProbabilityAlive(fit.Parameters, 2, 30.43, 38.86), 5e-5);
        var published = new MbgNbdParameters(0.5248, 6.1830, 0.8914, 1.6140);
        Assert.Equal(1.2627, MbgNbdPredictions.ExpectedPurchases(published, 39, 2, 30.43, 38.86), 1e-4);
        Assert.Equal(0.7061, MbgNbdPredictions.ProbabilityAlive(published, 2, 30.43, 38.86), 5e-5);
    }

    [Fact]
    public void Standard_errors_match_a_hessian_from_second_differences_of_the_scalar_log_likelihood()
    {
        // Independent of the analytic gradient and of the shared kernel: second differences of the direct two-term formula,
        // summed with Neumaier compensation (a and b are strongly correlated, and the covariance amplifies the rounding noise of a
        // plain sum divided by h² to ~2e-4 relative in se(a)).
        var fit = CdnowFit.Value;
        var se = SecondDifferences.StandardErrors(p => SecondDifferences.CompensatedSum(CdnowFixture.X.Length,
            i => MbgNbdLikelihood.LogLikelihood(MbgNbdParameters.FromSpan(p), CdnowFixture.X[i], CdnowFixture.Tx[i], CdnowFixture.T[i])), fit.Parameters.ToArray());
        for (int k = 0; k < 4; k++) Assert.Equal(se[k], fit.Estimate.Parameters[k].StandardError, se[k] * 1e-4);
    }

    [Fact]
    public void Likelihood_is_the_mixture_of_death_at_time_zero_and_bg_nbd_with_b_plus_one()
    {
        // Independent formula: a/(a+b) of the customers die at time 0 (x = 0), the rest are BG/NBD customers with p ~ Beta(a, b+1).
        var p = new MbgNbdParameters(0.5248, 6.1830, 0.8914, 1.6140);
        var bg = new BgNbdParameters(p.R, p.Alpha, p.A, p.B + 1);
        double w = p.B / (p.A + p.B);
        foreach (var (x, tx, t) in new[] { (0.0, 0.0, 38.86), (0.0, 0.0, 0.01), (1.0, 0.0, 20.0), (2.0, 30.43, 38.86), (50.0, 70.0, 70.0) })
        {
            double mixture = Math.Log(w * Math.Exp(BgNbdLikelihood.LogLikelihood(bg, x, tx, t)) + (x == 0 ? 1 - w : 0));
            Assert.Equal(mixture, MbgNbdLikelihood.LogLikelihood(p, x, tx, t), 1e-12 * Math.Max(1, Math.Abs(mixture)));
            Assert.Equal(w * Math.Exp(BgNbdLikelihood.LogLikelihood(bg, x, tx, t)) / Math.Exp(mixture) * BgNbdPredictions.ProbabilityAlive(bg, x, tx, t),
                MbgNbdPredictions.ProbabilityAlive(p, x, tx, t), 1e-12);
        }
        for (int n = 0; n < 20; n++)
            Assert.Equal(w * BgNbdPredictions.ProbabilityOfPurchases(bg, n, 39) + (n == 0 ? 1 - w : 0), MbgNbdPredictions.ProbabilityOfPurchases(p, n, 39), 1e-13);
        Assert.Equal(w * BgNbdPredictions.ExpectedPurchasesNewCustomer(bg, 39), MbgNbdPredictions.ExpectedPurchasesNewCustomer(p, 39), 1e-13);
    }

    [Fact]
    public void Fits_on_the_summary_and_on_columns_agree_and_bad_rows_are_named()
    {
        var sim = MbgNbdSimulator.Simulate(new MbgNbdParameters(0.5, 6.0, 0.8, 2.5), Enumerable.Repeat(39.0, 500).ToArray(), seed: 5);
        var a = new MbgNbdModel().Fit(sim);
        var b = new MbgNbdModel().Fit(sim.Frequency, sim.Recency, sim.T);
        Assert.Equal(a.LogLikelihood, b.LogLikelihood);
        var ex = Assert.Throws<ClvDataException>(() => new MbgNbdModel().Fit([1, 2], [5, 50], [40, 40]));
        Assert.Contains("exceeds T", ex.Message);
    }

    [Fact]
    public void Non_convergence_is_reported_not_hidden()
    {
        var options = new FitOptions { MaxIterations = 2 };
        var ex = Assert.Throws<ConvergenceException>(() => new MbgNbdModel(options).Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T));
        Assert.False(ex.Report.Converged);
        var status = new MbgNbdModel(options with { ThrowOnNonConvergence = false }).Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        Assert.False(status.Estimate.Convergence.Converged);
    }

    [Fact]
    public void Simulated_customers_recover_the_parameters_within_the_reported_intervals()
    {
        // 24 independent data sets of 3,000 customers: the 95% intervals must cover the truth about 95% of the time
        // (96 intervals: below 0.85 has probability < 1e-4 if the intervals are right).
        var truth = new MbgNbdParameters(0.5, 6.0, 0.8, 2.5);
        var rng = new Random(8);
        int covered = 0, total = 0;
        for (int rep = 0; rep < 24; rep++)
        {
            var t = Enumerable.Range(0, 3000).Select(_ => 20 + 30 * rng.NextDouble()).ToArray();
            var fit = new MbgNbdModel().Fit(MbgNbdSimulator.Simulate(truth, t, seed: 2000 + rep));
            var values = truth.ToArray();
            for (int k = 0; k < 4; k++)
            {
                total++;
                if (fit.Estimate.Parameters[k].Lower <= values[k] && values[k] <= fit.Estimate.Parameters[k].Upper) covered++;
            }
        }
        Assert.InRange(covered / (double)total, 0.85, 1.0);
    }
}
