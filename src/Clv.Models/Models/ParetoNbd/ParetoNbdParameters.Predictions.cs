namespace Clv.Models.ParetoNbd;

/// <summary>The Pareto/NBD predictions as an <see cref="IPurchaseModel"/> (see <see cref="ParetoNbdPredictions"/> for the formulas).</summary>
public readonly partial record struct ParetoNbdParameters : IGivenAliveFactors
{
    /// <inheritdoc/>
    public void LogLikelihoods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        ParetoNbdLikelihood.LogLikelihood(this, frequency, recency, t, result);

    /// <inheritdoc/>
    public void ProbabilityAlive(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        ParetoNbdPredictions.ProbabilityAlive(this, frequency, recency, t, result);

    /// <inheritdoc/>
    public void ExpectedPurchases(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        ParetoNbdPredictions.ExpectedPurchases(this, horizon, frequency, recency, t, result);

    /// <inheritdoc/>
    public double ExpectedPurchasesNewCustomer(double t) => ParetoNbdPredictions.ExpectedPurchasesNewCustomer(this, t);

    /// <inheritdoc/>
    public double ProbabilityOfPurchases(int n, double t) => ParetoNbdPredictions.ProbabilityOfPurchases(this, n, t);

    /// <inheritdoc/>
    public void SimulatePurchaseTimes(double t, Random random, List<double> purchaseTimes) => ParetoNbdSimulator.SimulatePurchaseTimes(this, t, random, purchaseTimes);

    /// <inheritdoc/>
    public void DiscountedExpectedTransactions(double discountRate, double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        Valuation.ParetoNbdDiscountedTransactions.DiscountedExpectedTransactions(this, frequency, recency, t, discountRate, horizon, result);

    double IGivenAliveFactors.ExpectedPurchasesGivenAlive(double horizon, double x, double T) => ParetoNbdPredictions.ExpectedPurchasesGivenAlive(this, horizon, x, T);

    double IGivenAliveFactors.DiscountedTransactionsGivenAlive(double discountRate, double horizon, double x, double T) =>
        Valuation.ParetoNbdDiscountedTransactions.GivenAlive(this, x, T, discountRate, horizon);
}
