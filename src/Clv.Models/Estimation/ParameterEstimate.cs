namespace Clv.Models.Estimation;

/// <summary>One estimated parameter with its uncertainty.</summary>
/// <param name="Name">Parameter name as in the paper (e.g. "r", "alpha").</param>
/// <param name="Value">Maximum-likelihood estimate.</param>
/// <param name="StandardError">Standard error from the observed information (inverse Hessian); NaN when the Hessian is not positive definite.</param>
/// <param name="Lower">Lower end of the Wald interval computed on the log scale, exp(ln θ − z·se/θ), which stays positive (θ − z·se for an unconstrained covariate coefficient).</param>
/// <param name="Upper">Upper end of that interval, exp(ln θ + z·se/θ) (θ + z·se for a covariate coefficient).</param>
public sealed record ParameterEstimate(string Name, double Value, double StandardError, double Lower, double Upper);
