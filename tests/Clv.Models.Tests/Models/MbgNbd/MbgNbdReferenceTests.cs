using Clv.Models.BgNbd;
using Clv.Models.Kernels;
using Clv.Models.MbgNbd;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Models.MbgNbd;

/// <summary>
/// Every MBG/NBD formula against 50-digit mpmath values on the extreme grid of mbgnbd_reference.py (parameters 0.01–1000 with
/// a = 1 and 1 ± 1e-9, x up to 1000, t_x = 0 and t_x = T, T from 0.01 to 2000): finite everywhere, 1e-10 relative.
/// </summary>
public class MbgNbdReferenceTests(ITestOutputHelper output)
{
    private const double RelTol = 1e-10;

    /// <summary>Reference values below this are compared absolutely (the bottom of the double range).</summary>
    private const double AbsFloor = 1e-300;

    /// <summary>Checks every row; <paramref name="scale"/> gives the magnitude errors are relative to (default |expected|).</summary>
    private void AssertAgainstReference(string name, Func<MbgNbdReferenceRow, double> expected, Func<MbgNbdReferenceRow, double> actual,
        Func<MbgNbdReferenceRow, double>? scale = null)
    {
        var rows = MbgNbdReferenceData.Rows;
        Assert.True(rows.Count >= 2000, "reference grid not loaded");
        double worst = 0;
        int worstLine = 0;
        var failures = new List<string>();
        foreach (var row in rows)
        {
            double e = expected(row), a = actual(row), s = scale?.Invoke(row) ?? Math.Abs(e);
            double err;
            if (!double.IsFinite(a)) err = double.PositiveInfinity;
            else if (s < AbsFloor) err = Math.Abs(a) < AbsFloor ? 0 : double.PositiveInfinity;
            else err = Math.Abs(a - e) / s;
            if (err > worst) { worst = err; worstLine = row.Line; }
            if (!(err <= RelTol)) failures.Add($"line {row.Line}: {row.P} x={row.X} tx={row.Tx} T={row.T} t={row.Horizon} n={row.N}: expected {e:R} got {a:R} (rel {err:E2})");
        }
        output.WriteLine($"{name}: {rows.Count} rows, worst relative error {worst:E2} at line {worstLine}");
        foreach (var f in failures.Take(20)) output.WriteLine(f);
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} rows exceed {RelTol:E0}; first: {failures.FirstOrDefault()}");
    }

    [Fact]
    public void Log_likelihood_matches_the_reference()
        => AssertAgainstReference("ln L (scalar)", r => r.LogLikelihood, r => MbgNbdLikelihood.LogLikelihood(r.P, r.X, r.Tx, r.T),
            r => Math.Max(1, Math.Abs(r.LogLikelihood)));

    /// <summary>The fit's path (shared BG/NBD row sums with one initial flip, vector kernel) on each row alone: value and gradient.</summary>
    private static (double Value, double[] Gradient) KernelPath(MbgNbdReferenceRow r, VectorWidth width)
    {
        var data = FrequencySegments.Create([r.X], [r.Tx], [r.T], []);
        var g = new double[4];
        double v = MbgNbdLikelihood.ValueAndGradient(data, r.P, g, new double[data.Pieces.Length * BgNbdLikelihood.SumCount], 1, width);
        return (v, g);
    }

    public static TheoryData<VectorWidth> Widths => [VectorWidth.Scalar, VectorWidth.Vector256, VectorWidth.Vector512];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Kernel_value_matches_the_reference(VectorWidth width)
        => AssertAgainstReference($"ln L ({width})", r => r.LogLikelihood, r => KernelPath(r, width).Value, r => Math.Max(1, Math.Abs(r.LogLikelihood)));

    [Theory]
    [MemberData(nameof(Widths))]
    public void Kernel_gradient_matches_the_reference(VectorWidth width)
    {
        // Relative to max(|∂ ln L/∂θ|, (|ln L| + x + 1)/θ), the size of the terms the partial derivative sums: a derivative that
        // nearly vanishes by cancellation cannot be computed to better than that in double precision.
        string[] names = ["r", "alpha", "a", "b"];
        for (int k = 0; k < 4; k++)
        {
            int j = k;
            AssertAgainstReference($"d ln L/d{names[j]} ({width})", r => r.Gradient[j], r => KernelPath(r, width).Gradient[j],
                r => Math.Max(Math.Abs(r.Gradient[j]), (Math.Abs(r.LogLikelihood) + r.X + 1) / r.P.ToArray()[j]));
        }
    }

    [Fact]
    public void Probability_alive_matches_the_reference()
        => AssertAgainstReference("P(alive)", r => r.PAlive, r => MbgNbdPredictions.ProbabilityAlive(r.P, r.X, r.Tx, r.T));

    [Fact]
    public void Expected_purchases_match_the_reference()
        => AssertAgainstReference("E[Y(t)|x,tx,T]", r => r.ExpectedY, r => MbgNbdPredictions.ExpectedPurchases(r.P, r.Horizon, r.X, r.Tx, r.T));

    [Fact]
    public void Expected_purchases_of_a_new_customer_match_the_reference()
        => AssertAgainstReference("E[X(t)]", r => r.ExpectedXNew, r => MbgNbdPredictions.ExpectedPurchasesNewCustomer(r.P, r.Horizon));

    [Fact]
    public void Probability_of_n_purchases_matches_the_reference()
        => AssertAgainstReference("P(X(t)=n)", r => r.PXn, r => MbgNbdPredictions.ProbabilityOfPurchases(r.P, r.N, r.Horizon));
}
