using Clv.Models.Estimation;
using Clv.Models.Sbg;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Clv.Models.Tests.Models.Sbg;

public class SbgFitTests
{
    // Fader & Hardie (2007), fitted on years 0..7: alpha, beta, LL and the projected survivors of years 8..12 (1 decimal).
    [Theory]
    [InlineData("regular", 0.70408, 1.18204, -1680.265, new[] { 220.1, 204.4, 191.2, 179.9, 170.0 })]
    [InlineData("high_end", 0.66809, 3.80610, -1611.158, new[] { 460.4, 435.8, 414.2, 395.1, 378.0 })]
    public void Published_fits_and_projections_are_reproduced(string cohort, double alpha, double beta, double ll, double[] projected)
    {
        var fit = new SbgModel().Fit(RetentionCohorts.Calibration(cohort));
        Assert.True(fit.Estimate.Convergence.Converged);
        // The published values are rounded to 5 decimals from a spreadsheet solver (the high-end beta, 3.80610, is 5.0e-6 above the
        // maximum): 1e-5. The maximum itself, located at 50 digits (TestData/reference/sbg_mle_reference.py): 1e-7.
        Assert.Equal(alpha, fit.Parameters.Alpha, 1e-5);
        Assert.Equal(beta, fit.Parameters.Beta, 1e-5);
        Assert.Equal(ll, fit.LogLikelihood, 5e-4);
        var mle = TestFiles.ReadNumericColumns(TestFiles.TestData("reference", "sbg_mle_reference.csv"));
        int row = cohort == "regular" ? 0 : 1;
        Assert.Equal(mle["alpha"][row], fit.Parameters.Alpha, 1e-7);
        Assert.Equal(mle["beta"][row], fit.Parameters.Beta, 1e-7);
        Assert.Equal(mle["ll"][row], fit.LogLikelihood, 1e-9);
        var expected = new double[5];
        fit.ExpectedSurvivors(1000, [8, 9, 10, 11, 12], expected);
        for (int i = 0; i < 5; i++) Assert.Equal(projected[i], expected[i], 0.05 + 1e-9);
        Assert.Equal(2 * 2 - 2 * fit.LogLikelihood, fit.Estimate.Aic, 1e-9);
        Assert.Equal(2 * Math.Log(1000) - 2 * fit.LogLikelihood, fit.Estimate.Bic, 1e-9);
    }

    // docs/models/sbg.md worked example: DERL at d = 0.1 after 0, 4, 7, 12 renewals at the 50-digit maxima (series summed in mpmath at 30 digits).
    [Theory]
    [InlineData(0, new[] { 2.9643993, 5.8940954, 6.8423149, 7.7692868 })]
    [InlineData(1, new[] { 5.4144788, 6.8967067, 7.5296281, 8.2119167 })]
    public void Worked_example_derl_at_ten_percent(int row, double[] expected)
    {
        var mle = TestFiles.ReadNumericColumns(TestFiles.TestData("reference", "sbg_mle_reference.csv"));
        var p = new SbgParameters(mle["alpha"][row], mle["beta"][row]);
        var derl = new double[4];
        p.DiscountedExpectedResidualLifetime(0.1, [0, 4, 7, 12], derl);
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], derl[i], 5e-8);
        // E[CLV] of a new customer per unit margin: 1 + DERL(d | 0)/(1+d) = 2F1(1, beta; alpha+beta; 1/(1+d)) (FH2010).
        double z = 1 / 1.1, sum = 1, term = 1;
        for (int k = 0; k < 2000; k++) { term *= z * (p.Beta + k) / (p.Alpha + p.Beta + k); sum += term; }
        Assert.Equal(sum, 1 + derl[0] / 1.1, 1e-12 * sum);
    }

    [Fact]
    public void Projection_pairs_actual_and_expected_survivors_for_the_plot()
    {
        var fit = new SbgModel().Fit(RetentionCohorts.Calibration("regular"));
        var projection = Assert.Single(fit.Project(RetentionCohorts.Calibration("regular"), 12));
        Assert.Equal("regular", projection.Cohort);
        Assert.Equal(7, projection.LastObservedPeriod);
        Assert.Equal(13, projection.Periods.Length);
        Assert.Equal(241, projection.Actual[7]);
        Assert.True(double.IsNaN(projection.Actual[8]));
        Assert.Equal(1000, projection.Expected[0], 1e-12);
        Assert.Equal(220.1, projection.Expected[8], 0.05);
        // The paper's point: the projection stays close to what actually happened in years 8..12 (223, 207, 194, 183, 173).
        for (int t = 8; t <= 12; t++) Assert.InRange(RetentionCohorts.Regular[t] - projection.Expected[t], 0, 4);
    }

    [Fact]
    public void Standard_errors_match_a_hessian_from_second_differences_of_the_log_likelihood()
    {
        var data = RetentionCohorts.Calibration("high_end");
        var fit = new SbgModel().Fit(data);
        var theta = fit.Parameters.ToArray();
        double LL(double[] p) => SbgLikelihood.LogLikelihood(SbgParameters.FromSpan(p), data);
        var h = new double[2, 2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                double hi = 1e-4 * theta[i], hj = 1e-4 * theta[j];
                double F(int si, int sj) { var p = (double[])theta.Clone(); p[i] += si * hi; p[j] += sj * hj; return LL(p); }
                h[i, j] = (F(1, 1) - F(1, -1) - F(-1, 1) + F(-1, -1)) / (4 * hi * hj);
            }
        var cov = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(h).Negate().Inverse();
        for (int k = 0; k < 2; k++)
            Assert.Equal(Math.Sqrt(cov[k, k]), fit.Estimate.Parameters[k].StandardError, Math.Sqrt(cov[k, k]) * 1e-4);
    }

    [Fact]
    public void Cohorts_of_different_ages_are_pooled_into_one_likelihood()
    {
        var multi = CohortSurvivorsCsv.Read(TestFiles.TestData("reference", "sbg_multi_cohort.csv"));
        Assert.Equal(5, multi.CohortNames.Count);
        var p = new SbgParameters(0.9, 6.5);
        double sum = 0;
        for (int c = 0; c < multi.CohortNames.Count; c++) sum += SbgLikelihood.LogLikelihood(p, multi.SurvivorsOf(c));
        Assert.Equal(sum, SbgLikelihood.LogLikelihood(p, multi), 1e-10 * Math.Abs(sum));
        var fit = new SbgModel().Fit(multi);
        Assert.True(fit.Estimate.Convergence.Converged);
        Assert.Equal(multi.TotalCustomers, fit.Estimate.Observations);
    }

    [Fact]
    public void Data_without_a_maximum_or_a_failed_optimiser_are_reported()
    {
        // Nobody leaves (beta -> infinity), everybody leaves at once (alpha/beta -> infinity), nothing observed after period 0.
        Assert.Contains("no customer cancelled", Assert.Throws<ClvDataException>(() => new SbgModel().Fit(CohortSurvivors.FromCounts("loyal", [100, 100, 100]))).Message);
        Assert.Contains("period 1", Assert.Throws<ClvDataException>(() => new SbgModel().Fit(CohortSurvivors.FromCounts("gone", [100, 0, 0]))).Message);
        Assert.Throws<ClvDataException>(() => new SbgModel().Fit(CohortSurvivors.FromCounts("new", [100])));
        var data = RetentionCohorts.Calibration("regular");
        Assert.Throws<ConvergenceException>(() => new SbgModel(new FitOptions { MaxIterations = 1 }).Fit(data));
        var report = new SbgModel(new FitOptions { MaxIterations = 1, ThrowOnNonConvergence = false }).Fit(data);
        Assert.False(report.Estimate.Convergence.Converged);
        Assert.Contains("not converged", report.Estimate.Convergence.Message);
    }

    [Fact]
    public void Simulated_cohorts_recover_the_parameters_within_the_reported_intervals()
    {
        // 150 independent data sets (three cohorts of different ages): the 95% intervals must cover the truth about 95% of the time.
        var truth = new SbgParameters(0.8, 2.5);
        int covered = 0, total = 0;
        for (int rep = 0; rep < 150; rep++)
        {
            var data = SbgSimulator.Simulate(truth, [1500, 1000, 800], [8, 5, 3], seed: 500 + rep);
            var fit = new SbgModel().Fit(data);
            var values = truth.ToArray();
            for (int k = 0; k < 2; k++)
            {
                total++;
                var e = fit.Estimate.Parameters[k];
                if (e.Lower <= values[k] && values[k] <= e.Upper) covered++;
            }
        }
        Assert.InRange(covered / (double)total, 0.90, 0.99);
    }

    [Fact]
    public void Simulator_survivor_counts_follow_the_model_survival()
    {
        var p = new SbgParameters(0.7, 1.2);
        var data = SbgSimulator.Simulate(p, [200_000], [6], seed: 3);
        var n = data.SurvivorsOf(0);
        for (int t = 0; t <= 6; t++)
        {
            double s = p.Survival(t), sd = Math.Sqrt(200_000 * s * (1 - s));
            Assert.InRange(n[t], 200_000 * s - 5 * sd - 1e-9, 200_000 * s + 5 * sd + 1e-9);
        }
    }

    [Property(MaxTest = 100)]
    public Property Analytic_gradient_equals_central_finite_differences()
    {
        var gen = from la in Gen.Choose(-300, 300)
                  from lb in Gen.Choose(-300, 300)
                  select new SbgParameters(Math.Pow(10, la / 100.0), Math.Pow(10, lb / 100.0));
        var data = CohortSurvivorsCsv.Read(TestFiles.TestData("reference", "sbg_multi_cohort.csv"));
        var counts = SbgChurnCounts.From(data);
        return Prop.ForAll(gen.ToArbitrary(), p =>
        {
            Span<double> g = stackalloc double[2], ignored = stackalloc double[2];
            double value = SbgLikelihood.ValueAndGradient(p, counts, g);
            for (int k = 0; k < 2; k++)
            {
                var theta = p.ToArray();
                double h = 1e-6 * theta[k];
                theta[k] += h;
                double up = SbgLikelihood.ValueAndGradient(SbgParameters.FromSpan(theta), counts, ignored);
                theta[k] -= 2 * h;
                double down = SbgLikelihood.ValueAndGradient(SbgParameters.FromSpan(theta), counts, ignored);
                double fd = (up - down) / (2 * h);
                double scale = Math.Abs(g[k]) + Math.Abs(value) / p.ToArray()[k] * 1e-3;
                if (Math.Abs(fd - g[k]) > 1e-5 * scale) return false.Label($"{p}: d/d{k} analytic {g[k]} vs {fd}");
            }
            return true.ToProperty();
        });
    }
}
