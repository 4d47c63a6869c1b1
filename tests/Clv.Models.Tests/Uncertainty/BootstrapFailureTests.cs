using Clv.Models.BgNbd;
using Clv.Models.Estimation;
using Clv.Models.Uncertainty;

namespace Clv.Models.Tests.Uncertainty;

public class BootstrapFailureTests
{
    private static readonly Clv.Models.Data.CustomerSummary Customers = BootstrapData.BgNbdCustomers(500, seed: 12);
    private static readonly FittedBgNbd Fit = new BgNbdModel().Fit(Customers);

    [Fact]
    public void Replicates_that_cannot_converge_are_never_used_the_bootstrap_throws_and_says_why()
    {
        // Two BFGS iterations from the point estimate can finish the point's own refit (already at the optimum) but no replicate's.
        var options = new BootstrapOptions { Replicates = 10, Seed = 1, Fit = new FitOptions { MaxIterations = 2 } };
        var e = Assert.Throws<BootstrapException>(() => Bootstrap.Purchases(Fit, Customers, options));
        Assert.Contains("10 of 10 bootstrap replicates failed to converge", e.Message);
        Assert.Contains("iteration limit", e.Message);
    }

    [Fact]
    public void Converged_and_failed_replicates_add_up_to_the_replicates_requested()
    {
        var boot = Bootstrap.Purchases(Fit, Customers, new BootstrapOptions { Replicates = 16, Seed = 4 });
        Assert.Equal(16, boot.Replicates.Count + boot.Failures.Count);
        Assert.Equal(boot.Replicates.Select(r => r.Index), boot.Replicates.Select(r => r.Index).Order());
    }

    [Fact]
    public void Parameters_that_are_not_the_estimate_on_the_data_are_refused()
    {
        var other = new BgNbdParameters(Fit.Parameters.R * 1.5, Fit.Parameters.Alpha, Fit.Parameters.A, Fit.Parameters.B);
        var e = Assert.Throws<ArgumentException>(() => Bootstrap.Purchases(other, Customers, new BootstrapOptions { Replicates = 2 }));
        Assert.Contains("not the maximum-likelihood estimate on this data", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Purchases(Fit, Customers, new BootstrapOptions { Replicates = 1 }));
    }
}
