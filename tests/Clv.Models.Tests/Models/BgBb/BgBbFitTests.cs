using Clv.Models.BgBb;
using Clv.Models.Estimation;

namespace Clv.Models.Tests.Models.BgBb;

public class BgBbFitTests
{
    [Fact]
    public void Simulated_customers_recover_the_parameters_within_the_reported_intervals()
    {
        // 60 independent data sets of 4,000 customers observed for 6 or 10 opportunities: the 95% intervals must cover the
        // truth about 95% of the time (binomial sd for 240 intervals ≈ 1.4%).
        var truth = new BgBbParameters(1.2, 0.75, 0.65, 2.8);
        var rng = new Random(11);
        int covered = 0, total = 0;
        for (int rep = 0; rep < 60; rep++)
        {
            var periods = Enumerable.Range(0, 4000).Select(_ => rng.Next(2) == 0 ? 6 : 10).ToArray();
            var sim = BgBbSimulator.Simulate(truth, periods, seed: 500 + rep);
            var fit = new BgBbModel().Fit(sim);
            Assert.True(fit.Estimate.Convergence.Converged);
            var values = truth.ToArray();
            for (int k = 0; k < 4; k++)
            {
                total++;
                if (fit.Estimate.Parameters[k].Lower <= values[k] && values[k] <= fit.Estimate.Parameters[k].Upper) covered++;
            }
        }
        Assert.InRange(covered / (double)total, 0.90, 0.99);
    }

    [Fact]
    public void Simulator_matches_the_model_distribution_of_x()
    {
        // 200,000 simulated customers over 6 opportunities against P(X(6) = x) (independent of the fitting code).
        var p = new BgBbParameters(1.2035, 0.7497, 0.6567, 2.7834);
        var sim = BgBbSimulator.Simulate(p, Enumerable.Repeat(6, 200_000).ToArray(), seed: 3);
        var counts = new double[7];
        foreach (int x in sim.Frequency) counts[x]++;
        for (int x = 0; x <= 6; x++)
        {
            double expected = BgBbPredictions.ProbabilityOfTransactions(p, x, 6);
            double sd = Math.Sqrt(expected * (1 - expected) / sim.Count);
            Assert.InRange(counts[x] / sim.Count, expected - 5 * sd, expected + 5 * sd);
        }
    }

    [Fact]
    public void Per_customer_rows_and_weighted_patterns_give_the_same_fit()
    {
        var patterns = DonationsFixture.Data;
        var x = new List<int>(); var tx = new List<int>(); var n = new List<int>();
        for (int i = 0; i < patterns.Count; i++)
            for (int k = 0; k < (int)patterns.Weight(i); k++) { x.Add(patterns.Frequency[i]); tx.Add(patterns.Recency[i]); n.Add(patterns.Periods[i]); }
        var perCustomer = new BgBbModel().Fit(new OpportunitySummary([.. x], [.. tx], [.. n]));
        Assert.Equal(11104, x.Count);
        Assert.Equal(DonationsFixture.Fit.LogLikelihood, perCustomer.LogLikelihood, 1e-6);
        for (int k = 0; k < 4; k++)
            Assert.Equal(DonationsFixture.Fit.Parameters.ToArray()[k], perCustomer.Parameters.ToArray()[k], 1e-6);
    }

    [Fact]
    public void Standard_errors_match_a_hessian_from_second_differences_of_the_log_likelihood()
    {
        var data = DonationsFixture.Data;
        var fit = DonationsFixture.Fit;
        var theta = fit.Parameters.ToArray();
        double LL(double[] q)
        {
            var p = BgBbParameters.FromSpan(q);
            double s = 0;
            for (int i = 0; i < data.Count; i++) s += data.Weight(i) * BgBbLikelihood.LogLikelihood(p, data.Frequency[i], data.Recency[i], data.Periods[i]);
            return s;
        }
        var h = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
            {
                double hi = 1e-4 * theta[i], hj = 1e-4 * theta[j];
                double F(int si, int sj) { var q = (double[])theta.Clone(); q[i] += si * hi; q[j] += sj * hj; return LL(q); }
                h[i, j] = (F(1, 1) - F(1, -1) - F(-1, 1) + F(-1, -1)) / (4 * hi * hj);
            }
        var cov = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(h).Negate().Inverse();
        for (int k = 0; k < 4; k++)
            Assert.Equal(Math.Sqrt(cov[k, k]), fit.Estimate.Parameters[k].StandardError, Math.Sqrt(cov[k, k]) * 1e-4);
    }

    [Fact]
    public void A_fit_stopped_by_the_iteration_limit_is_reported_not_converged()
    {
        var options = new FitOptions { MaxIterations = 2 };
        var ex = Assert.Throws<ConvergenceException>(() => new BgBbModel(options).Fit(DonationsFixture.Data));
        Assert.False(ex.Report.Converged);
        var status = new BgBbModel(options with { ThrowOnNonConvergence = false }).Fit(DonationsFixture.Data);
        Assert.False(status.Estimate.Convergence.Converged);
        Assert.Contains("not converged", status.Estimate.Convergence.Message);
    }

    [Fact]
    public void No_customers_is_an_error()
    {
        var empty = new OpportunitySummary([0], [0], [6], [0.0]);
        Assert.Throws<ArgumentException>(() => new BgBbModel().Fit(empty));
    }
}
