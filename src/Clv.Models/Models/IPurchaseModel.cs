namespace Clv.Models;

/// <summary>
/// The per-customer predictions every transaction ("Buy Till You Die") model makes from its parameters, in one
/// vocabulary (lifetimes: <c>conditional_probability_alive</c>, <c>conditional_expected_number_of_purchases_up_to_time</c>,
/// <c>expected_number_of_purchases_up_to_time</c>, <c>probability_of_n_purchases_up_to_time</c>).
/// Implemented by each model's parameter type (a model file's point estimate is all a prediction needs) and by its
/// fitted model. Span methods fill <c>result</c>, one value per customer; all spans must have the same length.
/// Times are in the summary's time unit.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "not used from VB")]
public interface IPurchaseModel
{
    /// <summary>Model name used in model files and on the command line, e.g. "bg-nbd".</summary>
    string ModelName { get; }

    /// <summary>Per-customer log-likelihood ln L(θ | x, t_x, T).</summary>
    void LogLikelihoods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result);

    /// <summary>P(alive | x, t_x, T): the probability that the customer is still active at T.</summary>
    void ProbabilityAlive(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result);

    /// <summary>E[Y(h) | x, t_x, T]: the expected number of purchases in (T, T + h], h = <paramref name="horizon"/>.</summary>
    void ExpectedPurchases(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result);

    /// <summary>
    /// DET(δ, H | x, t_x, T): the expected number of purchases in (T, T + H], each discounted by e^(−δ·(time after T)); with
    /// H = +∞ the discounted expected residual transactions (DERT; Fader, Hardie &amp; Lee 2005, "RFM and CLV", JMR 42(4)).
    /// δ = <paramref name="discountRate"/> ≥ 0 is a continuous rate per time unit; δ = 0 with H = ∞ may be +∞. See docs/valuation.md.
    /// </summary>
    void DiscountedExpectedTransactions(double discountRate, double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result);

    /// <summary>E[X(t)]: the expected number of repeat purchases in (0, t] of a customer drawn at random from the population.</summary>
    double ExpectedPurchasesNewCustomer(double t);

    /// <summary>P(X(t) = n): the probability that a customer drawn at random makes n repeat purchases in (0, t].</summary>
    double ProbabilityOfPurchases(int n, double t);

    /// <summary>
    /// Draws a new customer from the model's story, observed for <paramref name="t"/> time units after the first purchase,
    /// and appends the times of the repeat purchases (ascending, in (0, t]) to <paramref name="purchaseTimes"/>.
    /// </summary>
    void SimulatePurchaseTimes(double t, Random random, List<double> purchaseTimes);
}
