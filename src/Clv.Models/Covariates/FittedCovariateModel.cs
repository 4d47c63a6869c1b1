using Clv.Models.Estimation;

namespace Clv.Models.Covariates;

/// <summary>
/// A transaction model with static covariates fitted by maximum likelihood: the predictor (base parameters and coefficients,
/// whose predictions use each customer's own parameters) and the estimate of every parameter, coefficients included, with
/// standard errors from the observed information, the log-likelihood (without the penalty) and the optimiser's report.
/// </summary>
/// <typeparam name="TParameters">The model's parameter type.</typeparam>
/// <param name="Model">Base parameters and coefficients, and the per-customer predictions.</param>
/// <param name="Estimate">All estimates (base parameters first, then the coefficients by <see cref="CovariateCoefficient.Name"/>).</param>
/// <param name="Spec">What was fitted: the covariates of each process, constraints and penalties.</param>
public sealed record FittedCovariateModel<TParameters>(CovariatePredictor<TParameters> Model, MaximumLikelihoodEstimate Estimate, CovariateSpec Spec)
    where TParameters : struct, IPurchaseModel
{
    /// <summary>The base parameters (a customer whose covariates are all 0).</summary>
    public TParameters BaseParameters => Model.BaseParameters;

    /// <summary>The coefficients with standard errors and intervals.</summary>
    public IReadOnlyList<CovariateCoefficient> Coefficients => Model.Coefficients;

    /// <summary>The maximised log-likelihood, without the L2 penalty.</summary>
    public double LogLikelihood => Estimate.LogLikelihood;

    /// <summary>The coefficient named <paramref name="name"/> (e.g. "purchase.age").</summary>
    public CovariateCoefficient this[string name] =>
        Coefficients.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"no coefficient named '{name}'");
}
