using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.ParetoNbd;
using Clv.Models.Tests.Covariates;
using Clv.Models.Uncertainty;
using Clv.Models.Valuation;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Uncertainty;

/// <summary>
/// The bootstrap of covariate models against two independent references: the plain models' bootstrap (with no covariate the
/// parametric replicates draw the same customers from the same streams, so they must refit to the same parameters and give the
/// same per-customer intervals), and the observed-information standard errors of every coefficient.
/// </summary>
public class CovariateBootstrapTests(ITestOutputHelper output)
{
    private static readonly BgNbdParameters BgTruth = BootstrapData.BgNbd;
    private static readonly ParetoNbdParameters PnTruth = BootstrapData.ParetoNbd;

    private static void AssertRelative(double expected, double actual, double rel, string what) =>
        Assert.True(Math.Abs(expected - actual) <= rel * Math.Max(1e-12, Math.Abs(expected)), $"{what}: {actual:R} vs {expected:R}");

    [Fact]
    public void Without_covariates_the_parametric_bootstrap_equals_the_plain_models_bootstrap()
    {
        var (_, table) = CovariateSimulation.Covariates(1_500, 31);
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, []), table, 32);
        var options = new BootstrapOptions { Replicates = 12, Seed = 7, Kind = BootstrapKind.Parametric };
        var plainFit = new BgNbdModel().Fit(summary);
        var covFit = new BgNbdCovariateModel(new CovariateSpec(), new Estimation.FitOptions { InitialParameters = plainFit.Parameters.ToArray() }).Fit(summary, table);
        var plain = Bootstrap.Purchases(plainFit, summary, options);
        var cov = Bootstrap.Covariates(covFit, summary, table, options);
        Assert.Equal(plain.Replicates.Select(r => r.Index), cov.Replicates.Select(r => r.Index));
        for (int b = 0; b < plain.Replicates.Count; b++)
            for (int k = 0; k < 4; k++)
                AssertRelative(plain.Replicates[b].Parameters[k], cov.Replicates[b].Parameters[k], 2e-4, $"replicate {b}, parameter {k}");
        for (int k = 0; k < 4; k++) AssertRelative(plain.Parameters[k].StandardError, cov.Parameters[k].StandardError, 2e-3, $"bootstrap se {k}");

        var valuation = new ValuationOptions { DiscountRate = 0.01 };
        var pi = plain.Predict(summary, 39, valuation);
        var ci = cov.Predict(summary, table.AlignTo(summary), 39, valuation);
        for (int i = 0; i < summary.Count; i++)
        {
            AssertRelative(pi.ProbabilityAlive.Lower[i], ci.ProbabilityAlive.Lower[i], 1e-3, $"customer {i} P(alive) lower");
            AssertRelative(pi.ProbabilityAlive.Upper[i], ci.ProbabilityAlive.Upper[i], 1e-3, $"customer {i} P(alive) upper");
            AssertRelative(pi.ExpectedPurchases!.Upper[i], ci.ExpectedPurchases!.Upper[i], 1e-3, $"customer {i} E[Y] upper");
            AssertRelative(pi.DiscountedExpectedTransactions!.Lower[i], ci.DiscountedExpectedTransactions!.Lower[i], 1e-3, $"customer {i} DERT lower");
        }
    }

    [Theory]
    [InlineData(BootstrapKind.Nonparametric)]
    [InlineData(BootstrapKind.Parametric)]
    public void Without_covariates_the_joint_spend_bootstrap_equals_the_plain_models_joint_bootstrap(BootstrapKind kind)
    {
        // Both kinds draw the same customers (nonparametric) or the same simulated purchases and spends (parametric) from the
        // same streams as Bootstrap.Purchases with a spend model, so both models' replicates and the CLV intervals must agree.
        var summary = BootstrapData.BgNbdCustomers(1_500, 41);
        var table = CovariateTable.Create([.. summary.CustomerIds], ["z"], [new double[summary.Count]]);
        var options = new BootstrapOptions { Replicates = 10, Seed = 9, Kind = kind };
        var plainFit = new BgNbdModel().Fit(summary);
        var gg = new Clv.Models.GammaGamma.GammaGammaModel().Fit(summary).Parameters;
        var covFit = new BgNbdCovariateModel(new CovariateSpec(), new Estimation.FitOptions { InitialParameters = plainFit.Parameters.ToArray() }).Fit(summary, table);
        var plain = Bootstrap.Purchases(plainFit, summary, options, gg);
        var cov = Bootstrap.Covariates(covFit, summary, table, options, gg);
        Assert.Equal(plain.Replicates.Select(r => r.Index), cov.Replicates.Select(r => r.Index));
        for (int b = 0; b < plain.Replicates.Count; b++)
        {
            for (int k = 0; k < 4; k++) AssertRelative(plain.Replicates[b].Parameters[k], cov.Replicates[b].Parameters[k], 2e-4, $"replicate {b}, parameter {k}");
            var (ps, cs) = (plain.Replicates[b].Spend!.Value.ToArray(), cov.Replicates[b].Spend!.Value.ToArray());
            for (int k = 0; k < 3; k++) AssertRelative(ps[k], cs[k], 1e-6, $"replicate {b}, spend parameter {k}");
        }
        var valuation = new ValuationOptions { DiscountRate = 0.01, Margin = 0.3 };
        var pi = plain.Predict(summary, 39, valuation);
        var ci = cov.Predict(summary, table.AlignTo(summary), 39, valuation);
        for (int i = 0; i < summary.Count; i++)
        {
            AssertRelative(pi.ExpectedSpend!.Lower[i], ci.ExpectedSpend!.Lower[i], 1e-6, $"customer {i} E[M] lower");
            AssertRelative(pi.Value!.Lower[i], ci.Value!.Lower[i], 1e-3, $"customer {i} CLV lower");
            AssertRelative(pi.Value.Upper[i], ci.Value!.Upper[i], 1e-3, $"customer {i} CLV upper");
        }
    }

    [Theory]
    [InlineData(BootstrapKind.Nonparametric)]
    [InlineData(BootstrapKind.Parametric)]
    public void Coefficient_standard_errors_match_the_observed_information(BootstrapKind kind)
    {
        // As StandardErrorTests: bootstrap and information estimate the same sampling spread; with B = 80 the Monte Carlo error
        // of a standard deviation is about 1/√158 ≈ 8 %, so 35 % is over 4 sd.
        var (_, table) = CovariateSimulation.Covariates(4_000, 33);
        var truth = CovariateSimulation.Truth();
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, truth), table, 34);
        var fit = new BgNbdCovariateModel(CovariateSimulation.Spec).Fit(summary, table);
        var boot = Bootstrap.Covariates(fit, summary, table, new BootstrapOptions { Replicates = 80, Seed = 3, Kind = kind });
        Assert.Empty(boot.Failures);
        Assert.Equal(fit.Estimate.Parameters.Select(p => p.Name), boot.Parameters.Select(p => p.Name));
        foreach (var p in boot.Parameters.Skip(4))
        {
            output.WriteLine($"{p.Name}: estimate {p.Estimate:G5}, bootstrap se {p.StandardError:G4}, information se {p.InformationStandardError:G4}, interval [{p.Lower:G5}, {p.Upper:G5}]");
            Assert.InRange(p.StandardError / p.InformationStandardError, 0.65, 1.35);
            Assert.InRange(p.Estimate, p.Lower, p.Upper);
        }
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var (_, table) = CovariateSimulation.Covariates(1_200, 35);
        var summary = CovariateSimulation.SimulateParetoNbd(new ParetoNbdCovariates(PnTruth, CovariateSimulation.Truth(0.5)), table, 36);
        var fit = new ParetoNbdCovariateModel(CovariateSimulation.Spec with { Life = ["z1"] }).Fit(summary, table);
        CovariateBootstrap<ParetoNbdParameters> Run(int threads) =>
            Bootstrap.Covariates(fit, summary, table, new BootstrapOptions { Replicates = 6, Seed = 11, MaxDegreeOfParallelism = threads });
        var one = Run(1);
        var two = Run(2);
        Assert.Equal(one.Replicates.Select(r => r.Parameters), two.Replicates.Select(r => r.Parameters));
        var aligned = table.AlignTo(summary);
        var a = one.Predict(summary, aligned, 26);
        var b = two.Predict(summary, aligned, 26);
        Assert.Equal(a.ProbabilityAlive.Lower, b.ProbabilityAlive.Lower);
        Assert.Equal(a.ExpectedPurchases!.Upper, b.ExpectedPurchases!.Upper);
        Assert.Null(a.ExpectedSpend);
        Assert.Null(a.Value);
    }

    [Fact]
    public void Per_customer_intervals_use_each_customers_own_parameters()
    {
        // One replicate's per-customer predictions are the predictor's own (CovariatePredictor.ProbabilityAlive), so with two
        // replicates the interval ends are, customer by customer, the two replicates' values in some order (level 0.999).
        var (_, table) = CovariateSimulation.Covariates(1_500, 37);
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, CovariateSimulation.Truth()), table, 38);
        var fit = new BgNbdCovariateModel(new CovariateSpec { Purchase = ["z1", "z2"], Life = ["z1"] }).Fit(summary, table);
        var boot = Bootstrap.Covariates(fit, summary, table, new BootstrapOptions { Replicates = 2, Seed = 5, ConfidenceLevel = 0.999 });
        Assert.Equal(2, boot.Replicates.Count);
        var aligned = table.AlignTo(summary);
        var intervals = boot.Predict(summary, aligned, 52);
        var r0 = boot.Replicates[0].Model.ExpectedPurchases(summary, aligned, 52);
        var r1 = boot.Replicates[1].Model.ExpectedPurchases(summary, aligned, 52);
        for (int i = 0; i < summary.Count; i++)
        {
            double lo = Math.Min(r0[i], r1[i]), hi = Math.Max(r0[i], r1[i]);
            Assert.InRange(intervals.ExpectedPurchases!.Lower[i], lo - 1e-12 * hi, lo + 0.001 * (hi - lo) + 1e-12 * hi);
            Assert.InRange(intervals.ExpectedPurchases.Upper[i], hi - 0.001 * (hi - lo) - 1e-12 * hi, hi + 1e-12 * hi);
        }
    }

    [Fact]
    public void A_fit_on_other_data_is_rejected()
    {
        var (_, table) = CovariateSimulation.Covariates(1_000, 39);
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, CovariateSimulation.Truth()), table, 40);
        var other = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(BgTruth, CovariateSimulation.Truth()), table, 41);
        var fit = new BgNbdCovariateModel(CovariateSimulation.Spec).Fit(other, table);
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.Covariates(fit, summary, table, new BootstrapOptions { Replicates = 4 }));
        Assert.Contains("not the maximum-likelihood estimate", e.Message);
    }
}
