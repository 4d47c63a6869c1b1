using Clv.Models.Special;
using Xunit;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Special;

public class Hyp2F1DifferenceTests(ITestOutputHelper output)
{
    public static TheoryData<double, double, double, double> Overlap => new()
    {
        // (R, a, B, u) where both the censored-count series and the quadrature are usable
        { 2.2426, 0.7929, 4.4258, 0.9012444105514923 },
        { 0.01, 0.01, 0.01, 3.0 },
        { 1, 1, 1, 1 },
        { 30, 1, 7, 0.5 },
        { 100, 1000, 1000, 2 },
        { 5, 1 + 1e-9, 0.3, 10 },
        { 0.3, 7, 1000, 50 },
        { 1000, 0.5, 1000, 0.2 },
    };

    [Theory]
    [MemberData(nameof(Overlap))]
    public void SeriesAndQuadratureAgree(double r, double a, double b, double u)
    {
        double s = Hyp2F1Difference.Series(r, a, b, u), q = Hyp2F1Difference.Quadrature(r, a, b, u);
        output.WriteLine($"series {s:R} quadrature {q:R} rel {Math.Abs(s - q) / s:E2}");
        Assert.True(Math.Abs(s - q) <= 1e-11 * s, $"series {s:R} vs quadrature {q:R}");
    }

    [Fact]
    public void ContinuousThroughAEqualsOne()
    {
        // The closed form has a removable singularity at a = 1; the representation has none.
        foreach (double u in new[] { 1e-6, 0.3, 5, 1e4 })
        {
            double at = Hyp2F1Difference.Evaluate(2, 1, 3, u);
            double lo = Hyp2F1Difference.Evaluate(2, 1 - 1e-9, 3, u), hi = Hyp2F1Difference.Evaluate(2, 1 + 1e-9, 3, u);
            Assert.True(Math.Abs(lo - at) < 1e-8 * at && Math.Abs(hi - at) < 1e-8 * at, $"u={u}: {lo} {at} {hi}");
        }
    }

    [Fact]
    public void SmallHorizonLimitIsRu()
    {
        // D(R, a, B, u) = R u - R(R+1)/2 · a/(a+B) · u² + O(u³)
        double r = 3, a = 2, b = 5, u = 1e-7;
        double expected = r * u - r * (r + 1) / 2 * a / (a + b) * u * u;
        Assert.Equal(1.0, Hyp2F1Difference.Evaluate(r, a, b, u) / expected, 13);
    }
}
