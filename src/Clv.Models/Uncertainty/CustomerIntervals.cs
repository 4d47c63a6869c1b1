namespace Clv.Models.Uncertainty;

/// <summary>Percentile intervals of one per-customer prediction, as two columns in the customers' order.</summary>
/// <param name="Lower">The (1 − level)/2 quantile of the prediction over the converged replicates' parameters.</param>
/// <param name="Upper">The (1 + level)/2 quantile.</param>
public sealed record PredictionInterval(double[] Lower, double[] Upper)
{
    /// <summary>Number of customers.</summary>
    public int Count => Lower.Length;
}

/// <summary>
/// Bootstrap percentile intervals of every per-customer prediction (see <see cref="PurchaseBootstrap.Predict"/>), in the
/// summary's row order. The interval of a prediction is the spread of that prediction — for the customer's own observed
/// (x, t_x, T) and spend — under the replicates' parameters: parameter uncertainty only, not the randomness of the customer's
/// future purchases (see docs/uncertainty.md).
/// </summary>
/// <param name="CustomerIds">Customer identifiers.</param>
/// <param name="ConfidenceLevel">Level of every interval.</param>
/// <param name="Replicates">Number of converged replicates the intervals come from.</param>
/// <param name="ProbabilityAlive">P(alive | x, t_x, T).</param>
/// <param name="PurchaseHorizon">Horizon of <paramref name="ExpectedPurchases"/>, when computed.</param>
/// <param name="ExpectedPurchases">E[Y(h) | x, t_x, T]; null without a purchase horizon.</param>
/// <param name="DiscountedExpectedTransactions">DET(δ, H | x, t_x, T) (DERT for H = ∞); null without valuation options.</param>
/// <param name="ExpectedSpend">E[M | x, m_x]; null without a spend model or valuation options.</param>
/// <param name="Value">CLV = margin × E[M] × DET, each replicate's spend and transaction parameters together; null without a spend model.</param>
public sealed record CustomerIntervals(
    string[] CustomerIds,
    double ConfidenceLevel,
    int Replicates,
    PredictionInterval ProbabilityAlive,
    double? PurchaseHorizon,
    PredictionInterval? ExpectedPurchases,
    PredictionInterval? DiscountedExpectedTransactions,
    PredictionInterval? ExpectedSpend,
    PredictionInterval? Value)
{
    /// <summary>Number of customers.</summary>
    public int Count => CustomerIds.Length;
}
