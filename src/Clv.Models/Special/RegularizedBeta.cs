namespace Clv.Models.Special;

/// <summary>
/// The regularized incomplete beta function <c>I_x(a, b)</c> (DLMF 8.17.2) with the complement <c>y = 1 − x</c> supplied
/// by the caller, so that arguments near 1 keep their relative accuracy (MathNet's <c>BetaRegularized</c> only takes x
/// and forms <c>1 − x</c> itself).
/// </summary>
internal static class RegularizedBeta
{
    private const double Tiny = 1e-300;

    /// <summary>
    /// <c>I_x(a, b)</c> for <c>a, b &gt; 0</c>, <c>x ∈ [0, 1]</c>, <c>y = 1 − x</c> (both given accurately). Uses the continued
    /// fraction DLMF 8.17.22 evaluated by the modified Lentz algorithm when <c>x &lt; (a+1)/(a+b+2)</c>, otherwise the
    /// symmetry <c>I_x(a, b) = 1 − I_y(b, a)</c> (DLMF 8.17.4). The prefactor <c>x^a y^b / (a B(a,b))</c> is formed in log space
    /// with <see cref="LogGamma.LogBeta"/>. Relative accuracy ~1e-14 except where <c>I</c> is a small difference <c>1 − I_y(b,a)</c>.
    /// </summary>
    public static double Evaluate(double a, double b, double x, double y)
    {
        if (x <= 0) return 0;
        if (y <= 0) return 1;
        if (x * (a + b + 2) < a + 1) return Direct(a, b, x, y);
        return 1.0 - Direct(b, a, y, x);
    }

    /// <summary>
    /// The negative-binomial upper tail <c>P(N ≥ n) = 1 − Σ_{j&lt;n} (r)ⱼ/j! zʲ y^r = I_z(n, r)</c> (DLMF 8.17.5) for integer
    /// <c>n ≥ 1</c>, <c>r &gt; 0</c>, <c>y = 1 − z</c>. Where the continued fraction is not used directly and n ≤ 64, the complement
    /// is formed as <c>(1 − y^r) − Σ_{1≤j&lt;n} NB(j)</c> with <c>1 − y^r = −expm1(r ln y)</c>, which removes the cancellation against
    /// the mass at zero that dominates for small r.
    /// </summary>
    public static double NegativeBinomialUpperTail(int n, double r, double z, double y)
    {
        if (z <= 0) return 0;
        if (y <= 0) return 1;
        if (z * (n + r + 2) < n + 1 || n > 64) return Evaluate(n, r, z, y);
        double lnY = Math.Log(y);
        double tail = -Elementary.Expm1(r * lnY);
        double term = Math.Exp(r * lnY) * r * z;   // NB(1)
        for (int j = 1; j < n; j++)
        {
            tail -= term;
            term *= z * (r + j) / (j + 1);
        }
        return Math.Max(tail, 0);
    }

    /// <summary>The continued-fraction evaluation <c>x^a y^b / (a B(a,b)) · 1/(1+d₁/(1+d₂/(1+…)))</c>, DLMF 8.17.22.</summary>
    private static double Direct(double a, double b, double x, double y)
    {
        double logFront = a * Math.Log(x) + b * Math.Log(y) - LogGamma.LogBeta(a, b) - Math.Log(a);
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1, d = 1 - qab * x / qap;
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 100000; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d; h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d; if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1 + aa / c; if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-16) break;
        }
        return Math.Exp(logFront) * h;
    }
}
