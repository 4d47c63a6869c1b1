using Clv.Models.Data;
using Clv.Models.Diagnostics;

namespace Clv.Models.Tests.Diagnostics;

/// <summary>The diagnostics on small cases worked out by hand with the Poisson test model.</summary>
public class HandComputedDiagnosticsTests
{
    [Theory]
    [InlineData(7.814727903251178, 3, 0.05)] // the 5 % critical value of chi-square with 3 df (standard tables)
    [InlineData(3.841458820694124, 1, 0.05)]
    [InlineData(9.487729036781154, 4, 0.05)]
    public void Chi_square_p_value_matches_the_tabulated_critical_values(double statistic, int df, double p) =>
        DiagnosticsFixture.AssertRelative(p, ChiSquareTest.PValueOf(statistic, df), 1e-12, $"p at {statistic}, {df} df");

    [Theory]
    [InlineData(0.3)]
    [InlineData(2.0)]
    [InlineData(11.5)]
    [InlineData(40.0)]
    public void Chi_square_p_value_matches_the_closed_forms_for_small_degrees_of_freedom(double x)
    {
        // Q(1/2, x/2) = erfc(sqrt(x/2)); Q(3/2, x/2) = erfc(sqrt(x/2)) + sqrt(2x/pi) e^(-x/2); Q(k, x/2) = e^(-x/2) sum_{j<k} (x/2)^j/j!.
        double erfc = MathNet.Numerics.SpecialFunctions.Erfc(Math.Sqrt(x / 2));
        DiagnosticsFixture.AssertRelative(erfc, ChiSquareTest.PValueOf(x, 1), 1e-12, "1 df");
        DiagnosticsFixture.AssertRelative(erfc + Math.Sqrt(2 * x / Math.PI) * Math.Exp(-x / 2), ChiSquareTest.PValueOf(x, 3), 1e-12, "3 df");
        DiagnosticsFixture.AssertRelative(Math.Exp(-x / 2), ChiSquareTest.PValueOf(x, 2), 1e-12, "2 df");
        DiagnosticsFixture.AssertRelative(Math.Exp(-x / 2) * (1 + x / 2 + x * x / 8), ChiSquareTest.PValueOf(x, 6), 1e-12, "6 df");
    }

    [Fact]
    public void Histogram_of_four_customers()
    {
        var summary = new CustomerSummary(["a", "b", "c", "d"], [0, 1, 2, 3], [0, 0.5, 0.7, 0.9], [1, 1, 1, 1]);
        var h = RepeatTransactionHistogram.Compute(new PoissonModel(1), summary, estimatedParameters: 0, openBin: 2);
        double e = Math.Exp(-1);
        Assert.Equal(["0", "1", "2+"], h.Bins.Select(b => b.Label));
        Assert.Equal([1, 1, 2], h.Bins.Select(b => b.Observed));
        double[] expected = [4 * e, 4 * e, 4 - 8 * e];
        for (int k = 0; k < 3; k++) DiagnosticsFixture.AssertRelative(expected[k], h.Bins[k].Expected, 1e-14, $"bin {k}");
        double chi2 = 2 * Math.Pow(1 - 4 * e, 2) / (4 * e) + Math.Pow(2 - (4 - 8 * e), 2) / (4 - 8 * e);
        DiagnosticsFixture.AssertRelative(chi2, h.ChiSquare.Statistic, 1e-13, "chi-square");
        Assert.Equal(2, h.ChiSquare.DegreesOfFreedom);
        DiagnosticsFixture.AssertRelative(Math.Exp(-chi2 / 2), h.ChiSquare.PValue, 1e-12, "p");
        Assert.Throws<ArgumentException>(() => RepeatTransactionHistogram.Compute(new PoissonModel(1), summary, estimatedParameters: 2, openBin: 2));
    }

    [Fact]
    public void Calibration_holdout_buckets_of_five_customers()
    {
        var summary = new CustomerSummary(["a", "b", "c", "d", "e"], [0, 0, 1, 3, 5], [0, 0, 1, 2, 3], [4, 4, 4, 4, 4],
            frequencyHoldout: [0, 2, 1, 4, 0], durationHoldout: [10, 10, 10, 10, 10]);
        var c = CalibrationHoldout.Compute(new PoissonModel(0.1), summary, openBucket: 2);
        Assert.Equal(["0", "1", "2+"], c.Buckets.Select(b => b.Label));
        Assert.Equal([2, 1, 2], c.Buckets.Select(b => b.Customers));
        Assert.Equal([1.0, 1.0, 2.0], c.Buckets.Select(b => b.MeanActual));
        foreach (var b in c.Buckets) Assert.Equal(1.0, b.MeanPredicted, 1e-14);
        Assert.Equal(7, c.ActualTotal);
        Assert.Equal(5, c.PredictedTotal, 1e-13);
    }

    [Fact]
    public void Holdout_diagnostics_name_the_missing_column()
    {
        var noHoldout = new CustomerSummary(["a"], [1], [1], [2]);
        var e = Assert.Throws<ClvDataException>(() => CalibrationHoldout.Compute(new PoissonModel(1), noHoldout));
        Assert.Equal("frequency_holdout", e.Column);
        var noDuration = new CustomerSummary(["a"], [1], [1], [2], frequencyHoldout: [1]);
        Assert.Equal("duration_holdout", Assert.Throws<ClvDataException>(() => CalibrationHoldout.Compute(new PoissonModel(1), noDuration)).Column);
        Assert.Equal(2.0, CalibrationHoldout.Compute(new PoissonModel(1), noDuration, holdoutDuration: 2).PredictedTotal);
    }

    [Fact]
    public void Holdout_error_of_four_predictions()
    {
        var e = HoldoutError.Of([0, 1, 2, 3], [0.5, 1, 1.5, 4]);
        Assert.Equal(0.5, e.MeanAbsoluteError, 1e-15);
        Assert.Equal(Math.Sqrt(0.375), e.RootMeanSquaredError, 1e-15);
        Assert.Equal(5.5 / Math.Sqrt(5 * 7.25), e.Correlation, 1e-15);
        Assert.Equal(6, e.ActualTotal);
        Assert.Equal(7, e.PredictedTotal);
        Assert.True(double.IsNaN(HoldoutError.Of([1, 1], [0, 2]).Correlation));
    }

    [Fact]
    public void Model_comparison_of_two_poisson_models()
    {
        var summary = new CustomerSummary(["a", "b"], [2, 0], [3, 0], [4, 5], frequencyHoldout: [1, 0], durationHoldout: [2, 2]);
        var c = ModelComparison.Compute([new ComparedModel("slow", new PoissonModel(0.25), 1), new ComparedModel("fast", new PoissonModel(1), 1)], summary);
        // ln L = x ln(rate) - rate T: slow 2 ln 0.25 - 0.25*9, fast 0 - 9.
        double slow = 2 * Math.Log(0.25) - 2.25;
        Assert.Equal(slow, c.Scores[0].LogLikelihood, 1e-14);
        Assert.Equal(2 - 2 * slow, c.Scores[0].Aic, 1e-13);
        Assert.Equal(Math.Log(2) - 2 * slow, c.Scores[0].Bic, 1e-13);
        Assert.Equal(-9, c.Scores[1].LogLikelihood, 1e-14);
        Assert.Equal(0.5, c.Scores[0].Holdout!.MeanAbsoluteError, 1e-15); // predictions 0.5 each, actual 1 and 0
        Assert.Equal(1.5, c.Scores[1].Holdout!.MeanAbsoluteError, 1e-15); // predictions 2 each
        Assert.Null(ModelComparison.Compute([new ComparedModel("x", new PoissonModel(1), 1)], new CustomerSummary(["a"], [1], [1], [2])).Scores[0].Holdout);
    }

    [Fact]
    public void Tracking_of_a_small_log()
    {
        // A: first 2025-01-01, repeats 01-03 (period 1), 01-10 (period 2), 02-05 (after the window).
        // B: first 2025-01-08 (twice, counted once), repeat 01-20 (period 3). C: first purchase after the calibration end, left out.
        const string csv = "customer_id,date\nA,2025-01-01\nA,2025-01-03\nB,2025-01-08\nB,2025-01-08\nA,2025-01-10\nB,2025-01-20\nC,2025-01-25\nC,2025-01-27\nA,2025-02-05\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        var log = RepeatTransactionLog.Read(stream, "small.csv", null,
            new SummaryOptions { CalibrationEnd = new DateOnly(2025, 1, 21), ObservationEnd = new DateOnly(2025, 1, 28) });
        Assert.Equal(new DateOnly(2025, 1, 1), log.Origin);
        Assert.Equal(3, log.CalibrationPeriods);
        Assert.Equal([1L, 1, 1, 0], log.RepeatTransactions);
        Assert.Equal([0, 7], log.CohortDays);
        Assert.Equal(2, log.Customers);

        var tracking = Tracking.Compute(new PoissonModel(0.5), log);
        // E[X(t)] = t/2 at t = (last day of period k - first day)/7: k=1: A 6/7; k=2: A 13/7 + B 6/7; k=3: 20/7 + 13/7; k=4: 27/7 + 20/7.
        double[] expected = [3.0 / 7, 19.0 / 14, 33.0 / 14, 47.0 / 14];
        for (int k = 0; k < 4; k++) Assert.Equal(expected[k], tracking.ExpectedCumulative[k], 1e-14);
        Assert.Equal(expected[1] - expected[0], tracking.ExpectedIncremental[1], 1e-14);
        Assert.Equal([1.0, 2, 3, 3], tracking.ActualCumulative);
    }

    [Fact]
    public void Tracking_log_errors_name_file_row_and_column()
    {
        using var stream = new MemoryStream("customer_id,date\nA,2025-01-01\nA,2025-13-01\n"u8.ToArray());
        var e = Assert.Throws<ClvDataException>(() => RepeatTransactionLog.Read(stream, "bad.csv"));
        Assert.Equal(("bad.csv", 3L, "date"), (e.Source, e.Row, e.Column));
        using var noColumn = new MemoryStream("id,date\nA,2025-01-01\n"u8.ToArray());
        Assert.Equal("customer_id", Assert.Throws<ClvDataException>(() => RepeatTransactionLog.Read(noColumn, "bad.csv")).Column);
        using var good = new MemoryStream("customer_id,date\nA,2025-01-01\n"u8.ToArray());
        Assert.Contains("calendar", Assert.Throws<ClvDataException>(() => RepeatTransactionLog.Read(good, "log.csv", null, new SummaryOptions { Opportunities = CalendarPeriod.Years })).Message);
    }

    [Fact]
    public void Matrix_cells_are_the_model_at_the_grid_point_and_impossible_cells_are_nan()
    {
        var m = FrequencyRecencyMatrix.Compute(new PoissonModel(0.5), maxFrequency: 3, t: 10, recencyPoints: 5, horizon: 4);
        Assert.Equal([0, 1, 2, 3], m.Frequencies);
        Assert.Equal([0, 2.5, 5, 7.5, 10], m.Recencies);
        Assert.Equal(1, m.ProbabilityAlive(0, 0));
        Assert.True(double.IsNaN(m.ProbabilityAlive(0, 3)));
        Assert.True(double.IsNaN(m.ExpectedPurchases(0, 1)));
        Assert.Equal(2, m.ExpectedPurchases(3, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.ProbabilityAlive(4, 0));
    }
}
