namespace Clv.Models.MbgNbd;

/// <summary>The fitted model's predictions: those of its <see cref="Parameters"/> (see <see cref="MbgNbdPredictions"/>).</summary>
public sealed partial record FittedMbgNbd : IPurchaseModel
{
    string IPurchaseModel.ModelName => ModelName;

    /// <inheritdoc/>
    public void LogLikelihoods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        Parameters.LogLikelihoods(frequency, recency, t, result);

    /// <inheritdoc/>
    public void ProbabilityAlive(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        Parameters.ProbabilityAlive(frequency, recency, t, result);

    /// <inheritdoc/>
    public void ExpectedPurchases(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        Parameters.ExpectedPurchases(horizon, frequency, recency, t, result);

    /// <inheritdoc/>
    public double ExpectedPurchasesNewCustomer(double t) => Parameters.ExpectedPurchasesNewCustomer(t);

    /// <inheritdoc/>
    public double ProbabilityOfPurchases(int n, double t) => Parameters.ProbabilityOfPurchases(n, t);

    /// <inheritdoc/>
    public void SimulatePurchaseTimes(double t, Random random, List<double> purchaseTimes) => Parameters.SimulatePurchaseTimes(t, random, purchaseTimes);

    /// <inheritdoc/>
    public void DiscountedExpectedTransactions(double discountRate, double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        Parameters.DiscountedExpectedTransactions(discountRate, horizon, frequency, recency, t, result);
}
