using Clv.Models.Special;
using MathNet.Numerics;
using Xunit;

namespace Clv.Models.Tests.Special;

public class ElementaryAndBetaTests
{
    [Theory]
    [InlineData(1e-20)]
    [InlineData(-1e-10)]
    [InlineData(1e-5)]
    [InlineData(0.3)]
    [InlineData(-0.7)]
    [InlineData(1e5)]
    public void Log1pAndExpm1AreInverse(double x)
    {
        Assert.Equal(1.0, Elementary.Expm1(Elementary.Log1p(x)) / x, 14);
        if (Math.Abs(x) < 1) Assert.Equal(1.0, Elementary.Log1p(Elementary.Expm1(x)) / x, 14);
    }

    [Fact]
    public void Log1pSmallArgumentKeepsRelativeAccuracy()
        => Assert.Equal(1.0, Elementary.Log1p(1e-12) / (1e-12 - 0.5e-24), 15);

    [Theory]
    [InlineData(0.3, 0.7)]
    [InlineData(2.5, 7)]
    [InlineData(12, 3)]
    [InlineData(0.01, 1000)]
    [InlineData(1000, 2000)]
    public void LogBetaAgreesWithGammaLn(double a, double b)
    {
        double naive = SpecialFunctions.GammaLn(a) + SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b);
        Assert.True(Math.Abs(LogGamma.LogBeta(a, b) - naive) <= 1e-12 * Math.Max(1, Math.Abs(naive)));
    }

    [Theory]
    [InlineData(0.01, 0.5)]
    [InlineData(0.3, 0.999)]
    [InlineData(5, 0.2)]
    [InlineData(1000, 0.9995)]
    public void RegularizedBetaClosedForms(double r, double z)
    {
        double y = 1 - z;
        // I_z(1, r) = 1 - (1-z)^r and I_z(r, 1) = z^r (DLMF 8.17.2)
        Assert.Equal(1.0, RegularizedBeta.Evaluate(1, r, z, y) / -Elementary.Expm1(r * Elementary.Log1p(-z)), 12);
        Assert.Equal(1.0, RegularizedBeta.Evaluate(r, 1, z, y) / Math.Pow(z, r), 12);
        Assert.Equal(1.0, RegularizedBeta.NegativeBinomialUpperTail(1, r, z, y) / -Elementary.Expm1(r * Elementary.Log1p(-z)), 12);
    }

    [Theory]
    [InlineData(2, 0.01, 0.95)]
    [InlineData(7, 3.5, 0.6)]
    [InlineData(40, 100, 0.3)]
    public void NegativeBinomialUpperTailAgreesWithContinuedFraction(int n, double r, double z)
        => Assert.Equal(1.0, RegularizedBeta.NegativeBinomialUpperTail(n, r, z, 1 - z) / RegularizedBeta.Evaluate(n, r, z, 1 - z), 11);
}
