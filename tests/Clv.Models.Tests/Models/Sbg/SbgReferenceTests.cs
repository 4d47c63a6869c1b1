using System.Globalization;
using Clv.Models.Sbg;

namespace Clv.Models.Tests.Models.Sbg;

/// <summary>
/// The sBG against 50-digit mpmath values (TestData/reference/sbg_reference.py and .csv): S(t), r(t), P(T = t) and DERL on a
/// grid with alpha, beta from 0.001 to 1e4, t up to 1e5, renewals up to 1e6 and discount rates from 1e-4 to 100; the
/// log-likelihood and its gradient on the published cohorts, a multi-cohort set and a 60-period cohort.
/// </summary>
public class SbgReferenceTests
{
    private sealed record Row(string Kind, string Dataset, double Alpha, double Beta, int T, double D, double Value, double GradAlpha, double GradBeta);

    private static readonly Row[] Rows = [.. File.ReadAllLines(TestFiles.TestData("reference", "sbg_reference.csv")).Skip(1).Where(l => l.Length > 0).Select(Parse)];

    private static Row Parse(string line)
    {
        var c = line.Split(',');
        double N(string s) => s.Length == 0 ? double.NaN : TestFiles.Parse(s);
        return new Row(c[0], c[1], N(c[2]), N(c[3]), c[4].Length == 0 ? -1 : int.Parse(c[4], CultureInfo.InvariantCulture), N(c[5]), N(c[6]), N(c[7]), N(c[8]));
    }

    private static double WorstRelativeError(string kind, Func<Row, double> compute, out int count)
    {
        double worst = 0;
        count = 0;
        foreach (var row in Rows.Where(r => r.Kind == kind))
        {
            double v = compute(row);
            double err = row.Value == 0 ? Math.Abs(v) : Math.Abs(v - row.Value) / Math.Abs(row.Value);
            if (row.Value < 1e-300 && Math.Abs(v - row.Value) < 1e-300) err = 0; // underflow to 0 or subnormal: compared absolutely
            Assert.False(double.IsNaN(v), $"{kind} is NaN at {row}");
            worst = Math.Max(worst, err);
            count++;
        }
        return worst;
    }

    [Theory]
    [InlineData("S", 1e-11)]
    [InlineData("r", 1e-15)]
    [InlineData("P", 1e-11)]
    public void Survival_retention_and_churn_probabilities_match_mpmath(string kind, double tolerance)
    {
        double worst = WorstRelativeError(kind, r =>
        {
            var p = new SbgParameters(r.Alpha, r.Beta);
            return kind switch { "S" => p.Survival(r.T), "r" => p.RetentionRate(r.T), _ => p.ChurnProbability(r.T) };
        }, out int count);
        Assert.True(count > 1000, $"{count} rows");
        Assert.True(worst <= tolerance, $"worst relative error of {kind}: {worst:G3}");
    }

    [Fact]
    public void Derl_matches_mpmath_to_1e_9()
    {
        double worst = WorstRelativeError("derl", r => new SbgParameters(r.Alpha, r.Beta).DiscountedExpectedResidualLifetime(r.D, r.T), out int count);
        Assert.True(count > 1400, $"{count} rows");
        Assert.True(worst <= 1e-9, $"worst relative error of DERL: {worst:G3}");
    }

    [Fact]
    public void Derl_series_and_quadrature_agree_where_both_apply()
    {
        foreach (var row in Rows.Where(r => r.Kind == "derl" && r.D >= 0.02))
        {
            double b = row.Beta + row.T;
            double series = SbgResidualLifetime.Series(row.Alpha, b, row.D), quadrature = SbgResidualLifetime.Quadrature(row.Alpha, b, row.D);
            Assert.True(Math.Abs(series - quadrature) <= 1e-9 * series, $"{row}: series {series} vs quadrature {quadrature}");
        }
    }

    [Fact]
    public void Log_likelihood_and_gradient_match_mpmath()
    {
        var data = new Dictionary<string, CohortSurvivors>
        {
            ["regular"] = RetentionCohorts.Calibration("regular"),
            ["high_end"] = RetentionCohorts.Calibration("high_end"),
        };
        var all = CohortSurvivorsCsv.Read(TestFiles.TestData("reference", "sbg_multi_cohort.csv"));
        var names = all.CohortNames.Where(n => n != "long").ToArray();
        data["multi"] = new CohortSurvivors(
            [.. Enumerable.Range(0, all.Count).Where(i => all.Cohort[i] != "long").Select(i => all.Cohort[i])],
            [.. Enumerable.Range(0, all.Count).Where(i => all.Cohort[i] != "long").Select(i => all.Period[i])],
            [.. Enumerable.Range(0, all.Count).Where(i => all.Cohort[i] != "long").Select(i => all.Survivors[i])]);
        data["long"] = CohortSurvivors.FromCounts("long", all.SurvivorsOf(all.CohortNames.ToList().IndexOf("long")));
        int count = 0;
        Span<double> g = stackalloc double[2];
        foreach (var row in Rows.Where(r => r.Kind == "ll"))
        {
            var p = new SbgParameters(row.Alpha, row.Beta);
            double ll = SbgLikelihood.ValueAndGradient(p, SbgChurnCounts.From(data[row.Dataset]), g);
            Assert.True(Math.Abs(ll - row.Value) <= 1e-12 * Math.Abs(row.Value), $"{row}: LL {ll}");
            Assert.True(Math.Abs(g[0] - row.GradAlpha) <= 1e-10 * (Math.Abs(row.GradAlpha) + Math.Abs(row.Value) / row.Alpha * 1e-6), $"{row}: dLL/dalpha {g[0]}");
            Assert.True(Math.Abs(g[1] - row.GradBeta) <= 1e-10 * (Math.Abs(row.GradBeta) + Math.Abs(row.Value) / row.Beta * 1e-6), $"{row}: dLL/dbeta {g[1]}");
            count++;
        }
        Assert.Equal(40, count);
        Assert.Equal(4, names.Length);
    }
}
