using Clv.Models.Data;
using Clv.Models.GammaGamma;

namespace Clv.Models.Valuation;

/// <summary>
/// Customer lifetime value: CLV = margin × E[M | x, m_x] × DET(δ, H | x, t_x, T), the expected margin per transaction
/// (Gamma-Gamma) times the discounted expected number of transactions over the horizon (Fader, Hardie &amp; Lee 2005,
/// "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42(4), eq. 2; DERT when H = ∞). The spend and
/// transaction models are assumed independent, as the Gamma-Gamma model requires (see
/// <see cref="FittedGammaGamma.FrequencySpendCorrelation"/>). Customers with no repeat purchase get the population mean
/// spend. Units: CLV is in the currency of the monetary column, discounted to T (the end of calibration).
/// The transaction columns are computed once per distinct (x, t_x, T) and spread over
/// <see cref="ValuationOptions.MaxDegreeOfParallelism"/> threads; the result does not depend on the number of threads.
/// </summary>
public static class CustomerValuation
{
    /// <summary>Values every customer of a summary.</summary>
    /// <param name="purchases">A transaction model (e.g. fitted Pareto/NBD or BG/NBD, or their parameters).</param>
    /// <param name="summary">The customers; needs a monetary value column when <paramref name="spend"/> is given.</param>
    /// <param name="options">Discount rate, horizon and margin.</param>
    /// <param name="spend">A spend model; null to compute only the transaction columns (no spend, no value).</param>
    /// <param name="source">File name of the summary for error messages, when it came from a file.</param>
    /// <exception cref="ClvDataException">A spend model is given and the summary has no usable monetary column.</exception>
    public static CustomerValueTable Compute(IPurchaseModel purchases, CustomerSummary summary, ValuationOptions options, GammaGammaParameters? spend = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = summary.Count;
        var rows = new DistinctCustomerRows(summary, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
        double? purchaseHorizon = options.PurchaseHorizon ?? (double.IsFinite(options.Horizon) ? options.Horizon : null);
        double[] alive, det;
        double[]? expected = null;
        if (GivenAliveFactors.Of(purchases) is { } factors)
        {
            // P(alive) once per distinct row; each column's given-alive factor once per distinct (x, T) of a chunk.
            var aliveRows = rows.PerRow((_, x, tx, t, result) => purchases.ProbabilityAlive(x, tx, t, result));
            alive = rows.Expand(aliveRows);
            if (purchaseHorizon is { } h)
                expected = rows.Expand(rows.PerRow((start, x, _, t, result) =>
                    GivenAliveCache.Scale(x, t, aliveRows.AsSpan(start, x.Length), result, (xi, ti) => factors.ExpectedPurchasesGivenAlive(h, xi, ti))));
            det = rows.Expand(rows.PerRow((start, x, _, t, result) =>
                GivenAliveCache.Scale(x, t, aliveRows.AsSpan(start, x.Length), result,
                    (xi, ti) => factors.DiscountedTransactionsGivenAlive(options.DiscountRate, options.Horizon, xi, ti))));
        }
        else
        {
            alive = rows.Column(purchases.ProbabilityAlive);
            if (purchaseHorizon is { } h)
                expected = rows.Column((x, tx, t, result) => purchases.ExpectedPurchases(h, x, tx, t, result));
            det = rows.Column((x, tx, t, result) => purchases.DiscountedExpectedTransactions(options.DiscountRate, options.Horizon, x, tx, t, result));
        }

        double[]? expectedSpend = null, value = null;
        if (spend is { } gg)
        {
            expectedSpend = ExpectedSpend(gg, summary, source);
            value = new double[n];
            Value(options.Margin, expectedSpend, det, value);
        }
        return new CustomerValueTable(summary.CustomerIds, alive, purchaseHorizon, expected, det, expectedSpend, value, options);
    }

    /// <summary>
    /// E[M | x, m_x] per customer of <paramref name="summary"/>: the Gamma-Gamma conditional mean for the repeat customers, the
    /// population mean spend for those without a repeat purchase.
    /// </summary>
    /// <exception cref="ClvDataException">The summary has no usable monetary column.</exception>
    public static double[] ExpectedSpend(GammaGammaParameters spend, CustomerSummary summary, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var repeat = RepeatCustomers.Select(summary, source);
        var expectedSpend = new double[summary.Count];
        Array.Fill(expectedSpend, spend.PopulationMeanSpend);
        var own = new double[repeat.Count];
        GammaGammaSpend.ConditionalExpectedAverageSpend(spend, repeat.Frequency, repeat.MonetaryValue, own);
        for (int k = 0; k < repeat.Count; k++) expectedSpend[repeat.Rows[k]] = own[k];
        return expectedSpend;
    }

    /// <summary>CLV = margin × expected spend × discounted expected transactions, element by element.</summary>
    public static void Value(double margin, ReadOnlySpan<double> expectedSpend, ReadOnlySpan<double> discountedTransactions, Span<double> result)
    {
        if (expectedSpend.Length != discountedTransactions.Length || expectedSpend.Length != result.Length)
            throw new ArgumentException($"expected spend, discounted transactions and result must have the same length (got {expectedSpend.Length}, {discountedTransactions.Length}, {result.Length})");
        for (int i = 0; i < result.Length; i++) result[i] = margin * expectedSpend[i] * discountedTransactions[i];
    }
}

/// <summary>
/// Per-customer valuation, as columns in the summary's row order (see <see cref="CustomerValuation.Compute"/>), with
/// ranking and segment helpers on the value.
/// </summary>
/// <param name="CustomerIds">Customer identifiers.</param>
/// <param name="ProbabilityAlive">P(alive | x, t_x, T).</param>
/// <param name="PurchaseHorizon">Horizon of <paramref name="ExpectedPurchases"/>, when computed.</param>
/// <param name="ExpectedPurchases">E[Y(t) | x, t_x, T] over <paramref name="PurchaseHorizon"/>, undiscounted; null when no finite horizon was given.</param>
/// <param name="DiscountedExpectedTransactions">DET(δ, H | x, t_x, T); DERT when the horizon is infinite.</param>
/// <param name="ExpectedSpend">E[M | x, m_x] per transaction (population mean for x = 0); null without a spend model.</param>
/// <param name="Value">CLV = margin × expected spend × discounted expected transactions; null without a spend model.</param>
/// <param name="Options">The settings used.</param>
public sealed record CustomerValueTable(
    string[] CustomerIds,
    double[] ProbabilityAlive,
    double? PurchaseHorizon,
    double[]? ExpectedPurchases,
    double[] DiscountedExpectedTransactions,
    double[]? ExpectedSpend,
    double[]? Value,
    ValuationOptions Options)
{
    /// <summary>Number of customers.</summary>
    public int Count => CustomerIds.Length;

    /// <summary>The value column when there is one, else the discounted expected transactions: what rankings order by.</summary>
    public double[] RankingValue => Value ?? DiscountedExpectedTransactions;

    /// <summary>Rows of the <paramref name="n"/> most valuable customers, most valuable first.</summary>
    public int[] Top(int n) => CustomerRanking.Top(RankingValue, n);

    /// <summary>Decile of each customer by value: 1 = the top 10 %.</summary>
    public int[] Deciles() => CustomerRanking.Deciles(RankingValue);

    /// <summary>Count, total, mean and share of value of each of <paramref name="count"/> equal-size segments (10 = deciles).</summary>
    public IReadOnlyList<SegmentSummary> SegmentSummaries(int count = 10) =>
        CustomerRanking.Summarize(CustomerRanking.Segments(RankingValue, count), RankingValue, count);
}
