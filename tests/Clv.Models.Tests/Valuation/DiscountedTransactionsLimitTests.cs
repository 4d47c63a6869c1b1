using Clv.Models.BgNbd;
using Clv.Models.ParetoNbd;
using Clv.Models.Valuation;
using Xunit;

namespace Clv.Models.Tests.Valuation;

/// <summary>The δ → 0 limits, the s → 1 limit, the P(alive) product and argument validation.</summary>
public class DiscountedTransactionsLimitTests
{
    private static readonly BgNbdParameters Cdnow = new(0.2426, 4.4135, 0.7929, 2.4258);

    [Theory]
    [InlineData(0.5533, 10.5776, 0.6061, 11.665, 2, 38.86, 52)]
    [InlineData(1.2, 3.0, 2.5, 8.0, 0, 10, 1000)]
    [InlineData(0.05, 100, 30, 0.2, 40, 500, 0.3)]
    public void ParetoNbdZeroRateIsExpectedTransactionsGivenAlive(double r, double alpha, double s, double beta, double x, double T, double H)
    {
        var p = new ParetoNbdParameters(r, alpha, s, beta);
        // E[Y(H) | alive] = (r+x)(β+T)/((α+T)(s−1)) [1 − ((β+T)/(β+T+H))^(s−1)], written out directly.
        double expected = (r + x) * (beta + T) / ((alpha + T) * (s - 1)) * (1 - Math.Pow((beta + T) / (beta + T + H), s - 1));
        double actual = ParetoNbdDiscountedTransactions.GivenAlive(p, x, T, 0, H);
        Assert.True(Math.Abs(actual - expected) <= 1e-12 * expected, $"{actual:R} vs {expected:R}");
        // and a tiny positive rate is continuous with it
        double tiny = ParetoNbdDiscountedTransactions.GivenAlive(p, x, T, 1e-13, H);
        Assert.True(tiny <= actual && actual - tiny <= 1e-10 * actual);
    }

    [Fact]
    public void ParetoNbdUnitShapeUsesLogForm()
    {
        var p = new ParetoNbdParameters(0.5, 10, 1, 12);
        double expected = (0.5 + 3) * (12 + 40) / (10 + 40) * Math.Log(1 + 52.0 / (12 + 40));
        Assert.Equal(1.0, ParetoNbdDiscountedTransactions.GivenAlive(p, 3, 40, 0, 52) / expected, 13);
        // s = 1 ± 1e-9 are continuous with s = 1
        foreach (double s in new[] { 1 - 1e-9, 1 + 1e-9 })
        {
            double v = ParetoNbdDiscountedTransactions.GivenAlive(p with { S = s }, 3, 40, 0, 52);
            Assert.True(Math.Abs(v / expected - 1) < 1e-8);
        }
    }

    [Fact]
    public void ParetoNbdInfiniteHorizonWithoutDiscount()
    {
        Assert.Equal(double.PositiveInfinity, ParetoNbdDiscountedTransactions.GivenAlive(new ParetoNbdParameters(1, 2, 0.9, 3), 1, 5, 0, double.PositiveInfinity));
        Assert.Equal(double.PositiveInfinity, ParetoNbdDiscountedTransactions.GivenAlive(new ParetoNbdParameters(1, 2, 1, 3), 1, 5, 0, double.PositiveInfinity));
        double v = ParetoNbdDiscountedTransactions.GivenAlive(new ParetoNbdParameters(1, 2, 3, 4), 1, 5, 0, double.PositiveInfinity);
        Assert.Equal(1.0, v / ((1.0 + 1) * (4 + 5) / ((2 + 5) * (3 - 1.0))), 14);
    }

    public static TheoryData<double, double, double, double> BgCases => new()
    {
        { 2, 30.43, 38.86, 39 },
        { 0, 0, 20, 5 },
        { 10, 50, 60, 200 },
        { 1, 0.5, 80, 0.01 },
    };

    [Theory]
    [MemberData(nameof(BgCases))]
    public void BgNbdZeroRateIsExpectedPurchasesOverPAlive(double x, double tx, double T, double H)
    {
        foreach (var p in new[] { Cdnow, Cdnow with { A = 1 }, new BgNbdParameters(3, 0.5, 40, 0.05) })
        {
            double expected = BgNbdPredictions.ExpectedPurchases(p, H, x, tx, T) / BgNbdPredictions.ProbabilityAlive(p, x, tx, T);
            double actual = BgNbdDiscountedTransactions.GivenAlive(p, x, T, 0, H);
            Assert.True(Math.Abs(actual - expected) <= 1e-11 * expected, $"{p}: {actual:R} vs {expected:R}");
            double det = BgNbdDiscountedTransactions.DiscountedExpectedTransactions(p, x, tx, T, 0, H);
            Assert.True(Math.Abs(det - BgNbdPredictions.ExpectedPurchases(p, H, x, tx, T)) <= 1e-11 * det);
        }
    }

    [Fact]
    public void BgNbdInfiniteHorizonWithoutDiscountIsMeanOfOneOverP()
    {
        Assert.Equal(double.PositiveInfinity, BgNbdDiscountedTransactions.GivenAlive(Cdnow, 2, 38.86, 0, double.PositiveInfinity));
        var p = Cdnow with { A = 3.5 };
        double expected = (3.5 + 2.4258 + 2 - 1) / (3.5 - 1); // E[1/p], p ~ Beta(a, b+x)
        Assert.Equal(1.0, BgNbdDiscountedTransactions.GivenAlive(p, 2, 38.86, 0, double.PositiveInfinity) / expected, 14);
        // the discounted value approaches it from below as δ → 0
        double small = BgNbdDiscountedTransactions.GivenAlive(p, 2, 38.86, 1e-9, double.PositiveInfinity);
        Assert.True(small < expected && expected - small < 1e-5 * expected, $"{small:R} vs {expected:R}");
    }

    [Fact]
    public void SpanOverloadMatchesScalar()
    {
        double[] x = [0, 2, 7], tx = [0, 30.43, 35], T = [38.86, 38.86, 38.86];
        var result = new double[3];
        double delta = Math.Log(1.15) / 52;
        BgNbdDiscountedTransactions.DiscountedExpectedTransactions(Cdnow, x, tx, T, delta, double.PositiveInfinity, result);
        for (int i = 0; i < 3; i++)
        {
            double expected = BgNbdPredictions.ProbabilityAlive(Cdnow, x[i], tx[i], T[i]) * BgNbdDiscountedTransactions.GivenAlive(Cdnow, x[i], T[i], delta, double.PositiveInfinity);
            Assert.Equal(expected, result[i]);
        }
        Assert.Throws<ArgumentException>(() => BgNbdDiscountedTransactions.DiscountedExpectedTransactions(Cdnow, x, tx, T, delta, 52, new double[2]));
    }

    [Theory]
    [InlineData(-1e-3, 52)]
    [InlineData(double.NaN, 52)]
    [InlineData(double.PositiveInfinity, 52)]
    [InlineData(0.01, 0)]
    [InlineData(0.01, -5)]
    [InlineData(0.01, double.NaN)]
    public void RejectsBadRateOrHorizon(double delta, double H)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BgNbdDiscountedTransactions.GivenAlive(Cdnow, 1, 10, delta, H));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParetoNbdDiscountedTransactions.GivenAlive(new ParetoNbdParameters(1, 1, 1, 1), 1, 10, delta, H));
    }

    [Fact]
    public void RejectsBadCustomerOrParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BgNbdDiscountedTransactions.GivenAlive(Cdnow, -1, 10, 0.01, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => BgNbdDiscountedTransactions.DiscountedExpectedTransactions(Cdnow, 1, 11, 10, 0.01, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParetoNbdDiscountedTransactions.GivenAlive(new ParetoNbdParameters(1, 0, 1, 1), 1, 10, 0.01, 5));
    }
}
