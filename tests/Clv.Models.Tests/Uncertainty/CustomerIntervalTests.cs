using Clv.Models.BgNbd;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.ParetoNbd;
using Clv.Models.Uncertainty;
using Clv.Models.Valuation;

namespace Clv.Models.Tests.Uncertainty;

public class CustomerIntervalTests
{
    private static readonly ValuationOptions Valuation = new() { DiscountRate = 0.01, Margin = 0.3 };

    [Fact]
    public void Every_interval_is_ordered_and_contains_the_point_prediction()
    {
        var customers = BootstrapData.BgNbdCustomers(3000, seed: 8);
        var fit = new BgNbdModel().Fit(customers);
        var spend = new GammaGammaModel().Fit(customers);
        var boot = Bootstrap.Purchases(fit, customers, new BootstrapOptions { Replicates = 100, Seed = 2, ConfidenceLevel = 0.9 }, spend.Parameters);
        var intervals = boot.Predict(customers, 39, Valuation);
        var point = CustomerValuation.Compute(fit, customers, Valuation with { PurchaseHorizon = 39 }, spend.Parameters);
        Assert.Equal(customers.CustomerIds, intervals.CustomerIds);
        // Not a theorem for percentile intervals (a biased bootstrap distribution could leave the estimate outside), but with a
        // well-identified fit the estimate sits well inside the 90 % spread for every customer.
        AssertContains(point.ProbabilityAlive, intervals.ProbabilityAlive);
        AssertContains(point.ExpectedPurchases!, intervals.ExpectedPurchases!);
        AssertContains(point.DiscountedExpectedTransactions, intervals.DiscountedExpectedTransactions!);
        AssertContains(point.ExpectedSpend!, intervals.ExpectedSpend!);
        AssertContains(point.Value!, intervals.Value!);
        Assert.Contains(intervals.Value!.Upper.Zip(intervals.Value.Lower), p => p.First > p.Second); // not degenerate
    }

    private static void AssertContains(double[] point, PredictionInterval interval)
    {
        for (int i = 0; i < point.Length; i++)
        {
            Assert.True(interval.Lower[i] <= interval.Upper[i], $"customer {i}: lower {interval.Lower[i]} > upper {interval.Upper[i]}");
            double slack = 1e-12 * Math.Abs(point[i]);
            Assert.True(interval.Lower[i] - slack <= point[i] && point[i] <= interval.Upper[i] + slack,
                $"customer {i}: {point[i]} outside [{interval.Lower[i]}, {interval.Upper[i]}]");
        }
    }

    /// <summary>Hyndman–Fan definition 7, written out independently of the library.</summary>
    private static double Quantile(List<double> values, double p)
    {
        var v = values.OrderBy(d => d).ToList();
        double h = (v.Count - 1) * p;
        int lo = (int)h;
        return lo + 1 < v.Count ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
    }

    [Fact]
    public void Chunked_intervals_equal_refitting_and_predicting_every_replicate_by_brute_force()
    {
        // Brute force: per replicate rebuild the resampled customers explicitly, refit both models with the public API, predict
        // every customer (no distinct rows, no chunks, no factor tables), then take each customer's quantiles.
        var customers = BootstrapData.BgNbdCustomers(600, seed: 9);
        var fit = new BgNbdModel().Fit(customers);
        var spend = new GammaGammaModel().Fit(customers);
        const int seed = 17;
        var options = new BootstrapOptions { Replicates = 30, Seed = seed, ConfidenceLevel = 0.8 };
        var boot = Bootstrap.Purchases(fit, customers, options, spend.Parameters);
        var resampler = new PurchaseResampler(customers, [], withSpend: true);
        int n = customers.Count;
        var columns = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, n).Select(_ => new List<double>()).ToArray()).ToArray();
        foreach (var replicate in boot.Replicates)
        {
            var counts = resampler.DrawCounts(new ReplicateRandom(seed, replicate.Index));
            var sample = BootstrapData.Repeat(customers.Frequency, customers.Recency, customers.T, customers.MonetaryValue, counts);
            var p = new BgNbdModel(new FitOptions { InitialParameters = fit.Parameters.ToArray() }).Fit(sample);
            var gg = new GammaGammaModel(new FitOptions { InitialParameters = spend.Parameters.ToArray() }).Fit(sample).Parameters;
            var alive = p.ProbabilityAlive(customers);
            var expected = p.ExpectedPurchases(customers, 39);
            var det = p.DiscountedExpectedTransactions(customers, Valuation.DiscountRate);
            for (int i = 0; i < n; i++)
            {
                double es = GammaGammaSpend.ConditionalExpectedAverageSpend(gg, customers.Frequency[i], customers.MonetaryValue![i]);
                columns[0][i].Add(alive[i]); columns[1][i].Add(expected[i]); columns[2][i].Add(det[i]);
                columns[3][i].Add(es); columns[4][i].Add(Valuation.Margin * es * det[i]);
            }
        }
        // A chunk of 7 rows: many chunks, each a partial run of a frequency.
        var chunked = CustomerIntervalBuilder.Compute([.. boot.Replicates.Select(r => r.Purchases)], [.. boot.Replicates.Select(r => r.Spend!.Value)],
            customers, 39, Valuation, 0.8, threads: 2, chunkRows: 7);
        var viaPredict = boot.Predict(customers, 39, Valuation);
        PredictionInterval[] got = [chunked.ProbabilityAlive, chunked.ExpectedPurchases!, chunked.DiscountedExpectedTransactions!, chunked.ExpectedSpend!, chunked.Value!];
        for (int c = 0; c < 5; c++)
            for (int i = 0; i < n; i++)
            {
                // The explicit refits stop within ~1e-8 relative of the weighted ones (summation order); predictions follow.
                double lo = Quantile(columns[c][i], 0.1), hi = Quantile(columns[c][i], 0.9);
                Assert.Equal(lo, got[c].Lower[i], 1e-6 * Math.Abs(lo) + 1e-300);
                Assert.Equal(hi, got[c].Upper[i], 1e-6 * Math.Abs(hi) + 1e-300);
            }
        Assert.Equal(chunked.Value!.Lower, viaPredict.Value!.Lower); // the chunk size does not change the result
        Assert.Equal(chunked.ProbabilityAlive.Upper, viaPredict.ProbabilityAlive.Upper);
    }

    [Fact]
    public void Pareto_nbd_intervals_without_valuation_have_p_alive_and_expected_purchases_only()
    {
        var customers = BootstrapData.ParetoNbdCustomers(3000, seed: 10);
        var fit = new ParetoNbdModel().Fit(customers);
        var intervals = Bootstrap.Purchases(fit, customers, new BootstrapOptions { Replicates = 20, Seed = 1 }).Predict(customers, 13);
        Assert.Null(intervals.DiscountedExpectedTransactions);
        Assert.Null(intervals.Value);
        AssertContains(fit.ProbabilityAlive(customers), intervals.ProbabilityAlive);
        AssertContains(fit.ExpectedPurchases(customers, 13), intervals.ExpectedPurchases!);
    }

    [Fact]
    public void Spend_model_alone_gives_expected_spend_intervals_around_the_estimate()
    {
        var customers = BootstrapData.BgNbdCustomers(2000, seed: 11);
        var fit = new GammaGammaModel().Fit(customers);
        var boot = Bootstrap.Spend(fit.Parameters, customers, new BootstrapOptions { Replicates = 60, Seed = 1, ConfidenceLevel = 0.9 });
        AssertContains(fit.ConditionalExpectedAverageSpend(customers), boot.ExpectedSpend(customers));
    }
}
