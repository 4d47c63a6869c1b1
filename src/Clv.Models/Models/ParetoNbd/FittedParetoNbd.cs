using Clv.Models.Estimation;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// A fitted Pareto/NBD model: parameters, their uncertainty, the maximised log-likelihood and the optimiser's
/// report; its prediction methods fill caller-provided spans (or allocate, for convenience).
/// </summary>
public sealed partial record FittedParetoNbd
{
    internal FittedParetoNbd(ParetoNbdParameters parameters, MaximumLikelihoodEstimate estimate)
    {
        Parameters = parameters;
        Estimate = estimate;
    }

    /// <summary>Model name used in model files and on the command line.</summary>
    public const string ModelName = "pareto-nbd";

    /// <summary>The maximum-likelihood parameters.</summary>
    public ParetoNbdParameters Parameters { get; }

    /// <summary>Estimates with standard errors and intervals, log-likelihood, AIC/BIC and convergence report.</summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>Maximised log-likelihood.</summary>
    public double LogLikelihood => Estimate.LogLikelihood;
}
