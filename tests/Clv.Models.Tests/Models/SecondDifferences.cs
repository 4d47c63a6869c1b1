namespace Clv.Models.Tests.Models;

/// <summary>
/// Standard errors from a Hessian of second differences of log-likelihood values only (no gradient): the independent check of the
/// observed-information standard errors the fits report.
/// </summary>
internal static class SecondDifferences
{
    /// <summary>sqrt of the diagonal of (−H)⁻¹, H[i, j] by the four-point second difference with steps 1e-4·θ.</summary>
    public static double[] StandardErrors(Func<double[], double> logLikelihood, double[] theta)
    {
        int k = theta.Length;
        var h = new double[k, k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
            {
                double hi = 1e-4 * theta[i], hj = 1e-4 * theta[j];
                double F(int si, int sj) { var p = (double[])theta.Clone(); p[i] += si * hi; p[j] += sj * hj; return logLikelihood(p); }
                h[i, j] = (F(1, 1) - F(1, -1) - F(-1, 1) + F(-1, -1)) / (4 * hi * hj);
            }
        var cov = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(h).Negate().Inverse();
        return [.. Enumerable.Range(0, k).Select(i => Math.Sqrt(cov[i, i]))];
    }

    /// <summary>Σ values with Neumaier compensation (keeps the rounding noise of a large sum out of second differences).</summary>
    public static double CompensatedSum(int count, Func<int, double> value)
    {
        double s = 0, c = 0;
        for (int i = 0; i < count; i++)
        {
            double v = value(i), u = s + v;
            c += Math.Abs(s) >= Math.Abs(v) ? (s - u) + v : (v - u) + s;
            s = u;
        }
        return s + c;
    }
}
