namespace Clv.Models.MbgNbd;

/// <summary>The MBG/NBD predictions as an <see cref="IPurchaseModel"/> (see <see cref="MbgNbdPredictions"/> for the formulas).</summary>
public readonly partial record struct MbgNbdParameters : IGivenAliveFactors
{
    /// <inheritdoc/>
    public void LogLikelihoods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        MbgNbdLikelihood.LogLikelihood(this, frequency, recency, t, result);

    /// <inheritdoc/>
    public void ProbabilityAlive(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        MbgNbdPredictions.ProbabilityAlive(this, frequency, recency, t, result);

    /// <inheritdoc/>
    public void ExpectedPurchases(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        MbgNbdPredictions.ExpectedPurchases(this, horizon, frequency, recency, t, result);

    /// <inheritdoc/>
    public double ExpectedPurchasesNewCustomer(double t) => MbgNbdPredictions.ExpectedPurchasesNewCustomer(this, t);

    /// <inheritdoc/>
    public double ProbabilityOfPurchases(int n, double t) => MbgNbdPredictions.ProbabilityOfPurchases(this, n, t);

    /// <inheritdoc/>
    public void SimulatePurchaseTimes(double t, Random random, List<double> purchaseTimes) => MbgNbdSimulator.SimulatePurchaseTimes(this, t, random, purchaseTimes);

    /// <inheritdoc/>
    /// <remarks>
    /// Given alive at T the customer has survived x + 1 dropout flips, so p ~ Beta(a, b+x+1), λ ~ Gamma(r+x, α+T), and the future is
    /// the BG/NBD one (purchases at rate λ, each followed by death with probability p): DET = P(alive) · DET_alive with the BG/NBD
    /// DET_alive formula at b+x+1 (docs/models/mbg-nbd.md, "Discounted expected transactions").
    /// </remarks>
    public void DiscountedExpectedTransactions(double discountRate, double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result)
    {
        Validate();
        Valuation.BgNbdDiscountedTransactions.DiscountedExpectedTransactions(Shared, frequency, recency, t, discountRate, horizon, result, InitialFlips);
    }

    double IGivenAliveFactors.ExpectedPurchasesGivenAlive(double horizon, double x, double T) => BgNbd.BgNbdPredictions.ExpectedPurchasesGivenAlive(Shared, horizon, x, T, InitialFlips);

    double IGivenAliveFactors.DiscountedTransactionsGivenAlive(double discountRate, double horizon, double x, double T) =>
        Valuation.BgNbdDiscountedTransactions.GivenAlive(Shared, x, T, discountRate, horizon, InitialFlips);
}
