using Clv.Models.BgNbd;
using Clv.Models.Kernels;

namespace Clv.Models.Tests.Models.BgNbd;

/// <summary>Customers with their own α_i, a_i, b_i for the per-customer BG/NBD likelihood's tests, and call wrappers.</summary>
internal sealed record BgNbdCustomerData(double[] X, double[] Tx, double[] T, double[] W, double[] Alpha, double[] A, double[] B)
{
    public int Count => X.Length;

    /// <summary>
    /// x mostly small with some up to <paramref name="maxX"/> (beyond the kernel's 16-step logarithm period), t_x = 0, t_x = T and in
    /// between; α_i, a_i, b_i spread log-normally (a factor e^±0.8) around the given base parameters.
    /// </summary>
    public static BgNbdCustomerData Random(int n, int seed, double alpha = 4.4135, double a = 0.7929, double b = 2.4258, int maxX = 60)
    {
        var rng = new Random(seed);
        var x = new double[n]; var tx = new double[n]; var t = new double[n]; var w = new double[n];
        var al = new double[n]; var aa = new double[n]; var bb = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 0.5 + 60 * rng.NextDouble();
            x[i] = rng.NextDouble() < 0.4 ? 0 : rng.NextDouble() < 0.9 ? rng.Next(1, 8) : rng.Next(8, maxX + 1);
            double u = rng.NextDouble();
            tx[i] = x[i] == 0 ? 0 : u < 0.1 ? t[i] : u < 0.15 ? 0 : t[i] * rng.NextDouble();
            w[i] = 1 + rng.Next(4);
            al[i] = alpha * Math.Exp(0.8 * (2 * rng.NextDouble() - 1));
            double life = Math.Exp(0.8 * (2 * rng.NextDouble() - 1));
            aa[i] = a * life * Math.Exp(0.3 * (2 * rng.NextDouble() - 1));
            bb[i] = b * life;
        }
        return new BgNbdCustomerData(x, tx, t, w, al, aa, bb);
    }

    public BgNbdCustomerData Take(int n) => new(X[..n], Tx[..n], T[..n], W[..n], Alpha[..n], A[..n], B[..n]);

    public BgNbdCustomerLikelihood.Layout Layout() => new(X, Tx, T, W);

    /// <summary>The kernel at <paramref name="width"/>: value, ∂/∂r and the per-customer log-parameter derivatives.</summary>
    public (double Value, double R, double[] LogAlpha, double[] LogA, double[] LogB) Evaluate(BgNbdCustomerLikelihood.Layout layout, double r, VectorWidth width, int threads = 1)
    {
        var ga = new double[Count]; var gA = new double[Count]; var gB = new double[Count];
        double v = BgNbdCustomerLikelihood.ValueAndGradient(layout, r, Alpha, A, B, out double gr, ga, gA, gB, threads, width);
        return (v, gr, ga, gA, gB);
    }

    /// <summary>The readable per-row reference.</summary>
    public (double Value, double R, double[] LogAlpha, double[] LogA, double[] LogB) Reference(double r)
    {
        var ga = new double[Count]; var gA = new double[Count]; var gB = new double[Count];
        double v = BgNbdCustomerLikelihood.ReferenceValueAndGradient(X, Tx, T, W, r, Alpha, A, B, out double gr, ga, gA, gB);
        return (v, gr, ga, gA, gB);
    }
}
