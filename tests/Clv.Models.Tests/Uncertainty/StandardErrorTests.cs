using Clv.Models.BgNbd;
using Clv.Models.GammaGamma;
using Clv.Models.MbgNbd;
using Clv.Models.ParetoNbd;
using Clv.Models.Uncertainty;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Uncertainty;

public class StandardErrorTests(ITestOutputHelper output)
{
    /// <summary>
    /// With n customers the bootstrap and the observed information estimate the same sampling spread, so their standard errors
    /// agree up to (i) the Monte Carlo error of a standard deviation from B replicates, about 1/√(2(B−1)) ≈ 5 % for B = 200
    /// (so 4 sd ≈ 20 %), and (ii) the non-normality of the estimates at this n, a few per cent here. Tolerance: 25 %.
    /// </summary>
    private static void AssertClose(IReadOnlyList<BootstrapParameter> parameters, ITestOutputHelper output, double tolerance = 0.25)
    {
        foreach (var p in parameters)
        {
            output.WriteLine($"{p.Name}: estimate {p.Estimate:G5}, bootstrap se {p.StandardError:G4}, information se {p.InformationStandardError:G4}, interval [{p.Lower:G5}, {p.Upper:G5}]");
            Assert.InRange(p.StandardError / p.InformationStandardError, 1 - tolerance, 1 + tolerance);
            Assert.InRange(p.Estimate, p.Lower, p.Upper);
        }
    }

    [Theory]
    [InlineData(BootstrapKind.Nonparametric)]
    [InlineData(BootstrapKind.Parametric)]
    public void Bg_nbd_bootstrap_standard_errors_match_the_observed_information(BootstrapKind kind)
    {
        var customers = BootstrapData.BgNbdCustomers(5000, seed: 21);
        var fit = new BgNbdModel().Fit(customers);
        var boot = Bootstrap.Purchases(fit, customers, new BootstrapOptions { Replicates = 200, Seed = 1, Kind = kind });
        Assert.Empty(boot.Failures);
        AssertClose(boot.Parameters, output);
    }

    /// <summary>
    /// sd(ln θ*) over the replicates against the delta-method se/θ, the comparison on the log scale where the optimiser works
    /// and the information intervals are built (and where skewed positive estimates are nearer normal).
    /// </summary>
    private void AssertCloseOnLogScale(PurchaseBootstrap boot, double tolerance = 0.25)
    {
        for (int j = 0; j < boot.Parameters.Count; j++)
        {
            var p = boot.Parameters[j];
            var logs = boot.Replicates.Select(r => Math.Log(r.Parameters[j])).ToArray();
            double mean = logs.Average(), sd = Math.Sqrt(logs.Sum(v => (v - mean) * (v - mean)) / (logs.Length - 1));
            output.WriteLine($"{p.Name}: sd(ln) {sd:G4}, information se/θ {p.InformationStandardError / p.Estimate:G4}");
            Assert.InRange(sd / (p.InformationStandardError / p.Estimate), 1 - tolerance, 1 + tolerance);
            Assert.InRange(p.Estimate, p.Lower, p.Upper);
        }
    }

    [Fact]
    public void Pareto_nbd_bootstrap_standard_errors_of_the_log_parameters_match_the_observed_information()
    {
        // Over 39 weeks the dropout process (s, β) is weakly identified and its estimates are right-skewed at this n (s: 0.44
        // with a percentile interval of 0.33–0.69), so the natural-scale spread exceeds the normal approximation by ~30 %;
        // on the log scale the two agree (ratios 0.99–1.09 measured).
        var pareto = BootstrapData.ParetoNbdCustomers(5000, seed: 22);
        AssertCloseOnLogScale(Bootstrap.Purchases(new ParetoNbdModel().Fit(pareto), pareto, new BootstrapOptions { Replicates = 200, Seed = 2 }));
    }

    [Theory]
    [InlineData(BootstrapKind.Nonparametric)]
    [InlineData(BootstrapKind.Parametric)]
    public void Mbg_nbd_bootstrap_standard_errors_of_the_log_parameters_match_the_observed_information(BootstrapKind kind)
    {
        // MBG/NBD needs more customers: its bootstrap standard error varies from data set to data set more than the 5 % Monte
        // Carlo error (at n = 5000, ratios of 0.77–1.37 over two simulated data sets; at n = 20,000, 0.79–1.16 over two, this
        // one 0.96–1.09), as a standard error estimated from customers whose score contributions are heavy-tailed in x does.
        var mbg = BootstrapData.MbgNbdCustomers(20000, seed: 31);
        AssertCloseOnLogScale(Bootstrap.Purchases(new MbgNbdModel().Fit(mbg), mbg, new BootstrapOptions { Replicates = 200, Seed = 3, Kind = kind }));
    }

    [Theory]
    [InlineData(BootstrapKind.Nonparametric)]
    [InlineData(BootstrapKind.Parametric)]
    public void Gamma_gamma_bootstrap_standard_errors_match_the_observed_information(BootstrapKind kind)
    {
        var customers = BootstrapData.BgNbdCustomers(8000, seed: 24);
        var fit = new GammaGammaModel().Fit(customers);
        var boot = Bootstrap.Spend(fit.Parameters, customers, new BootstrapOptions { Replicates = 200, Seed = 4, Kind = kind });
        AssertClose(boot.Parameters, output);
    }
}
