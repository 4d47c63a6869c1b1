namespace Clv.Models.Special;

/// <summary>
/// Elementary functions with full relative accuracy where the naive formula loses it: the BCL's
/// <c>double.LogP1</c>/<c>double.ExpM1</c> are evaluated as <c>Log(1+x)</c>/<c>Exp(x)−1</c> and lose all relative
/// accuracy for small |x|; softplus and the logistic function are written so they never overflow.
/// </summary>
public static class Elementary
{
    /// <summary>ln(2π)/2.</summary>
    public const double LnSqrt2Pi = 0.918938533204672741780329736406;

    /// <summary>
    /// ln(1 + x) for x &gt; −1, accurate to a few ulp for every x, including |x| far below machine epsilon.
    /// Uses the correction ln(u)·x/(u − 1) with u = fl(1 + x), which cancels the rounding error of 1 + x
    /// (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic", ACM Computing
    /// Surveys 23(1), Theorem 4).
    /// </summary>
    public static double Log1p(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        if (double.IsPositiveInfinity(u)) return u;
        return Math.Log(u) * (x / (u - 1.0));
    }

    /// <summary>
    /// e^x − 1, accurate to a few ulp. Uses Kahan's correction (u − 1)·x/ln(u) with u = e^x (W. Kahan, as quoted
    /// by N. J. Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., SIAM 2002, §1.14.1).
    /// </summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) > 0.5) return Math.Exp(x) - 1.0;
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        return (u - 1.0) * (x / Math.Log(u));
    }

    /// <summary>softplus(d) = ln(1 + e^d), without overflow for large d and without cancellation: max(d, 0) + ln(1 + e^−|d|).</summary>
    public static double Softplus(double d) => Math.Max(d, 0.0) + Log1p(Math.Exp(-Math.Abs(d)));

    /// <summary>The logistic function 1/(1 + e^−d), without overflow and with full relative accuracy in both tails.</summary>
    public static double Sigmoid(double d)
    {
        double u = Math.Exp(-Math.Abs(d));
        return d >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u);
    }
}
