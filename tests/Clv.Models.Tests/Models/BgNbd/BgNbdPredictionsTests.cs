using Clv.Models.BgNbd;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Models.BgNbd;

public class BgNbdPredictionsTests(ITestOutputHelper output)
{
    /// <summary>Required relative agreement with the 50-digit reference.</summary>
    private const double RelTol = 1e-10;

    /// <summary>
    /// Reference values below this are compared absolutely (the computed value must also be below it): they are at or under
    /// the bottom of the double range, where relative error is meaningless (e.g. P(alive) = 1e-320 prints as a subnormal or 0.0).
    /// </summary>
    private const double AbsFloor = 1e-300;

    private void AssertAgainstReference(string name, Func<BgNbdReferenceRow, double> expected, Func<BgNbdReferenceRow, double> actual)
    {
        var rows = BgNbdReferenceData.Rows;
        Assert.True(rows.Count > 1000, "reference grid not loaded");
        double worst = 0;
        BgNbdReferenceRow? worstRow = null;
        var failures = new List<string>();
        foreach (var row in rows)
        {
            double e = expected(row), a = actual(row);
            double err;
            if (!double.IsFinite(a)) err = double.PositiveInfinity;
            else if (Math.Abs(e) < AbsFloor) err = Math.Abs(a) < AbsFloor ? 0 : double.PositiveInfinity;
            else err = Math.Abs(a - e) / Math.Abs(e);
            if (err > worst || worstRow is null) { worst = Math.Max(worst, err); if (err >= worst) worstRow = row; }
            if (!(err <= RelTol)) failures.Add($"line {row.Line}: {row} expected {e:R} got {a:R} (rel {err:E2})");
        }
        output.WriteLine($"{name}: {rows.Count} rows, worst relative error {worst:E2} at line {worstRow?.Line}");
        foreach (var f in failures.Take(20)) output.WriteLine(f);
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} rows exceed {RelTol:E0}; first: {failures.FirstOrDefault()}");
    }

    [Fact]
    public void LogLikelihood_MatchesReference()
        => AssertAgainstReference("ln L", r => r.LogLikelihood, r => BgNbdLikelihood.LogLikelihood(r.P, r.X, r.Tx, r.T));

    [Fact]
    public void ProbabilityAlive_MatchesReference()
        => AssertAgainstReference("P(alive)", r => r.PAlive, r => BgNbdPredictions.ProbabilityAlive(r.P, r.X, r.Tx, r.T));

    [Fact]
    public void ExpectedPurchases_MatchesReference()
        => AssertAgainstReference("E[Y(t)|x,tx,T]", r => r.ExpectedY, r => BgNbdPredictions.ExpectedPurchases(r.P, r.Horizon, r.X, r.Tx, r.T));

    [Fact]
    public void ExpectedPurchasesNewCustomer_MatchesReference()
        => AssertAgainstReference("E[X(t)]", r => r.ExpectedXNew, r => BgNbdPredictions.ExpectedPurchasesNewCustomer(r.P, r.Horizon));

    [Fact]
    public void ProbabilityOfPurchases_MatchesReference()
        => AssertAgainstReference("P(X(t)=n)", r => r.PXn, r => BgNbdPredictions.ProbabilityOfPurchases(r.P, r.N, r.Horizon));

    [Fact]
    public void ExpectedPurchases_Cdnow_MatchesPaper()
    {
        // FHL (2005), section 5: E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.2259 at the CDNOW estimates.
        var p = new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258);
        double ey = BgNbdPredictions.ExpectedPurchases(p, 39, 2, 30.43, 38.86);
        output.WriteLine($"CDNOW E[Y(39)|2,30.43,38.86] = {ey:R}");
        Assert.Equal(1.2259, ey, 4);
    }

    [Fact]
    public void SpanOverloads_MatchScalarAndValidateLengths()
    {
        var p = new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258);
        double[] x = [0, 1, 2, 7, 30], tx = [0, 5, 30.43, 35, 38], T = [38.86, 38.86, 38.86, 38.86, 38.86];
        var pa = new double[5];
        var ey = new double[5];
        BgNbdPredictions.ProbabilityAlive(p, x, tx, T, pa);
        BgNbdPredictions.ExpectedPurchases(p, 39, x, tx, T, ey);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(BgNbdPredictions.ProbabilityAlive(p, x[i], tx[i], T[i]), pa[i]);
            Assert.Equal(BgNbdPredictions.ExpectedPurchases(p, 39, x[i], tx[i], T[i]), ey[i]);
        }
        Assert.Throws<ArgumentException>(() => BgNbdPredictions.ProbabilityAlive(p, x, tx.AsSpan(1), T, pa));
        Assert.Throws<ArgumentException>(() => BgNbdPredictions.ProbabilityAlive(p, x, tx, T, new double[4]));
        Assert.Throws<ArgumentException>(() => BgNbdPredictions.ExpectedPurchases(p, 39, x, tx, T.AsSpan(2), ey));
        Assert.Throws<ArgumentException>(() => BgNbdPredictions.ExpectedPurchases(p, 39, x, tx, T, new double[6]));
    }

    // ---------------------------------------------------------------- properties

    private static Gen<double> LogUniform(double lo, double hi)
        => Gen.Choose(0, 1_000_000).Select(k => lo * Math.Pow(hi / lo, k / 1e6));

    private static Gen<BgNbdParameters> Parameters(double lo = 0.01, double hi = 1000)
        => from r in LogUniform(lo, hi)
           from alpha in LogUniform(lo, hi)
           from a in LogUniform(lo, hi)
           from b in LogUniform(lo, hi)
           select new BgNbdParameters(r, alpha, a, b);

    private sealed record Customer(BgNbdParameters P, double X, double Tx, double T);

    private static Gen<Customer> Customers()
        => from p in Parameters()
           from x in Gen.Choose(0, 1000)
           from T in LogUniform(0.01, 2000)
           from f in Gen.Choose(0, 1000)
           select new Customer(p, x, x == 0 ? 0 : T * f / 1000.0, T);

    [Property(MaxTest = 300)]
    public Property ProbabilityAlive_IsInUnitInterval()
        => Prop.ForAll(Arb.From(Customers()), c =>
        {
            double v = BgNbdPredictions.ProbabilityAlive(c.P, c.X, c.Tx, c.T);
            // 0 < P: may underflow to 0 only when the log-odds exceed the double range (d > 745).
            return v is >= 0 and <= 1 && (v > 0 || Math.Log(c.P.A / (c.X - 1 + c.P.B)) + (c.P.R + c.X) * Math.Log((c.P.Alpha + c.T) / (c.P.Alpha + c.Tx)) > 700);
        });

    [Property(MaxTest = 300)]
    public Property ExpectedPurchases_IncreasesWithHorizon()
        => Prop.ForAll(Arb.From(from c in Customers() from t1 in LogUniform(0.01, 200) from t2 in LogUniform(0.01, 200) select (c, t1, t2)), v =>
        {
            var (c, t1, t2) = v;
            double lo = Math.Min(t1, t2), hi = Math.Max(t1, t2);
            double e1 = BgNbdPredictions.ExpectedPurchases(c.P, lo, c.X, c.Tx, c.T);
            double e2 = BgNbdPredictions.ExpectedPurchases(c.P, hi, c.X, c.Tx, c.T);
            // Non-decreasing up to the evaluation accuracy: for large (r+x)·t/(α+T) E[Y] saturates at E[1/p]·P(alive) and is flat.
            return double.IsFinite(e1) && double.IsFinite(e2) && e2 >= e1 * (1 - 1e-11);
        });

    [Property(MaxTest = 200)]
    public Property ExpectedPurchasesNewCustomer_IncreasesWithHorizon()
        => Prop.ForAll(Arb.From(from p in Parameters() from t1 in LogUniform(0.01, 200) from t2 in LogUniform(0.01, 200) select (p, t1, t2)), v =>
        {
            var (p, t1, t2) = v;
            double e1 = BgNbdPredictions.ExpectedPurchasesNewCustomer(p, Math.Min(t1, t2));
            double e2 = BgNbdPredictions.ExpectedPurchasesNewCustomer(p, Math.Max(t1, t2));
            return double.IsFinite(e1) && e1 > 0 && e2 >= e1 * (1 - 1e-11);
        });

    [Property(MaxTest = 100)]
    public Property ProbabilityOfPurchases_SumsToOne()
        => Prop.ForAll(Arb.From(
            from r in LogUniform(0.05, 5)
            from alpha in LogUniform(0.1, 100)
            from a in LogUniform(0.01, 100)
            from b in LogUniform(0.01, 100)
            from ta in LogUniform(0.01, 5)   // t/α: the NB mean r t/α stays ≤ 25, so n ≤ 600 covers all but ~1e-12 of the mass
            select (new BgNbdParameters(r, alpha, a, b), ta * alpha)), v =>
        {
            var (p, t) = v;
            double sum = 0;
            for (int n = 0; n <= 600; n++)
            {
                double pn = BgNbdPredictions.ProbabilityOfPurchases(p, n, t);
                if (!(pn >= 0)) return false;
                sum += pn;
            }
            return Math.Abs(sum - 1) < 1e-9;
        });
}
