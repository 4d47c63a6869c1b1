using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Clv.Models.Estimation;

/// <summary>
/// Standard errors from the observed information: the Hessian of the (penalised) log-likelihood at the
/// estimate, by central differences of the analytic gradient in the natural parameters (step 1e-5·θ), then
/// inverted by Cholesky. Intervals are Wald intervals on the log scale, which keep positive parameters positive.
/// </summary>
internal static class ObservedInformation
{
    private const double RelativeStep = 1e-5;

    public static MaximumLikelihoodEstimate Summarize(ILogLikelihoodFunction f, double[] estimate, FitOptions options, ConvergenceReport report)
    {
        int k = estimate.Length;
        var gradient = new double[k];
        double ll = f.ValueAndGradient(estimate, gradient);
        var hessian = Hessian(f, estimate);
        double penaltyCurvature = 2.0 * options.Penalizer * f.TotalWeight;
        for (int i = 0; i < k; i++)
        {
            hessian[i, i] -= penaltyCurvature;
        }

        var warnings = new List<string>();
        var covariance = new double[k, k];
        var information = Matrix<double>.Build.DenseOfArray(hessian).Negate();
        try
        {
            var inverse = information.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(k));
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) covariance[i, j] = inverse[i, j];
        }
        catch (ArgumentException)
        {
            warnings.Add("the observed information is not positive definite: the estimate may not be a maximum, or a parameter is not identified; standard errors are not available");
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) covariance[i, j] = double.NaN;
        }

        double z = Normal.InvCDF(0, 1, 0.5 + options.ConfidenceLevel / 2);
        var parameters = new ParameterEstimate[k];
        for (int i = 0; i < k; i++)
        {
            double se = Math.Sqrt(covariance[i, i]);
            double spread = z * se / estimate[i];
            parameters[i] = new ParameterEstimate(f.ParameterNames[i], estimate[i], se, estimate[i] * Math.Exp(-spread), estimate[i] * Math.Exp(spread));
        }
        return new MaximumLikelihoodEstimate(parameters, covariance, ll, f.TotalWeight, options.ConfidenceLevel, report, warnings, options.Penalizer);
    }

    /// <summary>Symmetrised central-difference Hessian of ℓ from its analytic gradient.</summary>
    internal static double[,] Hessian(ILogLikelihoodFunction f, double[] theta)
    {
        int k = theta.Length;
        var h = new double[k, k];
        var plus = new double[k];
        var minus = new double[k];
        var point = (double[])theta.Clone();
        for (int j = 0; j < k; j++)
        {
            double step = RelativeStep * theta[j];
            point[j] = theta[j] + step;
            f.ValueAndGradient(point, plus);
            point[j] = theta[j] - step;
            f.ValueAndGradient(point, minus);
            point[j] = theta[j];
            for (int i = 0; i < k; i++) h[i, j] = (plus[i] - minus[i]) / (2 * step);
        }
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
                h[i, j] = h[j, i] = 0.5 * (h[i, j] + h[j, i]);
        return h;
    }
}
