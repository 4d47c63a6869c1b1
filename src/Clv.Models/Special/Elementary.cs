namespace Clv.Models.Special;

/// <summary>
/// Accurate elementary functions missing from <see cref="Math"/>: <c>log(1+x)</c> and <c>exp(x)-1</c> to a few ulps
/// for all arguments (the BCL's <c>double.LogP1</c>/<c>double.ExpM1</c> are evaluated as <c>Log(1+x)</c>/<c>Exp(x)-1</c>
/// and lose all relative accuracy for small <c>|x|</c>).
/// </summary>
internal static class Elementary
{
    /// <summary>ln(2π)/2.</summary>
    public const double LnSqrt2Pi = 0.918938533204672741780329736406;

    /// <summary>
    /// <c>log(1+x)</c> for <c>x &gt; -1</c>, accurate to a few ulps. Uses the correction trick of
    /// Goldberg (1991), "What every computer scientist should know about floating-point arithmetic",
    /// ACM Computing Surveys 23(1), Theorem 4: <c>log(u)·x/(u-1)</c> with <c>u = 1 ⊕ x</c>.
    /// </summary>
    public static double Log1p(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        if (double.IsPositiveInfinity(u)) return u;
        return Math.Log(u) * (x / (u - 1.0));
    }

    /// <summary>
    /// <c>exp(x)-1</c>, accurate to a few ulps. Uses Kahan's correction <c>(u-1)·x/log(u)</c> with <c>u = e^x</c>
    /// (W. Kahan, as quoted by N. J. Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., SIAM 2002, §1.14.1).
    /// </summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) > 0.5) return Math.Exp(x) - 1.0;
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        return um1 * (x / Math.Log(u));
    }

    /// <summary>
    /// <c>1/(1+e^d)</c> (the logistic sigmoid of <c>-d</c>) without overflow and with full relative accuracy in both tails.
    /// </summary>
    public static double InverseOnePlusExp(double d)
        => d > 0 ? Math.Exp(-d) / (1.0 + Math.Exp(-d)) : 1.0 / (1.0 + Math.Exp(d));
}
