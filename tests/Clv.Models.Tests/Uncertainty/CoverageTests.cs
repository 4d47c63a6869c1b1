using Clv.Models.BgNbd;
using Clv.Models.Uncertainty;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Uncertainty;

public class CoverageTests(ITestOutputHelper output)
{
    /// <summary>
    /// Repeated experiments with known parameters: simulate 1,500 BG/NBD customers, fit, bootstrap 40 replicates, and check
    /// whether each parameter's 80 % percentile interval covers the truth. Over 60 experiments the count of covering intervals
    /// is Binomial(60, 0.8) if the intervals are right: mean 48, sd 3.1; the test accepts 38–57 (about ±3 sd, and below the
    /// 60 a too-wide interval would give) for every parameter, and the count over all four parameters within 3 sd of 192 (a
    /// bound that ignores their positive correlation, so it is loose).
    /// </summary>
    [Fact]
    public void Nonparametric_percentile_intervals_cover_the_true_parameters_in_about_the_nominal_share_of_experiments()
    {
        const int experiments = 60;
        var truth = BootstrapData.BgNbd.ToArray();
        var covered = new int[4];
        Parallel.For(0, experiments, e =>
        {
            var customers = BootstrapData.BgNbdCustomers(1500, seed: 1000 + e);
            var fit = new BgNbdModel(new Estimation.FitOptions { MaxDegreeOfParallelism = 1 }).Fit(customers);
            var boot = Bootstrap.Purchases(fit, customers, new BootstrapOptions { Replicates = 40, Seed = e, ConfidenceLevel = 0.8, MaxDegreeOfParallelism = 1 });
            for (int j = 0; j < 4; j++)
                if (boot.Parameters[j].Lower <= truth[j] && truth[j] <= boot.Parameters[j].Upper) Interlocked.Increment(ref covered[j]);
        });
        output.WriteLine($"covered of {experiments}: r {covered[0]}, alpha {covered[1]}, a {covered[2]}, b {covered[3]}");
        Assert.All(covered, c => Assert.InRange(c, 38, 57));
        Assert.InRange(covered.Sum(), 192 - 3 * Math.Sqrt(4 * 60 * 0.8 * 0.2), 192 + 3 * Math.Sqrt(4 * 60 * 0.8 * 0.2));
    }
}
