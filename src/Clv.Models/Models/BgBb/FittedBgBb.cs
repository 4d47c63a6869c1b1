using Clv.Models.Estimation;

namespace Clv.Models.BgBb;

/// <summary>
/// A fitted BG/BB model: parameters, their uncertainty, the maximised log-likelihood and the optimiser's report; its
/// prediction methods (<see cref="BgBbPredictions"/>) fill caller-provided spans or allocate, for convenience.
/// </summary>
public sealed partial record FittedBgBb
{
    internal FittedBgBb(BgBbParameters parameters, MaximumLikelihoodEstimate estimate)
    {
        Parameters = parameters;
        Estimate = estimate;
    }

    /// <summary>Model name used in model files and on the command line.</summary>
    public const string ModelName = "bg-bb";

    /// <summary>The maximum-likelihood parameters.</summary>
    public BgBbParameters Parameters { get; }

    /// <summary>Estimates with standard errors and intervals, log-likelihood, AIC/BIC and convergence report.</summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>Maximised log-likelihood.</summary>
    public double LogLikelihood => Estimate.LogLikelihood;
}
