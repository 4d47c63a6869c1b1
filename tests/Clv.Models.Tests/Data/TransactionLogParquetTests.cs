using Clv.Models.Data;
using Clv.Models.Diagnostics;
using Clv.Models.Parquet;
using Xunit;

namespace Clv.Models.Tests.Data;

/// <summary>
/// Transaction logs read from Parquet: the CDNOW event log written to Parquet with its columns in every supported type and in
/// several row groups summarises to exactly the CSV path's summary (which reproduces BTYD's cdnowSummary, see
/// <see cref="SummarizerCdnowTests"/>), and the tracking counts are the CSV's.
/// </summary>
public class TransactionLogParquetTests
{
    private static readonly TransactionLogOptions Log = new() { CustomerColumn = "masterid", DateColumn = "date", DateFormat = "yyyyMMdd", AmountColumn = "sales" };

    private static readonly SummaryOptions Window = new() { TimeUnitDays = 7, CalibrationEnd = new DateOnly(1997, 9, 30), ObservationEnd = new DateOnly(1998, 6, 30) };

    private static readonly Lazy<SummaryResult> Csv = new(() => Summarizer.Summarize(TestFiles.Sample("cdnowElog.csv"), Log, Window));

    private static readonly Lazy<(string Id, string Date, string Sales)[]> Rows = new(() => CdnowParquetLog.Rows(TestFiles.Sample("cdnowElog.csv")));

    private static string Write(IdStorage id, DateStorage date, AmountStorage amount, int groupSize, bool nullable, (string, string, string)[]? rows = null)
    {
        string path = ParquetTests.TempPath("cdnow.parquet");
        CdnowParquetLog.Write(path, rows ?? Rows.Value, id, date, amount, groupSize, nullable);
        return path;
    }

    [Theory]
    [InlineData(IdStorage.Int32, DateStorage.Date, AmountStorage.Double, 1000, false)]
    [InlineData(IdStorage.String, DateStorage.Date, AmountStorage.Double, 6919, true)]
    [InlineData(IdStorage.Int64, DateStorage.TimestampMillis, AmountStorage.Double, 2048, false)]
    [InlineData(IdStorage.String, DateStorage.TimestampMicros, AmountStorage.Decimal, 777, true)]
    [InlineData(IdStorage.Int32, DateStorage.TimestampNanos, AmountStorage.Double, 3000, true)]
    [InlineData(IdStorage.Int64, DateStorage.Int96, AmountStorage.Double, 1500, false)]
    [InlineData(IdStorage.String, DateStorage.Text, AmountStorage.Double, 1000, false)]
    [InlineData(IdStorage.Int32, DateStorage.Compact, AmountStorage.Decimal, 500, true)]
    public void Cdnow_from_parquet_equals_the_csv_summary_row_by_row(IdStorage id, DateStorage date, AmountStorage amount, int groupSize, bool nullable)
    {
        string path = Write(id, date, amount, groupSize, nullable);
        AssertSame(Csv.Value, TransactionLogParquet.Summarize(path, Log, Window));
    }

    [Fact]
    public void Parquet_summary_keeps_the_btyd_totals()
    {
        // BTYD's cdnowSummary: 2,357 customers, 2,457 calibration and 1,882 holdout repeat transactions, 39-week holdout.
        var s = TransactionLogParquet.Summarize(Write(IdStorage.Int32, DateStorage.Date, AmountStorage.Double, 1000, false), Log, Window);
        Assert.Equal(2357, s.Summary.Count);
        Assert.Equal(6919, s.TransactionsRead);
        Assert.Equal(2457, s.Summary.Frequency.Sum());
        Assert.Equal(1882, s.Summary.FrequencyHoldout!.Sum());
        Assert.All(s.Summary.DurationHoldout!, d => Assert.Equal(39.0, d, 1e-12));
    }

    [Fact]
    public void An_unsorted_parquet_log_is_read_again_in_the_exact_mode()
    {
        var rows = Rows.Value.ToArray();
        new Random(3).Shuffle(rows);
        var shuffled = TransactionLogParquet.Summarize(Write(IdStorage.String, DateStorage.Date, AmountStorage.Double, 1000, false, rows), Log, Window);
        var expected = Csv.Value.Summary;
        Assert.Equal(expected.Count, shuffled.Summary.Count);
        var index = shuffled.Summary.CustomerIds.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        for (int i = 0; i < expected.Count; i++)
        {
            int j = index[expected.CustomerIds[i]];
            Assert.Equal(expected.Frequency[i], shuffled.Summary.Frequency[j]);
            Assert.Equal(expected.Recency[i], shuffled.Summary.Recency[j]);
            Assert.Equal(expected.T[i], shuffled.Summary.T[j]);
            Assert.Equal(expected.FrequencyHoldout![i], shuffled.Summary.FrequencyHoldout![j]);
            Assert.Equal(expected.MonetaryValue![i], shuffled.Summary.MonetaryValue![j], 1e-9); // sums in another order
        }
    }

    [Fact]
    public void Calendar_periods_and_no_window_work_as_for_csv()
    {
        string path = Write(IdStorage.Int64, DateStorage.Date, AmountStorage.Double, 1000, false);
        var years = new SummaryOptions { Opportunities = CalendarPeriod.Months, CalibrationEnd = new DateOnly(1997, 9, 30), ObservationEnd = new DateOnly(1998, 6, 30) };
        AssertSame(Summarizer.Summarize(TestFiles.Sample("cdnowElog.csv"), Log, years), TransactionLogParquet.Summarize(path, Log, years));
        var noAmount = Log with { AmountColumn = null };
        AssertSame(Summarizer.Summarize(TestFiles.Sample("cdnowElog.csv"), noAmount), TransactionLogParquet.Summarize(path, noAmount));
    }

    [Fact]
    public void Tracking_counts_from_parquet_equal_the_csv_counts()
    {
        var csv = RepeatTransactionLog.Read(TestFiles.Sample("cdnowElog.csv"), Log, Window);
        var parquet = TransactionLogParquet.ReadRepeatTransactions(Write(IdStorage.String, DateStorage.TimestampMicros, AmountStorage.Double, 1000, true), Log, Window);
        Assert.Equal(csv.Origin, parquet.Origin);
        Assert.Equal(csv.CalibrationPeriods, parquet.CalibrationPeriods);
        Assert.Equal(csv.LastDay, parquet.LastDay);
        Assert.Equal(csv.CohortDays, parquet.CohortDays);
        Assert.Equal(csv.CohortSizes, parquet.CohortSizes);
        Assert.Equal(csv.RepeatTransactions, parquet.RepeatTransactions);
        Assert.Equal(4339, parquet.RepeatTransactions.Sum()); // BTYD's cumulative repeat transactions at week 78
    }

    [Fact]
    public void Progress_counts_every_row_and_ends_at_the_whole_file()
    {
        var reports = new List<SummaryProgress>();
        var recorder = new Recorder(reports);
        TransactionLogParquet.Summarize(Write(IdStorage.Int32, DateStorage.Date, AmountStorage.Double, 1000, false), Log with { Progress = recorder }, Window);
        Assert.Equal([new SummaryProgress(6919, 1)], reports);
    }

    private sealed class Recorder(List<SummaryProgress> reports) : IProgress<SummaryProgress>
    {
        public void Report(SummaryProgress value) => reports.Add(value);
    }

    /// <summary>The same customers in the same order with bit-identical columns.</summary>
    internal static void AssertSame(SummaryResult expected, SummaryResult actual)
    {
        Assert.Equal(expected.TransactionsRead, actual.TransactionsRead);
        Assert.Equal(expected.TransactionsAfterWindow, actual.TransactionsAfterWindow);
        Assert.Equal(expected.CustomersFirstPurchaseAfterCalibration, actual.CustomersFirstPurchaseAfterCalibration);
        Assert.Equal(expected.FirstDate, actual.FirstDate);
        Assert.Equal(expected.LastDate, actual.LastDate);
        CustomerSummary e = expected.Summary, a = actual.Summary;
        Assert.Equal(e.CustomerIds, a.CustomerIds);
        Bits(e.Frequency, a.Frequency);
        Bits(e.Recency, a.Recency);
        Bits(e.T, a.T);
        Bits(e.MonetaryValue, a.MonetaryValue);
        Bits(e.FrequencyHoldout, a.FrequencyHoldout);
        Bits(e.MonetaryValueHoldout, a.MonetaryValueHoldout);
        Bits(e.DurationHoldout, a.DurationHoldout);
    }

    private static void Bits(IReadOnlyList<double>? expected, IReadOnlyList<double>? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is null) return;
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual!.Select(BitConverter.DoubleToInt64Bits));
    }
}
