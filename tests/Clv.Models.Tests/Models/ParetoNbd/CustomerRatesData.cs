using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Tests.Models.ParetoNbd;

/// <summary>Customers with their own α_i, β_i for the per-customer likelihood's tests, and a call wrapper.</summary>
internal sealed record CustomerRatesData(double[] X, double[] Tx, double[] T, double[] W, double[] Alpha, double[] Beta)
{
    public int Count => X.Length;

    public CustomerSegments Layout() => CustomerSegments.Create(X, Tx, T, W);

    /// <summary>
    /// Customers with x mostly small, a few up to <paramref name="maxX"/>, t_x = 0, t_x = T and in between; α_i, β_i spread
    /// log-normally around (α, β) with some lanes at α_i = β_i exactly and some far apart (α_i ≫ β_i, β_i ≫ α_i), so both
    /// orientations of the integral and the quadrature region occur.
    /// </summary>
    public static CustomerRatesData Random(int n, int seed, double alpha = 10.578, double beta = 11.667, int maxX = 60, bool unitWeights = false)
    {
        var rng = new Random(seed);
        var x = new double[n]; var tx = new double[n]; var t = new double[n]; var w = new double[n];
        var a = new double[n]; var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = rng.NextDouble() < 0.05 ? 300 * rng.NextDouble() + 0.1 : 0.5 + 60 * rng.NextDouble();
            x[i] = rng.NextDouble() < 0.4 ? 0 : rng.NextDouble() < 0.9 ? rng.Next(1, 8) : rng.Next(8, maxX + 1);
            double u = rng.NextDouble();
            tx[i] = x[i] == 0 ? 0 : u < 0.1 ? t[i] : u < 0.15 ? 0 : t[i] * rng.NextDouble();
            w[i] = unitWeights ? 1 : 1 + rng.Next(4);
            double v = rng.NextDouble();
            a[i] = alpha * Math.Exp(0.8 * Normal(rng));
            b[i] = v < 0.1 ? a[i] : v < 0.13 ? a[i] * 1e-3 : v < 0.16 ? a[i] * 1e3 : beta * Math.Exp(0.8 * Normal(rng));
        }
        return new CustomerRatesData(x, tx, t, w, a, b);
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>The first <paramref name="n"/> customers.</summary>
    public CustomerRatesData Take(int n) => new(X[..n], Tx[..n], T[..n], W[..n], Alpha[..n], Beta[..n]);

    /// <summary>The same customers with every α_i = α, β_i = β.</summary>
    public CustomerRatesData WithSharedRates(double alpha, double beta) =>
        this with { Alpha = Enumerable.Repeat(alpha, Count).ToArray(), Beta = Enumerable.Repeat(beta, Count).ToArray() };

    /// <summary>One evaluation: the value, (∂/∂r, ∂/∂s) and the per-customer log-rate gradients.</summary>
    public (double Value, double[] Shared, double[] LogAlpha, double[] LogBeta) Evaluate(CustomerSegments layout, double r, double s,
        VectorWidth width = VectorWidth.Scalar, int threads = 1)
    {
        var shared = new double[2]; var ga = new double[Count]; var gb = new double[Count];
        double v = ParetoNbdCustomerLikelihood.ValueAndGradient(layout, r, s, Alpha, Beta, shared, ga, gb, threads, width);
        return (v, shared, ga, gb);
    }
}
