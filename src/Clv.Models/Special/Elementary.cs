namespace Clv.Models.Special;

/// <summary>
/// Elementary functions with full relative accuracy where the naive formula loses it
/// (the BCL's <c>double.LogP1</c> is computed as <c>Log(1 + x)</c> and is inaccurate for small x).
/// </summary>
public static class Elementary
{
    /// <summary>
    /// ln(1 + x) for x &gt; −1, accurate to a few ulp for every x, including |x| far below machine epsilon.
    /// Uses the correction ln(u)·x/(u − 1) with u = fl(1 + x), which cancels the rounding error of 1 + x
    /// (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic", Theorem 4).
    /// </summary>
    public static double Log1p(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        double d = u - 1.0;
        return d == x ? Math.Log(u) : Math.Log(u) * (x / d);
    }

    /// <summary>softplus(d) = ln(1 + e^d), without overflow for large d and without cancellation: max(d, 0) + ln(1 + e^−|d|).</summary>
    public static double Softplus(double d) => Math.Max(d, 0.0) + Log1p(Math.Exp(-Math.Abs(d)));

    /// <summary>The logistic function 1/(1 + e^−d), computed without overflow.</summary>
    public static double Sigmoid(double d)
    {
        double u = Math.Exp(-Math.Abs(d));
        return d >= 0 ? 1.0 / (1.0 + u) : u / (1.0 + u);
    }
}
