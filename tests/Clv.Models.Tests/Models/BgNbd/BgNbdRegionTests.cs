using System.Diagnostics;
using Clv.Models.BgNbd;
using Clv.Models.Special;
using MathNet.Numerics;
using Xunit;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Models.BgNbd;

/// <summary>
/// Accuracy of each evaluation region of E[Y(t) | x, t_x, T] and E[X(t)] (<see cref="Hyp2F1Difference"/>) on the 50-digit reference grid,
/// and a check of MathNet's <c>BetaRegularized</c> that motivated <see cref="RegularizedBeta"/>.
/// </summary>
public class BgNbdRegionTests(ITestOutputHelper output)
{
    private const double RelTol = 1e-10;

    private static double Rel(double actual, double expected)
        => Math.Abs(expected) < 1e-300 ? (Math.Abs(actual) < 1e-300 ? 0 : double.PositiveInfinity) : Math.Abs(actual - expected) / Math.Abs(expected);

    /// <summary>(R, a, B, u, reference D) for both columns: E[Y]/P(alive) (rows where P(alive) is normal) and E[X].</summary>
    private static IEnumerable<(int Line, double R, double A, double B, double U, double D)> Cases()
    {
        foreach (var row in BgNbdReferenceData.Rows)
        {
            var p = row.P;
            if (row.PAlive > 1e-290)
                yield return (row.Line, p.R + row.X, p.A, p.B + row.X, row.Horizon / (p.Alpha + row.T), row.ExpectedY / row.PAlive);
            yield return (row.Line, p.R, p.A, p.B, row.Horizon / p.Alpha, row.ExpectedXNew);
        }
    }

    [Fact]
    public void EachRegionMatchesReference()
    {
        int nSeries = 0, nQuad = 0;
        double worstSeries = 0, worstQuad = 0, worstQuadEverywhere = 0;
        foreach (var c in Cases())
        {
            bool series = Hyp2F1Difference.EstimatedSeriesTerms(c.R, c.U) <= Hyp2F1Difference.SeriesTermLimit;
            double q = Rel(Hyp2F1Difference.Quadrature(c.R, c.A, c.B, c.U), c.D);
            worstQuadEverywhere = Math.Max(worstQuadEverywhere, q);
            if (q > 1e-12) output.WriteLine($"quadrature line {c.Line} {c}: rel {q:E2} series-region {series}");
            if (series)
            {
                nSeries++;
                double s = Rel(Hyp2F1Difference.Series(c.R, c.A, c.B, c.U), c.D);
                worstSeries = Math.Max(worstSeries, s);
                Assert.True(s <= RelTol, $"series line {c.Line} {c}: rel {s:E2}");
            }
            else
            {
                nQuad++;
                worstQuad = Math.Max(worstQuad, q);
            }
        }
        output.WriteLine($"censored-count series region: {nSeries} cases, worst relative error {worstSeries:E2}");
        output.WriteLine($"quadrature region: {nQuad} cases, worst relative error {worstQuad:E2}");
        output.WriteLine($"quadrature used on every case: worst relative error {worstQuadEverywhere:E2}");
        Assert.True(nQuad > 50 && nSeries > 1000, "the grid should exercise both regions");
    }

    [Fact]
    public void MathNetBetaRegularizedAccuracy_Diagnostic()
    {
        // P(X(t)=n) with MathNet's BetaRegularized(n, r, z) in place of RegularizedBeta.Evaluate(n, r, z, 1-z): MathNet forms 1 - z
        // itself, which loses relative accuracy when z = t/(α+t) → 1. Reported, not asserted.
        double worst = 0; int line = 0;
        foreach (var row in BgNbdReferenceData.Rows)
        {
            if (row.N == 0) continue;
            var p = row.P;
            double z = row.Horizon / (p.Alpha + row.Horizon), y = p.Alpha / (p.Alpha + row.Horizon);
            double ours = RegularizedBeta.Evaluate(row.N, p.R, z, y), theirs = SpecialFunctions.BetaRegularized(row.N, p.R, z);
            double e = Rel(theirs, ours);
            if (e > worst) { worst = e; line = row.Line; }
        }
        output.WriteLine($"MathNet BetaRegularized vs RegularizedBeta on the grid's I_z(n, r): worst relative difference {worst:E2} (line {line})");
    }

    [Fact]
    public void Timing_Diagnostic()
    {
        // Informal timing of the scalar reference functions in the common region (CDNOW-like customers); not asserted.
        var p = new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258);
        var rng = new Random(1);
        int n = 100_000;
        var x = new double[n]; var tx = new double[n]; var T = new double[n]; var res = new double[n];
        for (int i = 0; i < n; i++) { T[i] = 27 + 12 * rng.NextDouble(); x[i] = rng.Next(0, 15); tx[i] = x[i] == 0 ? 0 : T[i] * rng.NextDouble(); }
        BgNbdPredictions.ExpectedPurchases(p, 39, x, tx, T, res);
        var sw = Stopwatch.StartNew();
        BgNbdPredictions.ExpectedPurchases(p, 39, x, tx, T, res);
        double ey = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        BgNbdPredictions.ProbabilityAlive(p, x, tx, T, res);
        double pa = sw.Elapsed.TotalMilliseconds;
        output.WriteLine($"{n} CDNOW-like customers, t = 39: E[Y] {ey:F1} ms, P(alive) {pa:F1} ms (scalar, single thread)");
    }
}
