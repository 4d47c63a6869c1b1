using Clv.Models.Data;

namespace Clv.Models.Diagnostics;

/// <summary>One bar of the repeat-transaction histogram.</summary>
/// <param name="RepeatPurchases">Number of repeat purchases n; the last bin holds n ≥ <paramref name="RepeatPurchases"/>.</param>
/// <param name="IsOpenEnded">True for the last bin.</param>
/// <param name="Observed">Customers observed with n repeat purchases in calibration.</param>
/// <param name="Expected">Σ_i P(X(T_i) = n), the number the model expects.</param>
public sealed record HistogramBin(int RepeatPurchases, bool IsOpenEnded, int Observed, double Expected)
{
    /// <summary>The bin's label: "3", or "7+" for the last one.</summary>
    public string Label => IsOpenEnded ? $"{RepeatPurchases}+" : RepeatPurchases.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Observed number of customers with 0, 1, …, K−1 and K+ repeat purchases in calibration against the model's
/// expectation Σ_i P(X(T_i) = n) (each customer over their own T_i; Fader, Hardie &amp; Lee 2005, "Counting your
/// customers the easy way", Figure 2, with P(X(t) = n) from their eq. (8)), with Pearson's χ² test.
/// The open bin's expectation is N − Σ_{n&lt;K} Σ_i P(X(T_i) = n).
/// </summary>
/// <param name="Bins">The bins 0, …, K−1 and K+.</param>
/// <param name="ChiSquare">Pearson's test over the bins, one degree of freedom less per estimated parameter.</param>
public sealed record RepeatTransactionHistogram(IReadOnlyList<HistogramBin> Bins, ChiSquareTest ChiSquare)
{
    /// <summary>The histogram of a calibration summary.</summary>
    /// <param name="model">The model fitted on <paramref name="summary"/>.</param>
    /// <param name="summary">Calibration frequency and T.</param>
    /// <param name="estimatedParameters">Number of parameters fitted on this summary (4 for BG/NBD and Pareto/NBD; 0 if fixed in advance).</param>
    /// <param name="openBin">First count of the open-ended bin (default 7: bins 0, …, 6, 7+).</param>
    /// <exception cref="ArgumentException">Too few bins for the parameters, or an expected count is not &gt; 0.</exception>
    public static RepeatTransactionHistogram Compute(IPurchaseModel model, CustomerSummary summary, int estimatedParameters, int openBin = 7)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentOutOfRangeException.ThrowIfLessThan(openBin, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(estimatedParameters);
        var observed = new double[openBin + 1];
        foreach (double x in summary.Frequency) observed[(int)Math.Min(x, openBin)]++;

        var expected = new double[openBin + 1];
        foreach (var cohort in summary.T.GroupBy(t => t))
        {
            int customers = cohort.Count();
            for (int n = 0; n < openBin; n++) expected[n] += customers * model.ProbabilityOfPurchases(n, cohort.Key);
        }

        expected[openBin] = summary.Count - expected.Take(openBin).Sum();
        var bins = Enumerable.Range(0, openBin + 1).Select(n => new HistogramBin(n, n == openBin, (int)observed[n], expected[n])).ToArray();
        return new RepeatTransactionHistogram(bins, ChiSquareTest.Of(observed, expected, estimatedParameters));
    }
}
