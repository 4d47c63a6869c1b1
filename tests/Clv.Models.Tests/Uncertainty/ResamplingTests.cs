using Clv.Models.BgNbd;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.Uncertainty;

namespace Clv.Models.Tests.Uncertainty;

public class ResamplingTests
{
    [Fact]
    public void The_alias_table_draws_each_cell_with_probability_proportional_to_its_weight()
    {
        double[] weights = [1, 0, 2, 3, 4, 0.5];
        var table = new AliasTable(weights);
        var counts = new double[weights.Length];
        const int draws = 200_000;
        table.Multinomial(draws, new ReplicateRandom(11, 0), counts);
        Assert.Equal(draws, counts.Sum());
        for (int k = 0; k < weights.Length; k++)
        {
            double p = weights[k] / weights.Sum(), sd = Math.Sqrt(draws * p * (1 - p));
            Assert.InRange(counts[k], draws * p - 5 * sd, draws * p + 5 * sd); // zero-weight cells: exactly 0
        }
    }

    [Fact]
    public void A_nonparametric_replicate_is_the_fit_of_the_explicitly_resampled_customers()
    {
        // The weighted refit over distinct rows must be the ordinary fit of the N customers the multinomial draw stands for.
        var customers = BootstrapData.BgNbdCustomers(400, seed: 3);
        var fit = new BgNbdModel().Fit(customers);
        var boot = Bootstrap.Purchases(fit, customers, new BootstrapOptions { Replicates = 5, Seed = 9, MaxDegreeOfParallelism = 1 });
        var resampler = new PurchaseResampler(customers, [], withSpend: false);
        Assert.True(resampler.Rows.Count < customers.Count); // the day grid makes rows repeat
        foreach (var replicate in boot.Replicates)
        {
            var counts = resampler.DrawCounts(new ReplicateRandom(9, replicate.Index));
            Assert.Equal(customers.Count, counts.Sum());
            var explicitSample = BootstrapData.Repeat(resampler.Rows.X, resampler.Rows.Recency, resampler.Rows.T, null, counts);
            var refit = new BgNbdModel(new FitOptions { InitialParameters = fit.Parameters.ToArray() }).Fit(explicitSample);
            var expected = refit.Parameters.ToArray();
            for (int j = 0; j < 4; j++) Assert.Equal(expected[j], replicate.Parameters[j], 1e-9 * expected[j]);
        }
    }

    [Fact]
    public void A_joint_replicate_with_spend_refits_both_models_on_the_same_resampled_customers()
    {
        var customers = BootstrapData.BgNbdCustomers(300, seed: 4);
        var fit = new BgNbdModel().Fit(customers);
        var spend = new GammaGammaModel().Fit(customers);
        var boot = Bootstrap.Purchases(fit, customers, new BootstrapOptions { Replicates = 3, Seed = 5 }, spend.Parameters);
        var resampler = new PurchaseResampler(customers, [], withSpend: true);
        foreach (var replicate in boot.Replicates)
        {
            var counts = resampler.DrawCounts(new ReplicateRandom(5, replicate.Index)); // one count per customer
            Assert.Equal(customers.Count, counts.Length);
            var sample = BootstrapData.Repeat(customers.Frequency, customers.Recency, customers.T, customers.MonetaryValue, counts);
            var purchases = new BgNbdModel(new FitOptions { InitialParameters = fit.Parameters.ToArray() }).Fit(sample).Parameters.ToArray();
            var gg = new GammaGammaModel(new FitOptions { InitialParameters = spend.Parameters.ToArray() }).Fit(sample).Parameters.ToArray();
            for (int j = 0; j < 4; j++) Assert.Equal(purchases[j], replicate.Parameters[j], 1e-9 * purchases[j]);
            var s = replicate.Spend!.Value.ToArray();
            // Gamma-Gamma's q and γ are strongly correlated: a gradient below the 1e-9 stopping tolerance still leaves ~1e-8
            // relative freedom along that ridge, so the two summation orders stop a few 1e-8 apart.
            for (int j = 0; j < 3; j++) Assert.Equal(gg[j], s[j], 1e-6 * gg[j]);
        }
    }

    [Fact]
    public void Counts_of_a_compressed_summary_bootstrap_like_the_customers_they_stand_for()
    {
        // One row per distinct (x, t_x, T) with its count: the same resampled population, so the same replicates.
        var customers = BootstrapData.BgNbdCustomers(300, seed: 6);
        var fit = new BgNbdModel().Fit(customers);
        var rows = new PurchaseResampler(customers, [], withSpend: false).Rows;
        var compressed = new Clv.Models.Data.CustomerSummary([.. Enumerable.Range(0, rows.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            rows.X, rows.Recency, rows.T);
        var options = new BootstrapOptions { Replicates = 4, Seed = 3 };
        var full = Bootstrap.Purchases(fit, customers, options);
        var fromCounts = Bootstrap.Purchases(fit, compressed, options, counts: rows.Weight);
        for (int b = 0; b < full.Replicates.Count; b++)
            for (int j = 0; j < 4; j++) Assert.Equal(full.Replicates[b].Parameters[j], fromCounts.Replicates[b].Parameters[j], 1e-12 * full.Replicates[b].Parameters[j]);
    }
}
