namespace Clv.Models.Estimation;

/// <summary>What the optimiser did: whether it converged, how much work it took and where it stopped.</summary>
/// <param name="Converged">True when a convergence criterion was met (gradient, parameter or function tolerance).</param>
/// <param name="Iterations">Quasi-Newton iterations.</param>
/// <param name="Evaluations">Objective (value and gradient) evaluations.</param>
/// <param name="GradientNorm">Infinity norm of the gradient of the scaled objective at the returned point, in log-parameters.</param>
/// <param name="Message">Why the optimiser stopped.</param>
public sealed record ConvergenceReport(bool Converged, int Iterations, int Evaluations, double GradientNorm, string Message);
