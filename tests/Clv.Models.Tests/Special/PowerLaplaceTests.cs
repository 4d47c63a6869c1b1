using Clv.Models.Special;
using Clv.Models.Tests.Valuation;
using Xunit;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Special;

/// <summary><see cref="PowerLaplace"/> and <see cref="GammaNearOne"/> against 50-digit mpmath values (dert_reference.csv, kind J).</summary>
public class PowerLaplaceTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-10;

    [Fact]
    public void MatchesReference()
    {
        var rows = DertReferenceData.OfKind("J").ToList();
        Assert.True(rows.Count > 300);
        double worstComplete = 0, worstTruncated = 0;
        string worstAt = "";
        foreach (var row in rows)
        {
            double s = row.P3, z = row.Delta, h = row.H;
            double actual = PowerLaplace.Truncated(s, z, h);
            double err = DertReferenceData.RelativeError(actual, row.Value);
            Assert.True(err <= Tolerance, $"line {row.Line}: J_h(s={s:R}, z={z:R}, h={h:R}) = {actual:R}, reference {row.Value:R}, rel. error {err:G3}");
            if (double.IsPositiveInfinity(h))
            {
                if (err > worstComplete) { worstComplete = err; worstAt = $"s={s:R} z={z:R}"; }
                if (z > 0)
                {
                    double scaled = PowerLaplace.ScaledU(s, z);
                    Assert.True(DertReferenceData.RelativeError(scaled, z * row.Value) <= Tolerance, $"line {row.Line}: z^s U(s,s,z)");
                }
            }
            else worstTruncated = Math.Max(worstTruncated, err);
        }
        output.WriteLine($"worst relative error: J {worstComplete:G3} ({worstAt}), truncated J {worstTruncated:G3}");
    }

    [Theory]
    [InlineData(0.7, 0.3)]
    [InlineData(1.0, 0.5)]
    [InlineData(5.0, 0.9)]
    [InlineData(19.0, 0.2)]
    public void BothMethodsAgreeNearTheSwitch(double s, double z)
    {
        // z < 1 and s < 20: the series and the (slower there but convergent) continued fraction must agree.
        double series = PowerLaplace.SeriesRecurrence(s, z), cf = PowerLaplace.ContinuedFraction(s, z);
        Assert.True(Math.Abs(series - cf) <= 1e-12 * cf, $"series {series:R}, continued fraction {cf:R}");
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(0.2)]
    [InlineData(5.0)]
    public void IsContinuousInSAtOne(double z)
    {
        // s = 1 is the E1 case (a = 0 in the series); the neighbours differ by O(1e-9) relative, not more.
        double at = PowerLaplace.Complete(1, z), below = PowerLaplace.Complete(1 - 1e-9, z), above = PowerLaplace.Complete(1 + 1e-9, z);
        Assert.True(Math.Abs(below - at) <= 1e-7 * at && Math.Abs(above - at) <= 1e-7 * at);
        Assert.True(below > at && at > above); // J decreases in s
    }

    [Fact]
    public void RecurrenceIdentityHolds()
    {
        // 1 - z J(s, z) = (s - 1)... i.e. J(s+1, z) = (1 - z J(s, z)) / s, across both methods and the switch at s = 20.
        foreach (double s in new[] { 0.3, 1.7, 19.5, 60.0 })
            foreach (double z in new[] { 1e-6, 0.4, 3.0, 400.0 })
            {
                double lhs = PowerLaplace.Complete(s + 1, z), rhs = (1 - z * PowerLaplace.Complete(s, z)) / s;
                Assert.True(Math.Abs(lhs - rhs) <= 1e-11 * lhs + 1e-15 * z * PowerLaplace.Complete(s, z) / s, $"s={s} z={z}: {lhs:R} vs {rhs:R}");
            }
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(-0.5)]
    [InlineData(0.99)]
    [InlineData(-0.3)]
    public void Gam1MatchesGammaFunction(double a)
    {
        // Away from 0 the naive (Γ(1+a) − 1)/a is accurate in absolute terms.
        double expected = (MathNet.Numerics.SpecialFunctions.Gamma(1 + a) - 1) / a;
        Assert.True(Math.Abs(GammaNearOne.Gam1(a) - expected) <= 1e-14, $"{GammaNearOne.Gam1(a):R} vs {expected:R}");
    }

    [Theory]
    [InlineData(1e-8)]
    [InlineData(-1e-8)]
    [InlineData(0.0)]
    public void Gam1NearZeroFollowsTaylorSeries(double a)
    {
        // Γ(1+a) = 1 − γa + (γ²/2 + π²/12)a² + O(a³) (DLMF 5.7.3), so Γ₁(a) = −γ + (γ²/2 + π²/12)a + O(a²).
        double g = GammaNearOne.EulerGamma;
        double expected = -g + (g * g / 2 + Math.PI * Math.PI / 12) * a;
        Assert.True(Math.Abs(GammaNearOne.Gam1(a) - expected) <= 1e-15, $"{GammaNearOne.Gam1(a):R} vs {expected:R}");
    }

    [Fact]
    public void ZeroRateClosedForms()
    {
        Assert.Equal(double.PositiveInfinity, PowerLaplace.Complete(1, 0));
        Assert.Equal(0.5, PowerLaplace.Complete(3, 0), 15);
        Assert.Equal(Math.Log(3), PowerLaplace.Truncated(1, 0, 2), 15);
        Assert.Equal(0.0, PowerLaplace.ScaledU(2, 0));
    }
}
