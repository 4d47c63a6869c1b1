using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Covariates;

/// <summary>
/// Covariate fits on simulated customers with known coefficients, against the no-covariate models, finite differences, the L2
/// penalty's shrinkage and the equality constraint.
/// </summary>
public class CovariateFitTests(ITestOutputHelper output)
{
    // 99.9% two-sided: with 7 coefficients per model the chance that a correct estimator puts any of them further than this from
    // the truth is about 0.7%, so a failure points at a bias or an underestimated standard error, not at bad luck (seeds fixed).
    private const double Z = 3.29;

    private static readonly BgNbdParameters BgTruth = new(0.8, 6.0, 0.6, 2.4);
    private static readonly ParetoNbdParameters PnTruth = new(0.8, 6.0, 0.9, 12.0);

    private void Report(string title, MaximumLikelihoodEstimate e) => output.WriteLine(EstimateTable.Format(title, e));

    private static void AssertRecovered(IReadOnlyList<CovariateCoefficient> fitted, CovariateCoefficient[] truth)
    {
        Assert.Equal(truth.Select(t => t.Name), fitted.Select(c => c.Name));
        for (int k = 0; k < truth.Length; k++)
        {
            var c = fitted[k];
            Assert.True(c.StandardError is > 0 and < 0.2, $"{c.Name}: standard error {c.StandardError}");
            Assert.True(Math.Abs(c.Value - truth[k].Value) <= Z * c.StandardError, $"{c.Name}: {c.Value} ± {c.StandardError}, truth {truth[k].Value}");
        }
    }

    [Fact]
    public void BgNbd_recovers_known_coefficients_within_their_intervals()
    {
        var (_, table) = CovariateSimulation.Covariates(20_000, 1);
        var truth = CovariateSimulation.Truth();
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, truth), table, 2);
        var fit = new BgNbdCovariateModel(CovariateSimulation.Spec).Fit(summary, table);
        Report("BG/NBD with covariates", fit.Estimate);
        Assert.True(fit.Estimate.Convergence.Converged);
        AssertRecovered(fit.Coefficients, truth);
        var p = fit.Estimate.Parameters;
        double[] baseTruth = BgTruth.ToArray();
        for (int k = 0; k < 4; k++) Assert.True(baseTruth[k] >= p[k].Lower / 1.2 && baseTruth[k] <= p[k].Upper * 1.2, $"{p[k].Name}: [{p[k].Lower}, {p[k].Upper}] vs {baseTruth[k]}");
    }

    [Fact]
    public void ParetoNbd_recovers_known_coefficients_within_their_intervals()
    {
        var (_, table) = CovariateSimulation.Covariates(8_000, 3);
        var truth = CovariateSimulation.Truth();
        var summary = CovariateSimulation.SimulateParetoNbd(new ParetoNbdCovariates(PnTruth, truth), table, 4);
        var fit = new ParetoNbdCovariateModel(CovariateSimulation.Spec).Fit(summary, table);
        Report("Pareto/NBD with covariates", fit.Estimate);
        Assert.True(fit.Estimate.Convergence.Converged);
        AssertRecovered(fit.Coefficients, truth);
    }

    [Fact]
    public void Without_covariates_the_fit_equals_the_plain_models()
    {
        var (_, table) = CovariateSimulation.Covariates(3_000, 5);
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, []), table, 6);
        var none = new CovariateSpec();
        var bg = new BgNbdCovariateModel(none).Fit(summary, table);
        var bgPlain = new BgNbdModel().Fit(summary);
        Assert.Empty(bg.Coefficients);
        Assert.Equal(bgPlain.LogLikelihood, bg.LogLikelihood, 1e-6 * Math.Abs(bgPlain.LogLikelihood));
        var bq = bg.BaseParameters.ToArray(); var bp = bgPlain.Parameters.ToArray();
        for (int k = 0; k < 4; k++) Assert.Equal(bp[k], bq[k], 1e-5 * bp[k]);

        var pnSummary = CovariateSimulation.SimulateParetoNbd(new ParetoNbdCovariates(PnTruth, []), table, 6);
        var pn = new ParetoNbdCovariateModel(none).Fit(pnSummary, table);
        var pnPlain = new ParetoNbdModel().Fit(pnSummary);
        Assert.Equal(pnPlain.LogLikelihood, pn.LogLikelihood, 1e-6 * Math.Abs(pnPlain.LogLikelihood));
        var pq = pn.BaseParameters.ToArray(); var pp = pnPlain.Parameters.ToArray();
        for (int k = 0; k < 4; k++) Assert.Equal(pp[k], pq[k], 1e-5 * pp[k]);
    }

    [Fact]
    public void At_zero_coefficients_the_likelihood_and_base_gradient_are_the_plain_models()
    {
        var (_, table) = CovariateSimulation.Covariates(2_000, 7);
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, CovariateSimulation.Truth()), table, 8);
        var f = Function(summary, table, CovariateSimulation.Spec, bgNbd: true);
        double[] theta = [.. BgTruth.ToArray(), .. new double[7]];
        var g = new double[theta.Length];
        double ll = f.ValueAndGradient(theta, g);
        var data = FrequencySegments.Create(summary.Frequency, summary.Recency, summary.T, []);
        var gp = new double[4];
        double plain = BgNbdLikelihood.ValueAndGradient(data, BgTruth, gp, new double[data.Pieces.Length * BgNbdLikelihood.SumCount], 1);
        Assert.Equal(plain, ll, 1e-10 * Math.Abs(plain));
        for (int k = 0; k < 4; k++) Assert.Equal(gp[k], g[k], 1e-9 * Math.Max(1, Math.Abs(gp[k])));

        var fp = Function(summary, table, CovariateSimulation.Spec, bgNbd: false);
        double[] thetaP = [.. PnTruth.ToArray(), .. new double[7]];
        double llP = fp.ValueAndGradient(thetaP, g);
        double plainP = ParetoNbdLikelihood.ValueAndGradient(data, PnTruth, gp, new double[data.Pieces.Length * ParetoNbdLikelihood.SumCount], 1);
        Assert.Equal(plainP, llP, 1e-10 * Math.Abs(plainP));
        for (int k = 0; k < 4; k++) Assert.Equal(gp[k], g[k], 1e-8 * Math.Max(1, Math.Abs(gp[k])));
    }

    internal static CovariateLikelihoodFunction Function(CustomerSummary summary, CovariateTable table, CovariateSpec spec, bool bgNbd)
    {
        var terms = CovariateDesign.Resolve(spec, table);
        var design = CovariateDesign.Create(terms, table.AlignTo(summary));
        ICustomerLikelihood model = bgNbd
            ? new BgNbdCovariateLikelihood(summary.Frequency, summary.Recency, summary.T, [], 2, VectorWidth.Auto)
            : new ParetoNbdCovariateLikelihood(summary.Frequency, summary.Recency, summary.T, [], 2, VectorWidth.Auto);
        return new CovariateLikelihoodFunction(model, design, 2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rates_outside_the_kernels_range_give_NaN_not_a_spurious_value(bool bgNbd)
    {
        // γ·z of several hundred (a diverging line search) puts e^(γz) beyond 1e300 or below 1e-300 for some customers: the
        // objective must say "not a value" there (the optimiser backs off), and stay finite inside it (e^-600 ≈ 3e-261).
        var (_, table) = CovariateSimulation.Covariates(500, 13);
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, CovariateSimulation.Truth()), table, 14);
        var f = Function(summary, table, CovariateSimulation.Spec, bgNbd);
        int k = f.ParameterNames.Count;
        double[] basePoint = bgNbd ? BgTruth.ToArray() : PnTruth.ToArray();
        var g = new double[k];
        double[] far = [.. basePoint, .. Enumerable.Repeat(0.0, k - 5), -800];
        Assert.True(double.IsNaN(f.ValueAndGradient(far, g)));
        double[] near = [.. basePoint, .. Enumerable.Repeat(0.0, k - 5), -600];
        Assert.True(double.IsFinite(f.ValueAndGradient(near, g)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Gradient_matches_central_differences_with_and_without_penalty(bool bgNbd)
    {
        var (_, table) = CovariateSimulation.Covariates(1_500, 9);
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, CovariateSimulation.Truth()), table, 10);
        foreach (var spec in new[] { CovariateSimulation.Spec, CovariateSimulation.Spec with { Constrained = ["z2"], PurchasePenalty = 0.3, LifePenalty = 0.1 } })
        {
            var f = Function(summary, table, spec, bgNbd);
            int k = f.ParameterNames.Count;
            double[] theta = [.. (bgNbd ? BgTruth.ToArray() : PnTruth.ToArray()), .. Enumerable.Range(0, k - 4).Select(c => 0.3 * Math.Sin(c + 1))];
            var g = new double[k];
            double v = f.ValueAndGradient(theta, g);
            Assert.Equal(v + f.Penalty(theta), f.ValueAndGradient(theta, new double[k]) + f.Penalty(theta));
            for (int j = 0; j < k; j++)
            {
                double h = 1e-5 * Math.Max(1, Math.Abs(theta[j]));
                double At(double shift) { var t = (double[])theta.Clone(); t[j] += shift; return f.ValueAndGradient(t, new double[k]); }
                double fd = (-At(2 * h) + 8 * At(h) - 8 * At(-h) + At(-2 * h)) / (12 * h);
                Assert.True(Math.Abs(fd - g[j]) <= 1e-6 * (Math.Abs(g[j]) + 1e-3 * Math.Abs(v)), $"{f.ParameterNames[j]}: analytic {g[j]} vs fd {fd}");
            }
        }
    }

    [Fact]
    public void L2_penalty_shrinks_the_coefficients_towards_zero_monotonically()
    {
        var (_, table) = CovariateSimulation.Covariates(3_000, 11);
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, CovariateSimulation.Truth()), table, 12);
        double previous = double.PositiveInfinity;
        double previousLl = double.PositiveInfinity;
        foreach (double lambda in new[] { 0.0, 0.001, 0.01, 0.1, 1.0 })
        {
            var fit = new BgNbdCovariateModel(CovariateSimulation.Spec with { PurchasePenalty = lambda, LifePenalty = lambda }).Fit(summary, table);
            double norm = Math.Sqrt(fit.Coefficients.Sum(c => c.Value * c.Value));
            output.WriteLine($"lambda {lambda}: |gamma| {norm:G6}, LL {fit.LogLikelihood:F4}");
            // The minimiser of f + λ‖γ‖² has a ‖γ‖ that cannot increase with λ (compare the objectives at two λ), and the
            // unpenalised log-likelihood cannot increase either.
            Assert.True(norm <= previous + 1e-9, $"lambda {lambda}: |gamma| {norm} > {previous}");
            Assert.True(fit.LogLikelihood <= previousLl + 1e-6, $"lambda {lambda}: LL {fit.LogLikelihood} > {previousLl}");
            previous = norm;
            previousLl = fit.LogLikelihood;
        }
        Assert.True(previous < 0.2, $"at lambda = 1 the coefficients are still large: |gamma| = {previous}");
    }

    [Fact]
    public void Equality_constraint_fits_one_coefficient_used_in_both_processes()
    {
        var (_, table) = CovariateSimulation.Covariates(3_000, 13);
        var summary = CovariateSimulation.SimulateParetoNbd(new ParetoNbdCovariates(PnTruth, CovariateSimulation.Truth()), table, 14);
        var spec = new CovariateSpec { Purchase = ["z1", "z2"], Life = ["z1"], Constrained = ["z2"] };
        var fit = new ParetoNbdCovariateModel(spec).Fit(summary, table);
        Assert.Equal(["purchase.z1", "life.z1", "constr.z2"], fit.Coefficients.Select(c => c.Name));
        var constr = fit["constr.z2"];
        Assert.Equal(CovariateProcess.Both, constr.Process);
        // A customer with z2 = 1 (and z1 = 0): both rates are scaled by the one coefficient.
        var p = fit.Model.ForCustomer(constr.Value, constr.Value);
        Assert.Equal(fit.BaseParameters.Alpha * Math.Exp(-constr.Value), p.Alpha, 1e-12);
        Assert.Equal(fit.BaseParameters.Beta * Math.Exp(-constr.Value), p.Beta, 1e-12);
        // The constrained model is nested in the unconstrained one.
        var free = new ParetoNbdCovariateModel(new CovariateSpec { Purchase = ["z1", "z2"], Life = ["z1", "z2"] }).Fit(summary, table);
        Assert.True(fit.LogLikelihood <= free.LogLikelihood + 1e-6);
        Assert.Equal(fit.Estimate.Parameters.Count + 1, free.Estimate.Parameters.Count);
    }

    [Fact]
    public void Predictions_use_each_customers_own_parameters()
    {
        var (_, table) = CovariateSimulation.Covariates(500, 15);
        var model = new ParetoNbdCovariates(PnTruth, CovariateSimulation.Truth());
        var summary = CovariateSimulation.SimulateParetoNbd(model, table, 16);
        var aligned = table.AlignTo(summary);
        var own = model.CustomerParameters(aligned);
        var alive = model.ProbabilityAlive(summary, aligned);
        var expected = model.ExpectedPurchases(summary, aligned, 10);
        var dert = model.DiscountedExpectedTransactions(summary, aligned, 0.01);
        for (int i = 0; i < summary.Count; i += 13)
        {
            var pi = own[i];
            Assert.Equal(ParetoNbdPredictions.ProbabilityAlive(pi, summary.Frequency[i], summary.Recency[i], summary.T[i]), alive[i]);
            Assert.Equal(ParetoNbdPredictions.ExpectedPurchases(pi, 10, summary.Frequency[i], summary.Recency[i], summary.T[i]), expected[i]);
            Assert.Equal(Clv.Models.Valuation.ParetoNbdDiscountedTransactions.DiscountedExpectedTransactions(pi, summary.Frequency[i], summary.Recency[i], summary.T[i], 0.01, double.PositiveInfinity), dert[i], 1e-12 * dert[i]);
        }
        // Customer-specific: the "store" channel has a higher purchase coefficient than "web", which shows in α_i.
        int store = Enumerable.Range(0, summary.Count).First(i => aligned.Column(aligned.IndexOf("channel=store"))[i] == 1);
        var z1 = aligned.Column(aligned.IndexOf("z1"))[store]; var z2 = aligned.Column(aligned.IndexOf("z2"))[store];
        Assert.Equal(PnTruth.Alpha * Math.Exp(-(0.4 * z1 - 0.5 * z2 + 0.5)), own[store].Alpha, 1e-12 * PnTruth.Alpha);
        Assert.Equal(PnTruth.Beta * Math.Exp(-(-0.5 * z1 + 0.6)), own[store].Beta, 1e-12 * PnTruth.Beta);
    }
}
