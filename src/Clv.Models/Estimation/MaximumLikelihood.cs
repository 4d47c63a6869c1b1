using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Clv.Models.Estimation;

/// <summary>
/// Maximum-likelihood estimation shared by all models: BFGS (MathNet.Numerics) on log-parameters with the
/// analytic gradient, a convergence report that never hides a failure, then standard errors from the
/// observed information (<see cref="ObservedInformation"/>).
/// </summary>
internal static class MaximumLikelihood
{
    public static MaximumLikelihoodEstimate Maximize(ILogLikelihoodFunction f, ReadOnlySpan<double> start, FitOptions options)
    {
        int k = f.ParameterNames.Count;
        options.Validate(k);
        if (!(f.TotalWeight > 0)) throw new ArgumentException("the data has no customers (total weight is 0)");

        var run = Run(f, start, options);
        if (!run.Report.Converged && options.ThrowOnNonConvergence) throw new ConvergenceException(run.Report);
        if (options.ParametersOnly && options.ExtraStarts == 0) return ParametersOnly(f, run, options);
        var others = new List<Outcome>();
        var random = new Random(20261202);
        var shifted = new double[k];
        for (int j = 0; j < options.ExtraStarts; j++)
        {
            for (int i = 0; i < k; i++)
            {
                int sign = random.Next(2) == 0 ? -1 : 1;
                shifted[i] = i < f.PositiveParameterCount ? start[i] * Math.Exp(sign) : start[i] + sign; // ±1 on the optimiser's scale
            }
            var other = Run(f, shifted, options);
            if (!other.Report.Converged) continue;
            others.Add(other);
            if (!run.Report.Converged || other.Value < run.Value) (run, others[^1]) = (other, run);
        }

        var estimate = run.Estimate;
        var summary = ObservedInformation.Summarize(f, estimate, options, run.Report);
        int differing = others.Count(o => o.Report.Converged && !SameOptimum(o, run, f.PositiveParameterCount));
        return differing == 0 ? summary : summary.WithWarning(
            $"{differing} of {options.ExtraStarts + 1} starting points converged to a different optimum; the likelihood has several local maxima and the best (objective −ℓ/N + penalty = {run.Value:G10}) is reported");
    }

    /// <summary>The optimum without the observed information (<see cref="FitOptions.ParametersOnly"/>): NaN standard errors.</summary>
    private static MaximumLikelihoodEstimate ParametersOnly(ILogLikelihoodFunction f, Outcome run, FitOptions options)
    {
        int k = run.Estimate.Length;
        double penalty = 0;
        for (int i = 0; i < f.PositiveParameterCount; i++) penalty += options.Penalizer * run.Estimate[i] * run.Estimate[i];
        var covariance = new double[k, k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) covariance[i, j] = double.NaN;
        var parameters = new ParameterEstimate[k];
        for (int i = 0; i < k; i++) parameters[i] = new ParameterEstimate(f.ParameterNames[i], run.Estimate[i], double.NaN, double.NaN, double.NaN);
        return new MaximumLikelihoodEstimate(parameters, covariance, -(run.Value - penalty) * f.TotalWeight + f.Penalty(run.Estimate), f.TotalWeight, options.ConfidenceLevel,
            run.Report, [], options.Penalizer, []);
    }

    /// <summary>Two optima agree when their objectives and every parameter agree to 1e-6 relative (1e-6 absolute for an unconstrained parameter near 0).</summary>
    private static bool SameOptimum(Outcome a, Outcome b, int positive)
    {
        if (Math.Abs(a.Value - b.Value) > 1e-6 * Math.Max(1, Math.Abs(b.Value))) return false;
        for (int i = 0; i < a.Estimate.Length; i++)
        {
            double scale = i < positive ? Math.Abs(b.Estimate[i]) : Math.Max(1, Math.Abs(b.Estimate[i]));
            if (Math.Abs(a.Estimate[i] - b.Estimate[i]) > 1e-6 * scale) return false;
        }
        return true;
    }

    private sealed record Outcome(double[] Estimate, double Value, ConvergenceReport Report);

    /// <summary>One BFGS run from <paramref name="start"/>: the best point seen and the convergence report.</summary>
    private static Outcome Run(ILogLikelihoodFunction f, ReadOnlySpan<double> start, FitOptions options)
    {
        int k = f.ParameterNames.Count, positive = f.PositiveParameterCount;
        double n = f.TotalWeight;
        double lambda = options.Penalizer;

        var best = new Tracker(k);
        var natural = new double[k];
        var grad = new double[k];
        (double, Vector<double>) Objective(Vector<double> theta)
        {
            for (int i = 0; i < k; i++) natural[i] = i < positive ? Math.Exp(theta[i]) : theta[i];
            double ll = f.ValueAndGradient(natural, grad);
            double value = -ll / n;
            var g = Vector<double>.Build.Dense(k);
            for (int i = 0; i < positive; i++)
            {
                value += lambda * natural[i] * natural[i];
                g[i] = -grad[i] * natural[i] / n + 2.0 * lambda * natural[i] * natural[i];
            }
            for (int i = positive; i < k; i++) g[i] = -grad[i] / n;
            if (!double.IsFinite(value)) value = double.PositiveInfinity; // lets the line search back off
            best.Offer(theta, value, g);
            options.Progress?.Report(new FitProgress(best.Evaluations, value, g.InfinityNorm()));
            return (value, g);
        }

        var theta0 = Vector<double>.Build.Dense(k);
        for (int i = 0; i < k; i++) theta0[i] = i < positive ? Math.Log(start[i]) : start[i];
        var minimizer = new BfgsMinimizer(options.GradientTolerance, 1e-14, 1e-15, options.MaxIterations);
        string message;
        int iterations;
        try
        {
            var result = minimizer.FindMinimum(ObjectiveFunction.Gradient(Objective), theta0);
            iterations = result.Iterations;
            best.Offer(result.MinimizingPoint, result.FunctionInfoAtMinimum.Value, result.FunctionInfoAtMinimum.Gradient);
            message = $"optimiser stopped: {result.ReasonForExit}";
        }
        catch (MaximumIterationsException)
        {
            iterations = options.MaxIterations;
            message = $"reached the iteration limit ({options.MaxIterations})";
        }
        catch (OptimizationException e)
        {
            iterations = -1;
            message = $"optimiser failed: {e.Message}";
        }

        if (!best.HasPoint) throw new ConvergenceException(new ConvergenceReport(false, Math.Max(iterations, 0), best.Evaluations, double.NaN, message + "; no finite objective value was found"));
        double gradNorm = best.GradientInfinityNorm;
        // The gradient criterion decides; a stop on relative progress is accepted only near a stationary point.
        bool converged = gradNorm <= Math.Max(options.GradientTolerance, 1e-6) && double.IsFinite(best.Value);
        if (iterations < 0) iterations = best.Evaluations;
        var report = new ConvergenceReport(converged, iterations, best.Evaluations, gradNorm,
            converged ? $"converged (gradient norm {gradNorm:G3}); {message}" : $"not converged: {message}, gradient norm {gradNorm:G3}");
        var estimate = new double[k];
        for (int i = 0; i < k; i++) estimate[i] = i < positive ? Math.Exp(best.Point[i]) : best.Point[i];
        return new Outcome(estimate, best.Value, report);
    }

    private sealed class Tracker(int k)
    {
        public double[] Point { get; } = new double[k];
        public double Value { get; private set; } = double.PositiveInfinity;
        public double GradientInfinityNorm { get; private set; } = double.NaN;
        public int Evaluations { get; private set; }
        public bool HasPoint { get; private set; }

        public void Offer(Vector<double> theta, double value, Vector<double> gradient)
        {
            Evaluations++;
            if (!double.IsFinite(value) || (HasPoint && value > Value)) return;
            HasPoint = true;
            Value = value;
            for (int i = 0; i < Point.Length; i++) Point[i] = theta[i];
            GradientInfinityNorm = gradient.InfinityNorm();
        }
    }
}
