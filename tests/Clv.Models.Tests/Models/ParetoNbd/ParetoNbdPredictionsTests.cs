using Clv.Models.ParetoNbd;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Models.ParetoNbd;

public class ParetoNbdPredictionsTests(ITestOutputHelper output)
{
    /// <summary>Required relative agreement with the 50-digit reference.</summary>
    private const double RelTol = 1e-10;

    /// <summary>Reference values below this are compared absolutely (bottom of the double range, see the BG/NBD tests).</summary>
    private const double AbsFloor = 1e-300;

    private static readonly ParetoNbdParameters Cdnow = new(0.5533, 10.578, 0.6062, 11.667);

    private void AssertAgainstReference(string name, Func<ParetoNbdReferenceRow, double> expected, Func<ParetoNbdReferenceRow, double> actual,
        Func<ParetoNbdReferenceRow, bool>? where = null)
    {
        var rows = ParetoNbdReferenceData.Rows.Where(where ?? (_ => true)).ToList();
        Assert.True(rows.Count > 20, "reference grid not loaded");
        double worst = 0;
        ParetoNbdReferenceRow? worstRow = null;
        var failures = new List<string>();
        foreach (var row in rows)
        {
            double e = expected(row), a = actual(row);
            double err;
            if (!double.IsFinite(a)) err = double.PositiveInfinity;
            else if (Math.Abs(e) < AbsFloor) err = Math.Abs(a) < AbsFloor ? 0 : double.PositiveInfinity;
            else err = Math.Abs(a - e) / Math.Abs(e);
            if (err >= worst) { worst = err; worstRow = row; }
            if (!(err <= RelTol)) failures.Add($"line {row.Line}: {row} expected {e:R} got {a:R} (rel {err:E2})");
        }
        output.WriteLine($"{name}: {rows.Count} rows, worst relative error {worst:E2} at line {worstRow?.Line}");
        foreach (var f in failures.Take(20)) output.WriteLine(f);
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} rows exceed {RelTol:E0}; first: {failures.FirstOrDefault()}");
    }

    [Fact]
    public void LogLikelihood_MatchesReference()
        => AssertAgainstReference("ln L", r => r.LogLikelihood, r => ParetoNbdLikelihood.LogLikelihood(r.P, r.X, r.Tx, r.T));

    [Fact]
    public void ProbabilityAlive_MatchesReference()
        => AssertAgainstReference("P(alive)", r => r.PAlive, r => ParetoNbdPredictions.ProbabilityAlive(r.P, r.X, r.Tx, r.T));

    [Fact]
    public void ExpectedPurchases_MatchesReference()
        => AssertAgainstReference("E[Y(t)|x,tx,T]", r => r.ExpectedY, r => ParetoNbdPredictions.ExpectedPurchases(r.P, r.Horizon, r.X, r.Tx, r.T));

    [Fact]
    public void ExpectedPurchasesNewCustomer_MatchesReference()
        => AssertAgainstReference("E[X(t)]", r => r.ExpectedXNew, r => ParetoNbdPredictions.ExpectedPurchasesNewCustomer(r.P, r.Horizon));

    [Fact]
    public void ProbabilityOfPurchases_MatchesReference()
        => AssertAgainstReference("P(X(t)=n)", r => r.PXn, r => ParetoNbdPredictions.ProbabilityOfPurchases(r.P, r.N, r.Horizon));

    [Fact]
    public void LogLikelihood_EqualRates_MatchesReference()
        => AssertAgainstReference("ln L, |alpha-beta| <= 1e-9 alpha", r => r.LogLikelihood, r => ParetoNbdLikelihood.LogLikelihood(r.P, r.X, r.Tx, r.T),
            r => Math.Abs(r.P.Alpha - r.P.Beta) <= 1e-9 * r.P.Alpha);

    [Fact]
    public void ProbabilityAlive_ArgumentNearOne_MatchesReference()
        => AssertAgainstReference("P(alive), alpha/beta = 1e5 or 1e-5", r => r.PAlive, r => ParetoNbdPredictions.ProbabilityAlive(r.P, r.X, r.Tx, r.T),
            r => Math.Max(r.P.Alpha / r.P.Beta, r.P.Beta / r.P.Alpha) >= 1e4);

    /// <summary>Rows whose likelihood integral is outside the series region (taken by quadrature).</summary>
    private static bool QuadratureRow(ParetoNbdReferenceRow r)
    {
        if (!(r.T > r.Tx)) return false;
        double p = Math.Max(r.P.Alpha, r.P.Beta), q = Math.Min(r.P.Alpha, r.P.Beta);
        double n = r.P.Alpha >= r.P.Beta ? r.P.S + 1 : r.P.R + r.X;
        return ParetoNbdIntegral.EstimatedSeriesTerms(n, (p - q) / (p + r.Tx)) > ParetoNbdIntegral.SeriesTermLimit;
    }

    [Fact]
    public void LogLikelihood_QuadratureRegion_MatchesReference()
        => AssertAgainstReference("ln L, quadrature region", r => r.LogLikelihood, r => ParetoNbdLikelihood.LogLikelihood(r.P, r.X, r.Tx, r.T), QuadratureRow);

    [Fact]
    public void ProbabilityAlive_QuadratureRegion_MatchesReference()
        => AssertAgainstReference("P(alive), quadrature region", r => r.PAlive, r => ParetoNbdPredictions.ProbabilityAlive(r.P, r.X, r.Tx, r.T), QuadratureRow);

    [Fact]
    public void LogLikelihood_RecencyEqualsAge_MatchesReference()
        => AssertAgainstReference("ln L, t_x = T", r => r.LogLikelihood, r => ParetoNbdLikelihood.LogLikelihood(r.P, r.X, r.Tx, r.T), r => r.X > 0 && r.Tx == r.T);

    [Fact]
    public void LogLikelihood_LargeFrequency_MatchesReference()
        => AssertAgainstReference("ln L, x >= 100", r => r.LogLikelihood, r => ParetoNbdLikelihood.LogLikelihood(r.P, r.X, r.Tx, r.T), r => r.X >= 100);

    [Fact]
    public void ExpectedPurchases_DropoutShapeNearOne_MatchesReference()
        => AssertAgainstReference("E[Y(t)], |s-1| <= 1e-6", r => r.ExpectedY, r => ParetoNbdPredictions.ExpectedPurchases(r.P, r.Horizon, r.X, r.Tx, r.T), r => Math.Abs(r.P.S - 1) <= 1e-6);

    [Fact]
    public void ProbabilityOfPurchases_PositiveCounts_MatchesReference()
        => AssertAgainstReference("P(X(t)=n), n >= 1", r => r.PXn, r => ParetoNbdPredictions.ProbabilityOfPurchases(r.P, r.N, r.Horizon), r => r.N >= 1);

    [Fact]
    public void Integral_SeriesAndQuadratureAgreeWhereBothApply()
    {
        // Both routes of ParetoNbdIntegral on every reference row where the series is used: values and gradients.
        int compared = 0;
        double worst = 0, worstGrad = 0;
        foreach (var row in ParetoNbdReferenceData.Rows)
        {
            double a = row.P.R + row.X, b = row.P.S + 1;
            if (!(row.T > row.Tx) || QuadratureRow(row)) continue;
            var series = ParetoNbdIntegral.Evaluate(row.P.Alpha, a, row.P.Beta, b, row.Tx, row.T);
            var quad = ParetoNbdIntegral.Evaluate(row.P.Alpha, a, row.P.Beta, b, row.Tx, row.T, forceQuadrature: true);
            compared++;
            worst = Math.Max(worst, Math.Abs(series.Log - quad.Log) / Math.Max(1, Math.Abs(series.Log)));
            double[] gs = [series.DAlpha, series.DA, series.DBeta, series.DB], gq = [quad.DAlpha, quad.DA, quad.DBeta, quad.DB];
            for (int k = 0; k < 4; k++) worstGrad = Math.Max(worstGrad, Math.Abs(gs[k] - gq[k]) / (Math.Abs(gq[k]) + 1e-3));
        }
        output.WriteLine($"{compared} rows: worst |Δ ln I| / max(1, |ln I|) = {worst:E2}, worst gradient difference {worstGrad:E2}");
        Assert.True(compared > 300);
        Assert.True(worst < 1e-11);
        Assert.True(worstGrad < 1e-7);
    }

    [Fact]
    public void Cdnow_customer_matches_published_values()
    {
        // Fader & Hardie (2005 note) / lifetimes at the CDNOW estimates: E[Y(39) | 2, 30.43, 38.86] = 1.4551, P(alive) = 0.8691 (rounded).
        double ey = ParetoNbdPredictions.ExpectedPurchases(Cdnow, 39, 2, 30.43, 38.86);
        double pa = ParetoNbdPredictions.ProbabilityAlive(Cdnow, 2, 30.43, 38.86);
        output.WriteLine($"E[Y(39)] = {ey:R}, P(alive) = {pa:R}");
        Assert.Equal(1.4551, ey, 4);
        Assert.Equal(0.8691, pa, 4);
    }

    [Fact]
    public void Edge_cases_are_exact()
    {
        Assert.Equal(1.0, ParetoNbdPredictions.ProbabilityAlive(Cdnow, 3, 20, 20));
        Assert.Equal(0.0, ParetoNbdPredictions.ExpectedPurchases(Cdnow, 0, 3, 10, 20));
        Assert.Equal(0.0, ParetoNbdPredictions.ExpectedPurchasesNewCustomer(Cdnow, 0));
        Assert.Equal(1.0, ParetoNbdPredictions.ProbabilityOfPurchases(Cdnow, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParetoNbdPredictions.ProbabilityOfPurchases(Cdnow, -1, 1));
        // s = 1 is the log limit, continuous with s = 1 ± 1e-12.
        var one = Cdnow with { S = 1 };
        double e1 = ParetoNbdPredictions.ExpectedPurchasesNewCustomer(one, 52);
        Assert.Equal(e1, ParetoNbdPredictions.ExpectedPurchasesNewCustomer(one with { S = 1 + 1e-12 }, 52), e1 * 1e-10);
        Assert.Equal(e1, ParetoNbdPredictions.ExpectedPurchasesNewCustomer(one with { S = 1 - 1e-12 }, 52), e1 * 1e-10);
    }

    [Fact]
    public void Probabilities_of_purchases_sum_to_one_and_their_mean_is_the_expected_count()
    {
        var p = new ParetoNbdParameters(2.0, 3.0, 1.5, 10.0);
        double t = 5, sum = 0, mean = 0;
        for (int n = 0; n < 400; n++)
        {
            double pn = ParetoNbdPredictions.ProbabilityOfPurchases(p, n, t);
            sum += pn; mean += n * pn;
        }
        Assert.Equal(1.0, sum, 1e-10);
        Assert.Equal(ParetoNbdPredictions.ExpectedPurchasesNewCustomer(p, t), mean, 1e-8);
    }

    [Fact]
    public void SpanOverloads_MatchScalarAndValidateLengths()
    {
        double[] x = [0, 1, 2, 7, 30], tx = [0, 5, 30.43, 35, 38], T = [38.86, 38.86, 38.86, 38.86, 38.86];
        var pa = new double[5];
        var ey = new double[5];
        ParetoNbdPredictions.ProbabilityAlive(Cdnow, x, tx, T, pa);
        ParetoNbdPredictions.ExpectedPurchases(Cdnow, 10, x, tx, T, ey);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(ParetoNbdPredictions.ProbabilityAlive(Cdnow, x[i], tx[i], T[i]), pa[i]);
            Assert.Equal(ParetoNbdPredictions.ExpectedPurchases(Cdnow, 10, x[i], tx[i], T[i]), ey[i]);
        }
        Assert.Throws<ArgumentException>(() => ParetoNbdPredictions.ProbabilityAlive(Cdnow, x, tx, T, new double[4]));
        Assert.Throws<ArgumentException>(() => ParetoNbdPredictions.ExpectedPurchases(Cdnow, 1, x, tx.AsSpan(1), T, new double[5]));
    }

    private static Gen<ParetoNbdParameters> Parameters =>
        from lr in Gen.Choose(-200, 300)
        from la in Gen.Choose(-200, 300)
        from ls in Gen.Choose(-200, 300)
        from lb in Gen.Choose(-200, 300)
        select new ParetoNbdParameters(Math.Pow(10, lr / 100.0), Math.Pow(10, la / 100.0), Math.Pow(10, ls / 100.0), Math.Pow(10, lb / 100.0));

    private static Gen<(double X, double Tx, double T)> Customers =>
        from x in Gen.Choose(0, 200)
        from lt in Gen.Choose(-200, 330)
        from frac in Gen.Choose(0, 1000)
        let t = Math.Pow(10, lt / 100.0)
        select ((double)x, x == 0 ? 0.0 : t * frac / 1000.0, t);

    [Property(MaxTest = 300)]
    public Property ProbabilityAlive_is_in_the_unit_interval()
        => Prop.ForAll((from p in Parameters from c in Customers select (p, c)).ToArbitrary(), tuple =>
        {
            var (p, (x, tx, T)) = tuple;
            double pa = ParetoNbdPredictions.ProbabilityAlive(p, x, tx, T);
            return (pa >= 0 && pa <= 1 && (pa > 0 || ParetoNbdLikelihood.LogAliveShare(p, x, tx, T) < -700)).Label($"P(alive) = {pa} at {p}, {x}, {tx}, {T}");
        });

    [Property(MaxTest = 200)]
    public Property ExpectedPurchases_increases_with_the_horizon()
        => Prop.ForAll((from p in Parameters from c in Customers from lt in Gen.Choose(-200, 300) select (p, c, Math.Pow(10, lt / 100.0))).ToArbitrary(), tuple =>
        {
            var (p, (x, tx, T), t) = tuple;
            double e1 = ParetoNbdPredictions.ExpectedPurchases(p, t, x, tx, T);
            double e2 = ParetoNbdPredictions.ExpectedPurchases(p, 1.5 * t, x, tx, T);
            // Strictly increasing while the dropout factor ((β+T)/(β+T+t))^(s−1) is resolvable in double precision and E[Y] is not
            // subnormal (where neighbouring values coincide); never decreasing.
            bool resolvable = e1 > 1e-290 && (p.S - 1) * Math.Log(1 + 1.5 * t / (p.Beta + T)) < 20;
            return (e2 >= e1 && (!resolvable || e2 > e1)).Label($"E[Y({t})] = {e1}, E[Y({1.5 * t})] = {e2} at {p}, {x}, {tx}, {T}");
        });
}
