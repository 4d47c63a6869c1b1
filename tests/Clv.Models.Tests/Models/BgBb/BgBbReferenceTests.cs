using Clv.Models.BgBb;

namespace Clv.Models.Tests.Models.BgBb;

/// <summary>
/// Every prediction against the 50-digit mpmath values of TestData/reference/bgbb_reference.csv (see bgbb_reference.py): the
/// donations point, γ = 1 and 1 ± 1e-9 (the closed forms' removable singularity), parameters from 0.01 to 1000, histories of up
/// to 1000 opportunities, horizons beyond the direct sum (quadrature path) and discount rates down to 1e-4.
/// </summary>
public class BgBbReferenceTests
{
    private sealed record Row(int Line, BgBbParameters P, int X, int Tx, int N, int M, int NStar, double D, int XNew, int NNew, Dictionary<string, double> V);

    private static readonly Lazy<Row[]> Rows = new(() =>
    {
        var lines = File.ReadAllLines(TestFiles.TestData("reference", "bgbb_reference.csv"));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select((l, k) =>
        {
            var f = l.Split(',');
            var v = header.Select((h, j) => (h, j)).ToDictionary(c => c.h, c => TestFiles.Parse(f[c.j]));
            int I(string name) => (int)v[name];
            return new Row(k + 2, new BgBbParameters(v["alpha"], v["beta"], v["gamma"], v["delta"]), I("x"), I("t_x"), I("n"), I("m"), I("n_star"), v["d"], I("x_new"), I("n_new"), v);
        })];
    });

    /// <summary>Relative error (absolute below 1e-300, values the double range cannot hold relatively), or the error relative to <paramref name="scale"/>.</summary>
    private static double Error(double actual, double expected, double? scale = null) =>
        Math.Abs(actual - expected) / (scale ?? Math.Max(Math.Abs(expected), 1e-300));

    private static void AssertAll(string what, double tolerance, Func<Row, double> actual, Func<Row, double> expected, Func<Row, double>? scale = null)
    {
        var worst = Rows.Value.Select(r => (r, e: Error(actual(r), expected(r), scale?.Invoke(r)))).MaxBy(t => double.IsNaN(t.e) ? double.PositiveInfinity : t.e);
        Assert.True(worst.e <= tolerance, $"{what}: worst relative error {worst.e:G3} on line {worst.r.Line} ({worst.r.P}, x={worst.r.X}, t_x={worst.r.Tx}, n={worst.r.N}): {actual(worst.r):R} vs {expected(worst.r):R}");
    }

    [Fact]
    public void The_reference_has_the_extreme_rows()
    {
        var rows = Rows.Value;
        Assert.True(rows.Length > 200);
        Assert.Contains(rows, r => r.P.Gamma == 1.0);
        Assert.Contains(rows, r => r.NStar > BgBbDropoutSums.MaxTerms);
        Assert.Contains(rows, r => r.D <= 1e-4);
        Assert.Contains(rows, r => r.N >= 1000);
    }

    /// <summary>ln L to an absolute 3e-13 when |ln L| ≤ 1 (that is L to 3e-13 relative), relative beyond.</summary>
    [Fact]
    public void Log_likelihood_matches_eq_5() =>
        AssertAll("ln L", 3e-13, r => BgBbLikelihood.LogLikelihood(r.P, r.X, r.Tx, r.N), r => r.V["ll"], r => Math.Max(1, Math.Abs(r.V["ll"])));

    [Theory]
    [InlineData(0, "d_alpha")]
    [InlineData(1, "d_beta")]
    [InlineData(2, "d_gamma")]
    [InlineData(3, "d_delta")]
    public void Gradient_matches_mpmath_differentiation(int k, string column)
    {
        // Relative to max(1, |∇ ln L|): a component that cancels to near 0 (the terms' log-derivatives are O(1) and the
        // gradient is their share-weighted mean) is compared absolutely, a large one relatively.
        static double Scale(Row r) => Math.Max(1, new[] { "d_alpha", "d_beta", "d_gamma", "d_delta" }.Max(c => Math.Abs(r.V[c])));
        AssertAll(column, 1e-12, r =>
        {
            Span<double> g = stackalloc double[4];
            BgBbLikelihood.ValueAndGradient(r.P, r.X, r.Tx, r.N, g);
            return g[k];
        }, r => r.V[column], Scale);
    }

    [Fact]
    public void Probability_alive_matches_for_m_0_1_and_m()
    {
        AssertAll("P(alive, m = 0)", 2e-12, r => BgBbPredictions.ProbabilityAlive(r.P, 0, r.X, r.Tx, r.N), r => r.V["p_alive_0"]);
        AssertAll("P(alive, m = 1)", 2e-12, r => BgBbPredictions.ProbabilityAlive(r.P, 1, r.X, r.Tx, r.N), r => r.V["p_alive_1"]);
        AssertAll("P(alive, m)", 2e-12, r => BgBbPredictions.ProbabilityAlive(r.P, r.M, r.X, r.Tx, r.N), r => r.V["p_alive_m"]);
    }

    [Fact]
    public void Conditional_expected_transactions_match_eq_13() =>
        AssertAll("E[X(n, n+n*)]", 2e-12, r => BgBbPredictions.ExpectedTransactions(r.P, r.NStar, r.X, r.Tx, r.N), r => r.V["expected"]);

    [Fact]
    public void Dert_matches_eq_14() =>
        AssertAll("DERT", 2e-12, r => BgBbPredictions.DiscountedExpectedResidualTransactions(r.P, r.D, r.X, r.Tx, r.N), r => r.V["dert"]);

    [Fact]
    public void New_customer_expectation_and_distribution_match_eqs_7_and_8()
    {
        AssertAll("E[X(n)]", 1e-13, r => BgBbPredictions.ExpectedTransactionsNewCustomer(r.P, r.NNew), r => r.V["expected_new"]);
        AssertAll("P(X(n) = x)", 1e-12, r => BgBbPredictions.ProbabilityOfTransactions(r.P, r.XNew, r.NNew), r => r.V["p_x_new"]);
    }
}
