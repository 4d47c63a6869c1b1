using FsCheck;
using FsCheck.Fluent;

namespace Clv.Models.Tests.Models;

/// <summary>The transaction models' property test of the analytic gradient against central finite differences.</summary>
internal static class GradientCheck
{
    /// <summary>
    /// Four parameters θ_k = 10^(u_k/100), u_k uniform in [−200, <paramref name="upperLogs"/>[k]], and a seed for the customers.
    /// </summary>
    public static Arbitrary<(double[] Theta, int Seed)> Points(params int[] upperLogs) =>
        (from l0 in Gen.Choose(-200, upperLogs[0])
         from l1 in Gen.Choose(-200, upperLogs[1])
         from l2 in Gen.Choose(-200, upperLogs[2])
         from l3 in Gen.Choose(-200, upperLogs[3])
         from seed in Gen.Choose(0, 10_000)
         select (new[] { l0, l1, l2, l3 }.Select(l => Math.Pow(10, l / 100.0)).ToArray(), seed)).ToArbitrary();

    /// <summary>
    /// Each analytic partial derivative (<paramref name="valueAndGradient"/> at θ) against the central difference of
    /// <paramref name="value"/> with step 1e-6·θ_k, to 1e-5 of |∂_k| + 1e-3·|value|/θ_k.
    /// </summary>
    public static Property Check(double[] theta, Func<double[], double[], double> valueAndGradient, Func<double[], double> value)
    {
        var g = new double[theta.Length];
        double v = valueAndGradient(theta, g);
        for (int k = 0; k < theta.Length; k++)
        {
            double h = 1e-6 * theta[k];
            var up = (double[])theta.Clone(); up[k] += h;
            var dn = (double[])theta.Clone(); dn[k] -= h;
            double fd = (value(up) - value(dn)) / (2 * h);
            double scale = Math.Abs(g[k]) + Math.Abs(v) / theta[k] * 1e-3;
            if (Math.Abs(fd - g[k]) > 1e-5 * scale) return false.Label($"param {k}: analytic {g[k]} vs fd {fd} at ({string.Join(", ", theta)})");
        }
        return true.ToProperty();
    }
}
