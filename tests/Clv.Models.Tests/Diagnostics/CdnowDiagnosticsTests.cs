using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Diagnostics;
using static Clv.Models.Tests.Diagnostics.DiagnosticsFixture;

namespace Clv.Models.Tests.Diagnostics;

/// <summary>
/// The diagnostics on CDNOW at the published BG/NBD and Pareto/NBD estimates against the 50-digit aggregates of
/// diagnostics_reference.py, BTYD's tracking data (cdnowSummary$cu.tracking) and the published counts.
/// </summary>
public class CdnowDiagnosticsTests
{
    private static readonly string[] Names = ["bg-nbd", "pareto-nbd"];

    public static TheoryData<string> ModelNames => [.. Names];

    [Fact]
    public void Tracking_actuals_are_btyd_cu_tracking_reaching_4339_at_week_78()
    {
        var log = Log;
        Assert.Equal(new DateOnly(1997, 1, 1), log.Origin);
        Assert.Equal(78, log.Periods);
        Assert.Equal(39, log.CalibrationPeriods);
        Assert.Equal(2357, log.Customers);
        var published = TestFiles.ReadNumericColumns(TestFiles.SampleData("cdnowSummary_cu_tracking.csv"))["value"];
        var tracking = Tracking.Compute(PublishedModels["bg-nbd"], log);
        Assert.Equal(published, tracking.ActualCumulative);
        Assert.Equal(4339, tracking.ActualCumulative[77]);
        Assert.Equal(Summary.Frequency.Sum(), tracking.ActualCumulative[38]); // 2,457 calibration repeat transactions
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Tracking_expectation_matches_the_reference(string name)
    {
        var tracking = Tracking.Compute(PublishedModels[name], Log);
        for (int k = 1; k <= 78; k++)
            AssertRelative(Reference(name, "tracking_expected_cumulative", k), tracking.ExpectedCumulative[k - 1], 1e-9, $"{name} week {k}");
        // Second route: at the end of calibration every customer has been observed for exactly T_i, so the expectation is sum_i E[X(T_i)].
        double sum = Summary.T.Sum(t => PublishedModels[name].ExpectedPurchasesNewCustomer(t));
        AssertRelative(sum, tracking.ExpectedCumulative[38], 1e-12, "week 39 = sum of E[X(T_i)]");
        AssertRelative(tracking.ExpectedCumulative[77], tracking.ExpectedIncremental.Sum(), 1e-12, "increments add up");
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Histogram_matches_the_reference(string name)
    {
        var h = RepeatTransactionHistogram.Compute(PublishedModels[name], Summary, estimatedParameters: 4);
        // Observed CDNOW counts of customers with 0..6 and 7+ repeat purchases (counted from cdnowSummary_cbs.csv by the reference script too).
        Assert.Equal([1411, 439, 214, 100, 62, 38, 29, 64], h.Bins.Select(b => b.Observed));
        for (int n = 0; n <= 7; n++)
        {
            Assert.Equal(Reference(name, "histogram_observed", n), h.Bins[n].Observed);
            AssertRelative(Reference(name, "histogram_expected", n), h.Bins[n].Expected, 1e-9, $"{name} expected n={n}");
        }

        Assert.Equal(3, h.ChiSquare.DegreesOfFreedom);
        AssertRelative(Reference(name, "chi_square"), h.ChiSquare.Statistic, 1e-8, "chi-square");
        AssertRelative(Reference(name, "chi_square_p"), h.ChiSquare.PValue, 1e-8, "p-value");
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Calibration_holdout_matches_the_reference(string name)
    {
        var c = CalibrationHoldout.Compute(PublishedModels[name], Summary, holdoutDuration: HoldoutWeeks);
        Assert.Equal(1882, c.ActualTotal);
        AssertRelative(Reference(name, "predicted_total"), c.PredictedTotal, 1e-9, "predicted total");
        for (int k = 0; k <= 7; k++)
        {
            Assert.Equal(Reference(name, "holdout_customers", k), c.Buckets[k].Customers);
            AssertRelative(Reference(name, "holdout_mean_actual", k), c.Buckets[k].MeanActual, 1e-12, $"actual {k}");
            AssertRelative(Reference(name, "holdout_mean_predicted", k), c.Buckets[k].MeanPredicted, 1e-9, $"predicted {k}");
        }
    }

    [Fact]
    public void Model_comparison_matches_the_reference()
    {
        var c = ModelComparison.Compute([.. Names.Select(n => new ComparedModel(n, PublishedModels[n], 4))], Summary, HoldoutWeeks);
        Assert.Equal(2357, c.Customers);
        foreach (var s in c.Scores)
        {
            AssertRelative(Reference(s.Name, "log_likelihood"), s.LogLikelihood, 1e-10, $"{s.Name} LL");
            AssertRelative(Reference(s.Name, "aic"), s.Aic, 1e-10, "AIC");
            AssertRelative(Reference(s.Name, "bic"), s.Bic, 1e-10, "BIC");
            AssertRelative(Reference(s.Name, "mae"), s.Holdout!.MeanAbsoluteError, 1e-9, "MAE");
            AssertRelative(Reference(s.Name, "rmse"), s.Holdout.RootMeanSquaredError, 1e-9, "RMSE");
            AssertRelative(Reference(s.Name, "correlation"), s.Holdout.Correlation, 1e-9, "correlation");
        }

        // The published CDNOW log-likelihoods (lifetimes, on the 2-dp summary): BG/NBD -9582.43, Pareto/NBD -9594.97.
        Assert.Equal(-9582.4, c.Scores[0].LogLikelihood, 0.5);
        Assert.Equal(-9595.0, c.Scores[1].LogLikelihood, 0.5);
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Matrix_cells_match_the_reference(string name)
    {
        var m = FrequencyRecencyMatrix.Compute(PublishedModels[name], Summary, HoldoutWeeks);
        Assert.Equal(30, m.Frequencies.Count); // x = 0..29
        Assert.Equal(40, m.Recencies.Count);   // 0..T in 39 steps, T = 272/7
        Assert.Equal(Summary.T.Max(), m.T);
        foreach (var (x, j) in new[] { (0, 0), (1, 1), (1, 20), (5, 10), (5, 39), (12, 30), (29, 39), (29, 2) })
        {
            AssertRelative(Reference(name, "matrix_p_alive", $"{x}:{j}"), m.ProbabilityAlive(x, j), 1e-10, $"P(alive) {x}:{j}");
            AssertRelative(Reference(name, "matrix_expected", $"{x}:{j}"), m.ExpectedPurchases(x, j), 1e-9, $"E[Y] {x}:{j}");
        }
    }
}

/// <summary>The tracking log read in days agrees with the summariser and with the weekly tracking.</summary>
public class TrackingUnitsTests
{
    [Fact]
    public void Daily_tracking_agrees_with_the_daily_summary_and_the_weekly_curve()
    {
        var days = DiagnosticsFixture.WindowOptions with { TimeUnitDays = 1 };
        var log = RepeatTransactionLog.Read(TestFiles.SampleData("cdnowElog.csv"), DiagnosticsFixture.LogOptions, days);
        Assert.Equal(546, log.Periods);
        Assert.Equal(273, log.CalibrationPeriods);
        var summary = Summarizer.Summarize(TestFiles.SampleData("cdnowElog.csv"), DiagnosticsFixture.LogOptions, days).Summary;

        // BG/NBD in days: alpha scales with the time unit (lambda per day = lambda per week / 7).
        var weekly = new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258);
        var daily = weekly with { Alpha = weekly.Alpha * 7 };
        var tracking = Tracking.Compute(daily, log);
        Assert.Equal(summary.Frequency.Sum(), tracking.ActualCumulative[272]);
        Assert.Equal(summary.Frequency.Sum() + summary.FrequencyHoldout!.Sum(), tracking.ActualCumulative[^1]);
        AssertRelative(summary.T.Sum(t => daily.ExpectedPurchasesNewCustomer(t)), tracking.ExpectedCumulative[272], 1e-12, "day 273");

        var byWeek = Tracking.Compute(weekly, DiagnosticsFixture.Log);
        for (int k = 1; k <= 78; k++)
        {
            Assert.Equal(byWeek.ActualCumulative[k - 1], tracking.ActualCumulative[7 * k - 1]);
            AssertRelative(byWeek.ExpectedCumulative[k - 1], tracking.ExpectedCumulative[7 * k - 1], 1e-12, $"week {k}");
        }
    }
}
