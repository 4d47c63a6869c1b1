using Clv.Models.BgBb;
using Clv.Models.Data;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>Summaries in whole calendar periods (discrete opportunities, the BG/BB input).</summary>
public class SummarizerOpportunityTests
{
    private static readonly TransactionLogOptions Log = new() { CustomerColumn = "cust", DateColumn = "date" };

    [Fact]
    public void DiscreteSimElog_in_years_gives_the_hand_counted_opportunities()
    {
        // discreteSimElog.csv: 52,432 yearly transactions of 10,000 customers, all first buying in 1970, dates 1970..1983.
        // Customer 1 bought in 1970, 1975, 1977, 1981, 1983; customer 2 in 1970, 1978, 1979, 1980, 1982, 1983.
        var r = Summarizer.Summarize(TestFiles.Sample("discreteSimElog.csv"), Log, new SummaryOptions { Opportunities = CalendarPeriod.Years });
        var s = r.Summary;
        Assert.Equal(52432, r.TransactionsRead);
        Assert.Equal(10000, s.Count);
        Assert.Equal(("1", 4.0, 13.0, 13.0), (s.CustomerIds[0], s.Frequency[0], s.Recency[0], s.T[0]));
        Assert.Equal(("2", 5.0, 13.0, 13.0), (s.CustomerIds[1], s.Frequency[1], s.Recency[1], s.T[1]));
        Assert.Equal(52432 - 10000, s.Frequency.Sum());
        Assert.All(s.T, t => Assert.Equal(13.0, t));
    }

    [Fact]
    public void DiscreteSimElog_calibrated_to_1977_with_a_holdout_to_1983()
    {
        var options = new SummaryOptions
        {
            Opportunities = CalendarPeriod.Years,
            CalibrationEnd = new DateOnly(1977, 12, 31),
            ObservationEnd = new DateOnly(1983, 12, 31),
        };
        var s = Summarizer.Summarize(TestFiles.Sample("discreteSimElog.csv"), Log, options).Summary;
        Assert.Equal((2.0, 7.0, 7.0, 2.0, 6.0), (s.Frequency[0], s.Recency[0], s.T[0], s.FrequencyHoldout![0], s.DurationHoldout![0]));
        Assert.Equal((0.0, 0.0, 7.0, 5.0), (s.Frequency[1], s.Recency[1], s.T[1], s.FrequencyHoldout![1]));
        // Counted independently from the file (years <= 1977 after the first, and years after 1977).
        Assert.Equal(27161, s.Frequency.Sum());
        Assert.Equal(15271, s.FrequencyHoldout!.Sum());
        Assert.Equal(2900, s.Frequency.Count(x => x == 0));
    }

    [Fact]
    public void Same_period_purchases_count_once_and_months_and_quarters_are_consecutive()
    {
        string path = TestFiles.Temp("periods.csv",
            "cust,date\n"
            + "a,2020-01-15\n"
            + "a,2020-01-20\n"   // same month and quarter as the first
            + "a,2020-03-02\n"   // month 2 after, same quarter
            + "a,2020-12-31\n"   // month 11, quarter 3
            + "a,2021-01-01\n"   // month 12, quarter 4, next year
            + "b,2021-02-10\n");
        CustomerSummary Run(CalendarPeriod period) => Summarizer.Summarize(path, Log, new SummaryOptions { Opportunities = period }).Summary;
        var months = Run(CalendarPeriod.Months);
        Assert.Equal([3.0, 0.0], months.Frequency);
        Assert.Equal([12.0, 0.0], months.Recency);
        Assert.Equal([13.0, 0.0], months.T);
        var quarters = Run(CalendarPeriod.Quarters);
        Assert.Equal([2.0, 0.0], quarters.Frequency);
        Assert.Equal([4.0, 0.0], quarters.Recency);
        Assert.Equal([4.0, 0.0], quarters.T);
        var years = Run(CalendarPeriod.Years);
        Assert.Equal([1.0, 0.0], years.Frequency);
        Assert.Equal([1.0, 0.0], years.T);
    }

    [Fact]
    public void A_calibration_end_inside_a_period_is_an_error()
    {
        var options = new SummaryOptions { Opportunities = CalendarPeriod.Years, CalibrationEnd = new DateOnly(1977, 6, 30) };
        var e = Assert.Throws<ClvDataException>(() => Summarizer.Summarize(TestFiles.Sample("discreteSimElog.csv"), Log, options));
        Assert.Contains("last day of a period", e.Message);
    }

    [Fact]
    public void Summary_in_years_fits_as_bg_bb()
    {
        string output = TestFiles.Temp("years.csv", "");
        var r = Summarizer.Summarize(TestFiles.Sample("discreteSimElog.csv"), Log, new SummaryOptions { Opportunities = CalendarPeriod.Years });
        CustomerSummaryCsv.Write(r.Summary, output);
        var data = OpportunitySummaryCsv.Read(output);
        Assert.Equal(10000, data.Count);
        Assert.Equal(13, data.Periods[0]);
        var fit = new BgBbModel().Fit(data);
        Assert.True(fit.Estimate.Convergence.Converged);
    }
}
