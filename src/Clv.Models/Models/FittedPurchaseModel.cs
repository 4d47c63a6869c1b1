using Clv.Models.Estimation;

namespace Clv.Models;

/// <summary>
/// A fitted transaction model: the maximum-likelihood parameters, their uncertainty, the maximised log-likelihood and the
/// optimiser's report. Its predictions are those of its <see cref="Parameters"/> (a model file's point estimate is all a
/// prediction needs) and fill caller-provided spans (or allocate, through <see cref="PurchaseModelExtensions"/>).
/// </summary>
/// <typeparam name="TParameters">The model's parameter type, which implements the predictions.</typeparam>
public abstract record FittedPurchaseModel<TParameters> : IPurchaseModel, IFittedPurchaseModel
    where TParameters : struct, IPurchaseModel
{
    private protected FittedPurchaseModel(TParameters parameters, MaximumLikelihoodEstimate estimate)
    {
        Parameters = parameters;
        Estimate = estimate;
    }

    /// <summary>The maximum-likelihood parameters.</summary>
    public TParameters Parameters { get; }

    /// <summary>Estimates with standard errors and intervals, log-likelihood, AIC/BIC and convergence report.</summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>Maximised log-likelihood.</summary>
    public double LogLikelihood => Estimate.LogLikelihood;

    string IPurchaseModel.ModelName => Parameters.ModelName;

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

    IPurchaseModel IFittedPurchaseModel.PointEstimate => Parameters;
}
