using Clv.Models.BgNbd;
using Clv.Models.ParetoNbd;
using Clv.Models.Valuation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace Clv.Models.Tests.Valuation;

/// <summary>Monotonicity in H and δ and the bound by the undiscounted expectation, on random parameters and customers.</summary>
public class DiscountedTransactionsPropertyTests
{
    /// <summary>Maps a byte to 10^(lo + (hi−lo)·b/255), a log-spaced value in [10^lo, 10^hi].</summary>
    private static double LogSpaced(byte b, double lo, double hi) => Math.Pow(10, lo + (hi - lo) * b / 255.0);

    private static void CheckMonotone(Func<double, double, double> det, double delta, double h)
    {
        const double slack = 1e-12;
        double d1 = det(delta, h), d2 = det(delta, 2 * h), dInf = det(delta, double.PositiveInfinity);
        double lessDiscount = det(delta / 2, h), undiscounted = det(0, h);
        Assert.True(d1 > 0 && double.IsFinite(d1), $"DET({delta}, {h}) = {d1}");
        Assert.True(d1 <= d2 * (1 + slack) && d2 <= dInf * (1 + slack), $"not increasing in H: {d1:R} {d2:R} {dInf:R}");
        Assert.True(d1 <= lessDiscount * (1 + slack), $"not decreasing in δ: {d1:R} > {lessDiscount:R}");
        Assert.True(lessDiscount <= undiscounted * (1 + slack), $"above the undiscounted E[Y(H)]: {lessDiscount:R} > {undiscounted:R}");
    }

    [Property(MaxTest = 60)]
    public void ParetoNbdIsMonotone(byte r, byte alpha, byte s, byte beta, byte x, byte T, byte delta, byte h)
    {
        var p = new ParetoNbdParameters(LogSpaced(r, -2, 3), LogSpaced(alpha, -2, 3), LogSpaced(s, -2, 3), LogSpaced(beta, -2, 3));
        double xx = x % 50, TT = LogSpaced(T, -2, 3.3);
        CheckMonotone((d, H) => ParetoNbdDiscountedTransactions.GivenAlive(p, xx, TT, d, H), LogSpaced(delta, -6, 0), LogSpaced(h, -2, 4));
    }

    [Property(MaxTest = 25)]
    public void BgNbdIsMonotone(byte r, byte alpha, byte a, byte b, byte x, byte T, byte delta, byte h)
    {
        var p = new BgNbdParameters(LogSpaced(r, -2, 3), LogSpaced(alpha, -2, 3), LogSpaced(a, -2, 3), LogSpaced(b, -2, 3));
        double xx = x % 50, TT = LogSpaced(T, -2, 3.3);
        CheckMonotone((d, H) => BgNbdDiscountedTransactions.GivenAlive(p, xx, TT, d, H), LogSpaced(delta, -6, 0), LogSpaced(h, -2, 4));
    }

    [Property(MaxTest = 40)]
    public Property BgNbdDetIsPAliveTimesGivenAlive(byte x, byte gap, byte delta)
    {
        var p = new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258);
        double T = 38.86, xx = x % 20, tx = xx == 0 ? 0 : T * (1 - gap / 255.0), d = LogSpaced(delta, -6, 0);
        double det = BgNbdDiscountedTransactions.DiscountedExpectedTransactions(p, xx, tx, T, d, 52);
        double alive = BgNbdPredictions.ProbabilityAlive(p, xx, tx, T);
        double given = BgNbdDiscountedTransactions.GivenAlive(p, xx, T, d, 52);
        return (Math.Abs(det - alive * given) <= 1e-15 * given && det <= given * (1 + 1e-15)).ToProperty();
    }
}
