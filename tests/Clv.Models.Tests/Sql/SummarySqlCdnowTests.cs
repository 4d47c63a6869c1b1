using Clv.Models.Data;
using Clv.Models.Kernels;
using Clv.Models.Sql;

namespace Clv.Models.Tests.Sql;

/// <summary>
/// The shipped SQL (<see cref="SummarySql"/>) run on DuckDB over the CDNOW event log equals the library's own
/// <see cref="Summarizer"/> row by row, and its compressed tables equal the library's distinct-row collapse.
/// </summary>
public class SummarySqlCdnowTests
{
    private static readonly TransactionLogOptions Log = new()
    {
        CustomerColumn = "masterid", DateColumn = "date", DateFormat = "yyyyMMdd", AmountColumn = "sales",
    };

    /// <summary>
    /// The CDNOW input adapter: every column read as text (ids stay text, as in the library: zero-padded ids such as
    /// CDNOW_master.txt's '00001' are not turned into numbers), the yyyyMMdd date rebuilt as an ISO date with ANSI
    /// SUBSTRING, the amount parsed as DOUBLE like the library's double.Parse.
    /// </summary>
    private static string CdnowTransactionsView(string csv) => $"""
        CREATE VIEW {SummarySql.TransactionsRelation} AS
        SELECT masterid AS customer_id,
               CAST(SUBSTRING("date", 1, 4) || '-' || SUBSTRING("date", 5, 2) || '-' || SUBSTRING("date", 7, 2) AS DATE) AS purchase_date,
               CAST(sales AS DOUBLE) AS amount
        FROM read_csv({DuckDbRunner.Literal(csv)}, header = true, all_varchar = true)
        """;

    public static TheoryData<string, double> Windows => new()
    {
        { "1997-09-30", 7 },       // BTYD's cdnowSummary calibration: 39 weeks
        { "1998-06-30", 1 },       // the whole log, in days (the summariser's default end: the last date)
        { "1997-02-15", 30.4375 }, // ends inside the acquisition quarter: later first purchases are left out
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void SqlSummaryEqualsSummarizerRowByRow(string end, double unit)
    {
        var calibrationEnd = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture);
        CustomerSummary expected = Summarizer.Summarize(TestFiles.SampleData("cdnowElog.csv"), Log,
            new SummaryOptions { TimeUnitDays = unit, CalibrationEnd = calibrationEnd }).Summary;
        using var db = new DuckDbRunner();
        db.Execute(CdnowTransactionsView(TestFiles.SampleData("cdnowElog.csv")));
        var (columns, rows) = db.Query(SummarySql.CustomerSummary(calibrationEnd, unit));

        Assert.Equal(["customer_id", "frequency", "recency", "T", "monetary_value"], columns);
        SqlSummaryAssert.SameAsLibrary(expected, rows);
        if (end == "1997-02-15") Assert.InRange(expected.Count, 1, 2356); // the window really leaves customers out
    }

    [Fact]
    public void WholeLogWithoutCalibrationEndIsTheSqlAtTheLastDate()
    {
        CustomerSummary expected = Summarizer.Summarize(TestFiles.SampleData("cdnowElog.csv"), Log, new SummaryOptions { TimeUnitDays = 7 }).Summary;
        using var db = new DuckDbRunner();
        db.Execute(CdnowTransactionsView(TestFiles.SampleData("cdnowElog.csv")));
        var lastDate = (DateOnly)db.Query($"SELECT MAX(purchase_date) FROM {SummarySql.TransactionsRelation}").Rows[0][0];

        Assert.Equal(new DateOnly(1998, 6, 30), lastDate);
        SqlSummaryAssert.SameAsLibrary(expected, db.Query(SummarySql.CustomerSummary(lastDate, 7)).Rows);
    }

    [Fact]
    public void CompressedPurchaseTableEqualsDistinctRowsOfTheLibrarySummary()
    {
        var end = new DateOnly(1997, 9, 30);
        CustomerSummary s = Summarizer.Summarize(TestFiles.SampleData("cdnowElog.csv"), Log, new SummaryOptions { CalibrationEnd = end }).Summary;
        DistinctRows distinct = DistinctRows.Collapse(s.Frequency, s.Recency, s.T, []);
        var expected = Enumerable.Range(0, distinct.Count)
            .Select(i => (distinct.X[i], distinct.Recency[i], distinct.T[i], distinct.Weight[i])).Order().ToList();

        using var db = new DuckDbRunner();
        db.Execute(CdnowTransactionsView(TestFiles.SampleData("cdnowElog.csv")));
        db.Execute($"CREATE TABLE {SummarySql.SummaryRelation} AS {SummarySql.CustomerSummary(end)}");
        var (columns, rows) = db.Query(SummarySql.CompressedPurchases);
        var actual = rows.Select(r => (DuckDbRunner.Number(r[0]), DuckDbRunner.Number(r[1]), DuckDbRunner.Number(r[2]), DuckDbRunner.Number(r[3]))).Order().ToList();

        Assert.Equal(["frequency", "recency", "T", "count"], columns);
        Assert.InRange(expected.Count, 100, s.Count - 1); // CDNOW really compresses, and not to nothing
        Assert.Equal(expected, actual);
        Assert.Equal(s.Count, actual.Sum(r => r.Item4));
    }

    [Fact]
    public void CompressedSpendTableEqualsGroupedRepeatBuyersOfTheLibrarySummary()
    {
        var end = new DateOnly(1997, 9, 30);
        CustomerSummary s = Summarizer.Summarize(TestFiles.SampleData("cdnowElog.csv"), Log, new SummaryOptions { CalibrationEnd = end }).Summary;
        var expected = Enumerable.Range(0, s.Count).Where(i => s.Frequency[i] > 0)
            .GroupBy(i => (s.Frequency[i], s.MonetaryValue![i]))
            .Select(g => (g.Key.Item1, g.Key.Item2, (double)g.Count())).Order().ToList();

        using var db = new DuckDbRunner();
        db.Execute(CdnowTransactionsView(TestFiles.SampleData("cdnowElog.csv")));
        db.Execute($"CREATE TABLE {SummarySql.SummaryRelation} AS {SummarySql.CustomerSummary(end)}");
        var (columns, rows) = db.Query(SummarySql.CompressedSpend);
        var actual = rows.Select(r => (DuckDbRunner.Number(r[0]), DuckDbRunner.Number(r[1]), DuckDbRunner.Number(r[2]))).Order().ToList();

        Assert.Equal(["frequency", "monetary_value", "count"], columns);
        Assert.Equal(946, actual.Sum(r => r.Item3)); // CDNOW's repeat buyers (the Gamma-Gamma sample)
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
        {
            Assert.Equal(expected[k].Item1, actual[k].Item1);
            SqlSummaryAssert.SameAmount(expected[k].Item2, actual[k].Item2);
            Assert.Equal(expected[k].Item3, actual[k].Item3);
        }
    }
}
