using Clv.Models.Special;

namespace Clv.Models.ParetoNbd;

internal static partial class ParetoNbdIntegral
{
    /// <summary>Relative agreement of two successive tanh-sinh levels (the finer level's error is far smaller).</summary>
    private const double QuadratureTolerance = 1e-12;

    /// <summary>
    /// The quadrature of the remarks of <see cref="ParetoNbdIntegral"/>: ∫₀^R e^g dρ and its four moments in one pass.
    /// Returns ln I and ∂ ln I/∂(p, m, q, n).
    /// </summary>
    internal static (double Log, double Dp, double Dm, double Dq, double Dn) Quadrature(double p, double m, double q, double n, double tx, double T)
    {
        double qtx = q + tx, ptx = p + tx;
        double range = Elementary.Log1p((T - tx) / qtx);
        var f = new Integrand(range, 1 - n, m, qtx / ptx);
        Span<double> r = stackalloc double[5];
        TanhSinhVector.Integrate(in f, r, QuadratureTolerance, TanhSinhVector.MaxLevel);
        double i0 = r[0] * range;
        double log = (1 - n) * Math.Log(qtx) - m * Math.Log(ptx) + Math.Log(i0);
        double meanRho = r[1] / r[0], meanLogRatio = r[2] / r[0], meanInvQ = r[3] / r[0], meanInvRatio = r[4] / r[0];
        double dn = -(Math.Log(qtx) + meanRho);
        double dm = -(Math.Log(ptx) + meanLogRatio);
        double dq = -n * meanInvQ / qtx;
        double dp = -m * meanInvRatio / ptx;
        return (log, dp, dm, dq, dn);
    }

    /// <summary>
    /// e^g(ρ) at ρ = R·v with g = (1−n)ρ − m·ln(1 + κ·expm1(ρ)), κ = (q+t_x)/(p+t_x), and its moments ρ, ln(1+κ expm1 ρ), e^(−ρ),
    /// 1/(1+κ expm1 ρ).
    /// </summary>
    private readonly struct Integrand(double range, double oneMinusN, double m, double kappa) : IUnitIntervalVectorIntegrand
    {
        public int Components => 5;

        public void Evaluate(double v, double oneMinusV, Span<double> values)
        {
            double rho = v <= 0.5 ? range * v : range - range * oneMinusV;
            // One exponential serves e^ρ − 1 (by Expm1 only where e^ρ − 1 would cancel) and e^(−ρ).
            double expRho = Math.Exp(rho);
            double expm1Rho = rho < 0.5 ? Elementary.Expm1(rho) : expRho - 1;
            double ratioMinusOne = kappa * expm1Rho;
            double logRatio = Elementary.Log1p(ratioMinusOne);
            double f = Math.Exp(oneMinusN * rho - m * logRatio);
            values[0] = f;
            values[1] = f * rho;
            values[2] = f * logRatio;
            values[3] = f / expRho;
            values[4] = f / (1 + ratioMinusOne);
        }
    }
}
