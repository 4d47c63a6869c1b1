using Clv.Models.Data;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>Units, windows, same-day merging and CSV dialects of the summariser.</summary>
public class SummarizerTests
{
    private static readonly TransactionLogOptions WithAmount = new() { AmountColumn = "amount" };

    [Fact]
    public void DaysUnitSameDayMergingAndDefaultCalibrationEnd()
    {
        string path = TestFiles.Temp("days.csv",
            "customer_id,date,amount\n"
            + "a,2020-01-01,10\n"
            + "b,2020-01-03,5\n"
            + "a,2020-01-01,2\n"      // same day as the first: merged into the first day
            + "a,2020-01-05,3\n"
            + "a,2020-01-05,4\n"      // same repeat day: amounts summed (7)
            + "a,2020-01-08,1\n"
            + "c,2020-01-11,9\n");    // last date: T = 0
        SummaryResult r = Summarizer.Summarize(path, WithAmount, new SummaryOptions { TimeUnitDays = 1 });
        CustomerSummary s = r.Summary;

        Assert.Equal(["a", "b", "c"], s.CustomerIds);
        Assert.Equal([2.0, 0.0, 0.0], s.Frequency);
        Assert.Equal([7.0, 0.0, 0.0], s.Recency);
        Assert.Equal([10.0, 8.0, 0.0], s.T);
        Assert.Equal([(7.0 + 1.0) / 2, 0.0, 0.0], s.MonetaryValue!);
        Assert.Null(s.FrequencyHoldout);
        Assert.Null(s.DurationHoldout);
        Assert.Equal(7, r.TransactionsRead);
        Assert.Equal(0, r.TransactionsAfterWindow);
        Assert.Equal(new DateOnly(2020, 1, 1), r.FirstDate);
        Assert.Equal(new DateOnly(2020, 1, 11), r.LastDate);
    }

    [Fact]
    public void HoldoutColumnsAndExcludedTransactionsAreCounted()
    {
        string path = TestFiles.Temp("holdout.csv",
            "customer_id,date,amount\n"
            + "a,2020-01-01,10\n"
            + "a,2020-01-15,20\n"
            + "b,2020-01-02,1\n"
            + "a,2020-02-01,6\n"      // holdout
            + "a,2020-02-01,4\n"      // holdout, same day: one purchase of 10
            + "a,2020-02-10,30\n"     // holdout
            + "c,2020-02-03,5\n"      // first purchase after calibration: not in the summary
            + "b,2020-03-01,7\n");    // after the observation end: not used
        var options = new SummaryOptions
        {
            TimeUnitDays = 7, CalibrationEnd = new DateOnly(2020, 1, 28), ObservationEnd = new DateOnly(2020, 2, 25),
        };
        SummaryResult r = Summarizer.Summarize(path, WithAmount, options);
        CustomerSummary s = r.Summary;

        Assert.Equal(["a", "b"], s.CustomerIds);
        Assert.Equal([1.0, 0.0], s.Frequency);
        Assert.Equal([14 / 7.0, 0.0], s.Recency);
        Assert.Equal([27 / 7.0, 26 / 7.0], s.T);
        Assert.Equal([20.0, 0.0], s.MonetaryValue!);
        Assert.Equal([2.0, 0.0], s.FrequencyHoldout!);
        Assert.Equal([20.0, 0.0], s.MonetaryValueHoldout!);
        Assert.Equal([28 / 7.0, 28 / 7.0], s.DurationHoldout!);
        Assert.Equal(8, r.TransactionsRead);
        Assert.Equal(1, r.TransactionsAfterWindow);
        Assert.Equal(1, r.CustomersFirstPurchaseAfterCalibration);
        Assert.Equal(new DateOnly(2020, 3, 1), r.LastDate);
    }

    [Fact]
    public void WithoutObservationEndTransactionsAfterCalibrationAreCountedNotUsed()
    {
        string path = TestFiles.Temp("cal.csv", "customer_id,date\na,2020-01-01\na,2020-01-03\na,2020-01-09\nb,2020-01-20\n");
        SummaryResult r = Summarizer.Summarize(path, null, new SummaryOptions { TimeUnitDays = 1, CalibrationEnd = new DateOnly(2020, 1, 5) });
        Assert.Equal(["a"], r.Summary.CustomerIds);
        Assert.Equal([1.0], r.Summary.Frequency);
        Assert.Equal([2.0], r.Summary.Recency);
        Assert.Equal([4.0], r.Summary.T);
        Assert.Null(r.Summary.MonetaryValue);
        Assert.Equal(2, r.TransactionsAfterWindow);
        Assert.Equal(1, r.CustomersFirstPurchaseAfterCalibration);
    }

    [Fact]
    public void IsoDateTimesCrlfQuotedHeadersCaseInsensitiveNamesAndNoTrailingNewline()
    {
        string path = TestFiles.Temp("iso.csv",
            "\"Customer_ID\",\"Date\"\r\n"
            + "x,2014-01-01 00:00:00\r\n"
            + "x,2014-01-02T23:59:59.123Z\r\n"
            + "x,2014-01-03T08:00:00+05:00\r\n"
            + "x,2014-01-03T01:00:00-08:00\r\n"
            + "\"y\",2014-01-04");
        SummaryResult r = Summarizer.Summarize(path, null, new SummaryOptions { TimeUnitDays = 1 });
        Assert.Equal(["x", "y"], r.Summary.CustomerIds);
        Assert.Equal([2.0, 0.0], r.Summary.Frequency);
        Assert.Equal([2.0, 0.0], r.Summary.Recency);
        Assert.Equal([3.0, 0.0], r.Summary.T);
        Assert.Equal(5, r.TransactionsRead);
    }

    [Fact]
    public void CustomFormatDelimiterAndFractionalTimeUnit()
    {
        string path = TestFiles.Temp("semi.csv", "cust;day;value\n1;01/02/2021;1.5\n1;31/03/2021;2.5\n");
        var log = new TransactionLogOptions { CustomerColumn = "cust", DateColumn = "day", AmountColumn = "value", DateFormat = "dd/MM/yyyy", Delimiter = ';' };
        SummaryResult r = Summarizer.Summarize(path, log, new SummaryOptions { TimeUnitDays = SummaryOptions.ParseTimeUnit("29.5") });
        Assert.Equal([1.0], r.Summary.Frequency);
        Assert.Equal([58 / 29.5], r.Summary.Recency);
        Assert.Equal([2.5], r.Summary.MonetaryValue!);
    }

    [Fact]
    public void DiscreteSimStyleLogWithQuotedHeaders()
    {
        string path = TestFiles.Temp("discrete.csv", "\"cust\",\"date\"\n1,1970-01-01\n1,1972-01-01\n2,1970-01-01\n1,1975-01-01\n");
        SummaryResult r = Summarizer.Summarize(path, new TransactionLogOptions { CustomerColumn = "cust" }, new SummaryOptions { TimeUnitDays = 1 });
        Assert.Equal(["1", "2"], r.Summary.CustomerIds);
        Assert.Equal([2.0, 0.0], r.Summary.Frequency);
    }

    [Theory]
    [InlineData("days", 1.0)]
    [InlineData("Weeks", 7.0)]
    [InlineData("d", 1.0)]
    [InlineData(" 30.5 ", 30.5)]
    public void ParseTimeUnitAcceptsNamesAndNumbers(string text, double days) =>
        Assert.Equal(days, SummaryOptions.ParseTimeUnit(text));

    [Theory]
    [InlineData("months")]
    [InlineData("0")]
    [InlineData("-7")]
    [InlineData("NaN")]
    public void ParseTimeUnitRejectsOthers(string text) =>
        Assert.Throws<ArgumentException>(() => SummaryOptions.ParseTimeUnit(text));
}
