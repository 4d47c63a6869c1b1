namespace Clv.Models.BgNbd;

/// <summary>The BG/NBD predictions as an <see cref="IPurchaseModel"/> (see <see cref="BgNbdPredictions"/> for the formulas).</summary>
public readonly partial record struct BgNbdParameters : IGivenAliveFactors
{
    /// <inheritdoc/>
    public void LogLikelihoods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        BgNbdLikelihood.LogLikelihood(this, frequency, recency, t, result);

    /// <inheritdoc/>
    public void ProbabilityAlive(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        BgNbdPredictions.ProbabilityAlive(this, frequency, recency, t, result);

    /// <inheritdoc/>
    public void ExpectedPurchases(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        BgNbdPredictions.ExpectedPurchases(this, horizon, frequency, recency, t, result);

    /// <inheritdoc/>
    public double ExpectedPurchasesNewCustomer(double t) => BgNbdPredictions.ExpectedPurchasesNewCustomer(this, t);

    /// <inheritdoc/>
    public double ProbabilityOfPurchases(int n, double t) => BgNbdPredictions.ProbabilityOfPurchases(this, n, t);

    /// <inheritdoc/>
    public void SimulatePurchaseTimes(double t, Random random, List<double> purchaseTimes) => BgNbdSimulator.SimulatePurchaseTimes(this, t, random, purchaseTimes);

    /// <inheritdoc/>
    public void DiscountedExpectedTransactions(double discountRate, double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        Valuation.BgNbdDiscountedTransactions.DiscountedExpectedTransactions(this, frequency, recency, t, discountRate, horizon, result);

    double IGivenAliveFactors.ExpectedPurchasesGivenAlive(double horizon, double x, double T) => BgNbdPredictions.ExpectedPurchasesGivenAlive(this, horizon, x, T, initialFlips: 0);

    double IGivenAliveFactors.DiscountedTransactionsGivenAlive(double discountRate, double horizon, double x, double T) =>
        Valuation.BgNbdDiscountedTransactions.GivenAlive(this, x, T, discountRate, horizon);
}
