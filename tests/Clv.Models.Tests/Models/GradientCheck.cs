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
    /// <paramref name="value"/> (five-point stencil, step 1e-4·θ_k, truncation O(h⁴); a two-point stencil at small steps loses
    /// digits to cancellation where ln L is a sum of large terms), to 1e-5 of |∂_k| + 1e-3·|value|/θ_k.
    /// </summary>
    public static Property Check(double[] theta, Func<double[], double[], double> valueAndGradient, Func<double[], double> value)
    {
        var g = new double[theta.Length];
        double v = valueAndGradient(theta, g);
        for (int k = 0; k < theta.Length; k++)
        {
            double h = 1e-4 * theta[k];
            double At(double shift)
            {
                var t = (double[])theta.Clone();
                t[k] += shift;
                return value(t);
            }
            double fd = (-At(2 * h) + 8 * At(h) - 8 * At(-h) + At(-2 * h)) / (12 * h);
            double scale = Math.Abs(g[k]) + Math.Abs(v) / theta[k] * 1e-3;
            if (Math.Abs(fd - g[k]) > 1e-5 * scale) return false.Label($"param {k}: analytic {g[k]} vs fd {fd} at ({string.Join(", ", theta)})");
        }
        return true.ToProperty();
    }
}
