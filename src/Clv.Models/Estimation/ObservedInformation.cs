using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Clv.Models.Estimation;

/// <summary>
/// Standard errors from the observed information: the Hessian of the (penalised) log-likelihood at the
/// estimate, by central differences of the analytic gradient in the natural parameters (step 1e-5·θ), then
/// inverted by Cholesky. Intervals are Wald intervals on the log scale, which keep positive parameters positive; an unconstrained
/// parameter (a covariate coefficient, see <see cref="ILogLikelihoodFunction.PositiveParameterCount"/>) gets the plain Wald
/// interval θ ± z·se and a difference step of 1e-5·max(1, |θ|).
/// Also reports the information's eigenvalues and warns when it is not positive definite, nearly singular (condition
/// number above 1e12) or when a parameter ends outside [1e-6, 1e6] (an optimum on the edge of the parameter space).
/// </summary>
internal static class ObservedInformation
{
    private const double RelativeStep = 1e-5;

    /// <summary>Condition number of the information above which the estimate is reported as barely identified.</summary>
    internal const double MaxConditionNumber = 1e12;

    /// <summary>Positive parameters outside [BoundaryLow, BoundaryHigh] are reported as on the edge of the parameter space.</summary>
    internal const double BoundaryLow = 1e-6, BoundaryHigh = 1e6;

    public static MaximumLikelihoodEstimate Summarize(ILogLikelihoodFunction f, double[] estimate, FitOptions options, ConvergenceReport report)
    {
        int k = estimate.Length;
        var gradient = new double[k];
        int positive = f.PositiveParameterCount;
        double ll = f.ValueAndGradient(estimate, gradient) + f.Penalty(estimate);
        var hessian = Hessian(f, estimate);
        double penaltyCurvature = 2.0 * options.Penalizer * f.TotalWeight;
        for (int i = 0; i < positive; i++)
        {
            hessian[i, i] -= penaltyCurvature;
        }

        var warnings = new List<string>();
        var covariance = new double[k, k];
        var information = Matrix<double>.Build.DenseOfArray(hessian).Negate();
        double[] eigenvalues = Eigenvalues(information);
        if (eigenvalues.Length > 0 && eigenvalues[0] > 0 && eigenvalues[^1] / eigenvalues[0] > MaxConditionNumber)
            warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the observed information is nearly singular (condition number {eigenvalues[^1] / eigenvalues[0]:G3}): a parameter or a combination of parameters is barely identified by the data; standard errors are unreliable"));
        for (int i = 0; i < positive; i++)
        {
            if (estimate[i] < BoundaryLow || estimate[i] > BoundaryHigh)
                warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{f.ParameterNames[i]} = {estimate[i]:G4} is at the edge of the parameter space (outside [{BoundaryLow:G0}, {BoundaryHigh:G0}]): the likelihood may have no interior maximum in that direction"));
        }
        try
        {
            var inverse = information.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(k));
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) covariance[i, j] = inverse[i, j];
        }
        catch (ArgumentException)
        {
            warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the observed information is not positive definite (smallest eigenvalue {eigenvalues[0]:G3}): the estimate may not be a maximum, or a parameter is not identified; standard errors are not available"));
            for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) covariance[i, j] = double.NaN;
        }

        double z = Normal.InvCDF(0, 1, 0.5 + options.ConfidenceLevel / 2);
        var parameters = new ParameterEstimate[k];
        for (int i = 0; i < k; i++)
        {
            double se = Math.Sqrt(covariance[i, i]);
            if (i >= positive)
            {
                parameters[i] = new ParameterEstimate(f.ParameterNames[i], estimate[i], se, estimate[i] - z * se, estimate[i] + z * se);
                continue;
            }
            double spread = z * se / estimate[i];
            parameters[i] = new ParameterEstimate(f.ParameterNames[i], estimate[i], se, estimate[i] * Math.Exp(-spread), estimate[i] * Math.Exp(spread));
        }
        return new MaximumLikelihoodEstimate(parameters, covariance, ll, f.TotalWeight, options.ConfidenceLevel, report, warnings, options.Penalizer, eigenvalues);
    }

    /// <summary>Eigenvalues of a symmetric matrix, ascending (MathNet's symmetric eigenvalue decomposition).</summary>
    internal static double[] Eigenvalues(Matrix<double> symmetric)
    {
        if (!symmetric.Enumerate().All(double.IsFinite)) return [.. Enumerable.Repeat(double.NaN, symmetric.RowCount)];
        var values = symmetric.Evd(Symmetricity.Symmetric).EigenValues.Select(v => v.Real).ToArray();
        Array.Sort(values);
        return values;
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
            double step = j < f.PositiveParameterCount ? RelativeStep * theta[j] : RelativeStep * Math.Max(1, Math.Abs(theta[j]));
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
