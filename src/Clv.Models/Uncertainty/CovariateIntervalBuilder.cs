using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.Valuation;

namespace Clv.Models.Uncertainty;

/// <summary>
/// Per-customer percentile intervals of a covariate model's predictions from B replicate predictors. Every customer has its
/// own parameters in every replicate, so nothing is shared between customers: the customers are taken in chunks of C, each
/// chunk's C × B predictions computed (per replicate the chunk's linear predictors, then each customer's parameters and its
/// prediction, as <see cref="CovariatePredictor{TParameters}"/> makes them), and each customer's B values sorted for its
/// quantiles; with a joint spend model also E[M | x, m_x] and CLV = margin × E[M] × DET under each replicate's two models.
/// Memory is C × B values per column and thread; the output does not depend on the number of threads.
/// </summary>
internal static class CovariateIntervalBuilder
{
    /// <summary>Customers per chunk.</summary>
    internal const int ChunkCustomers = 512;

    public static CustomerIntervals Compute<TParameters>(IReadOnlyList<CovariatePredictor<TParameters>> models, IReadOnlyList<GammaGammaParameters>? spend,
        CustomerSummary customers, CustomerCovariates covariates, double? purchaseHorizon, ValuationOptions? valuation, double level, int threads)
        where TParameters : struct, IPurchaseModel
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(covariates);
        valuation?.Validate();
        if (purchaseHorizon is { } ph && !(ph >= 0 && double.IsFinite(ph))) throw new ArgumentOutOfRangeException(nameof(purchaseHorizon), ph, "must be finite and >= 0");
        if (covariates.Count != customers.Count)
            throw new ArgumentException($"the covariates have {covariates.Count} customers but the summary {customers.Count}; align them with CovariateTable.AlignTo", nameof(covariates));
        int n = customers.Count, b = models.Count;
        var design = CovariateDesign.Create(models[0].Terms, covariates);
        double[][] gammas = [.. models.Select(m => m.Coefficients.Select(c => c.Value).ToArray())];

        var alive = new PredictionInterval(new double[n], new double[n]);
        var expected = purchaseHorizon is null ? null : new PredictionInterval(new double[n], new double[n]);
        var det = valuation is null ? null : new PredictionInterval(new double[n], new double[n]);
        bool withSpend = spend is not null && valuation is not null;
        if (withSpend) RepeatCustomers.Select(customers); // checks the monetary column and every repeat customer's spend
        var expectedSpend = withSpend ? new PredictionInterval(new double[n], new double[n]) : null;
        var value = withSpend ? new PredictionInterval(new double[n], new double[n]) : null;
        int chunks = (n + ChunkCustomers - 1) / ChunkCustomers;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            int start = chunk * ChunkCustomers, c = Math.Min(ChunkCustomers, n - start);
            double[] aliveB = new double[c * b], expectedB = new double[c * b], detB = new double[c * b];
            double[] etaPurchase = new double[c], etaLife = new double[c], values = new double[b];
            // Replicate r's predictions for the chunk occupy [r·c, (r+1)·c) of each buffer.
            for (int r = 0; r < b; r++)
            {
                design.LinearPredictors(gammas[r], start, etaPurchase, etaLife);
                for (int j = 0; j < c; j++)
                {
                    var p = models[r].ForCustomer(etaPurchase[j], etaLife[j]);
                    int i = start + j, at = r * c + j;
                    ReadOnlySpan<double> x = customers.Frequency.AsSpan(i, 1), tx = customers.Recency.AsSpan(i, 1), t = customers.T.AsSpan(i, 1);
                    p.ProbabilityAlive(x, tx, t, aliveB.AsSpan(at, 1));
                    if (purchaseHorizon is { } h) p.ExpectedPurchases(h, x, tx, t, expectedB.AsSpan(at, 1));
                    if (valuation is { } v) p.DiscountedExpectedTransactions(v.DiscountRate, v.Horizon, x, tx, t, detB.AsSpan(at, 1));
                }
            }
            for (int j = 0; j < c; j++)
            {
                Store(alive, start + j, aliveB, j, c, values, level);
                if (expected is not null) Store(expected, start + j, expectedB, j, c, values, level);
                if (det is not null) Store(det, start + j, detB, j, c, values, level);
                if (!withSpend) continue;
                int i = start + j;
                double x = customers.Frequency[i], m = customers.MonetaryValue![i];
                for (int r = 0; r < b; r++) values[r] = GammaGammaSpend.ConditionalExpectedAverageSpend(spend![r], x, m);
                (expectedSpend!.Lower[i], expectedSpend.Upper[i]) = Percentiles.Interval(values, level);
                for (int r = 0; r < b; r++) values[r] = valuation!.Margin * GammaGammaSpend.ConditionalExpectedAverageSpend(spend![r], x, m) * detB[r * c + j];
                (value!.Lower[i], value.Upper[i]) = Percentiles.Interval(values, level);
            }
        });
        return new CustomerIntervals([.. customers.CustomerIds], level, b, alive, purchaseHorizon, expected, det, expectedSpend, value);
    }

    /// <summary>Customer j's values under every replicate, their percentile interval stored at <paramref name="at"/>.</summary>
    private static void Store(PredictionInterval interval, int at, double[] buffer, int j, int c, double[] values, double level)
    {
        for (int r = 0; r < values.Length; r++) values[r] = buffer[r * c + j];
        (interval.Lower[at], interval.Upper[at]) = Percentiles.Interval(values, level);
    }
}
