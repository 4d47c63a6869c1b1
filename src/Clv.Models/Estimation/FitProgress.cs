namespace Clv.Models.Estimation;

/// <summary>
/// Where a maximum-likelihood fit stands after one evaluation of the objective (<see cref="FitOptions.Progress"/>): for a
/// progress display, not a result (the <see cref="ConvergenceReport"/> is).
/// </summary>
/// <param name="Evaluations">Objective evaluations so far (1, 2, …), line-search steps included.</param>
/// <param name="Objective">The objective just evaluated: −ℓ/N plus the penalty (+∞ where the likelihood is not finite).</param>
/// <param name="GradientNorm">Infinity norm of the objective's gradient in log-parameters at that point; the fit converges when it falls below <see cref="FitOptions.GradientTolerance"/>.</param>
public readonly record struct FitProgress(int Evaluations, double Objective, double GradientNorm);
