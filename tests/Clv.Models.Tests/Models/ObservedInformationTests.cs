using Clv.Models.BgNbd;
using Clv.Models.Estimation;
using Clv.Models.Tests.Models.BgNbd;
using MathNet.Numerics.LinearAlgebra;

namespace Clv.Models.Tests.Models;

public class ObservedInformationTests
{
    /// <summary>ℓ(θ) = −½ Σ c_k (θ_k − m_k)²: its information is diag(c), whatever the point.</summary>
    private sealed class Quadratic(double[] curvature, double[] centre) : ILogLikelihoodFunction
    {
        public IReadOnlyList<string> ParameterNames { get; } = [.. curvature.Select((_, k) => $"p{k}")];
        public double TotalWeight => 100;

        public double ValueAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
        {
            double value = 0;
            for (int k = 0; k < theta.Length; k++)
            {
                double d = theta[k] - centre[k];
                value -= 0.5 * curvature[k] * d * d;
                gradient[k] = -curvature[k] * d;
            }
            return value;
        }
    }

    private static readonly ConvergenceReport Converged = new(true, 1, 1, 0, "converged");

    private static MaximumLikelihoodEstimate Summarize(double[] curvature, double[] at) =>
        ObservedInformation.Summarize(new Quadratic(curvature, at), at, new FitOptions(), Converged);

    [Fact]
    public void Eigenvalues_are_those_of_the_information_ascending_and_a_well_posed_fit_has_no_warning()
    {
        var e = Summarize([4, 0.5, 2], [1, 2, 3]);
        Assert.Equal(3, e.InformationEigenvalues.Count);
        Assert.Equal(0.5, e.InformationEigenvalues[0], 1e-6);
        Assert.Equal(2, e.InformationEigenvalues[1], 1e-6);
        Assert.Equal(4, e.InformationEigenvalues[2], 1e-6);
        Assert.Equal(8, e.ConditionNumber, 1e-5);
        Assert.Empty(e.Warnings);
    }

    [Fact]
    public void A_barely_identified_direction_a_saddle_and_an_edge_estimate_are_each_warned_about()
    {
        var flat = Summarize([1, 1e-14], [1, 1]);
        Assert.Contains(flat.Warnings, w => w.Contains("nearly singular", StringComparison.Ordinal));

        var saddle = Summarize([1, -1], [1, 1]);
        Assert.True(saddle.InformationEigenvalues[0] < 0);
        Assert.Equal(double.PositiveInfinity, saddle.ConditionNumber);
        Assert.Contains(saddle.Warnings, w => w.Contains("not positive definite (smallest eigenvalue -1", StringComparison.Ordinal));
        Assert.True(double.IsNaN(saddle.Parameters[0].StandardError));

        var edge = Summarize([1, 1], [1, 3e6]);
        Assert.Contains(edge.Warnings, w => w.StartsWith("p1 = 3E+06 is at the edge of the parameter space", StringComparison.Ordinal));
        Assert.DoesNotContain(edge.Warnings, w => w.StartsWith("p0", StringComparison.Ordinal));
    }

    [Fact]
    public void Cdnow_bg_nbd_information_eigenvalues_are_the_reciprocals_of_the_covariance_eigenvalues()
    {
        var fit = new BgNbdModel().Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        // Independent route: the covariance comes from a Cholesky inverse of the same information.
        var covariance = Matrix<double>.Build.DenseOfArray(fit.Estimate.CovarianceMatrix());
        var reciprocal = covariance.Evd(Symmetricity.Symmetric).EigenValues
            .Select(v => 1 / v.Real).Order().ToArray();
        for (int k = 0; k < 4; k++)
            Assert.Equal(reciprocal[k], fit.Estimate.InformationEigenvalues[k], Math.Abs(reciprocal[k]) * 1e-8);
        Assert.True(fit.Estimate.InformationEigenvalues[0] > 0);
        Assert.InRange(fit.Estimate.ConditionNumber, 1, ObservedInformation.MaxConditionNumber);
        Assert.Empty(fit.Estimate.Warnings);
        Assert.Contains("information eigenvalues", EstimateTable.Format("BG/NBD", fit.Estimate), StringComparison.Ordinal);
    }
}
