using System.Globalization;
using System.Text;
using Clv.Models.Data;
using Clv.Models.Sql;

namespace Clv.Models.Tests.Sql;

/// <summary>
/// The shipped SQL on a constructed, shuffled log with the cases the CDNOW log lacks: ISO timestamps with times of day and
/// zone offsets (the date is taken as written), several purchases on one day, look-alike ids ('7' and '007'), customers
/// who first buy after the calibration end; and the parameters and dialects of <see cref="SummarySql.CustomerSummary"/>.
/// </summary>
public class SummarySqlLogTests
{
    private static readonly TransactionLogOptions Log = new() { CustomerColumn = "customer_id", DateColumn = "timestamp", AmountColumn = "amount" };

    /// <summary>The ISO input adapter: the first 10 characters are the date as written, whatever time and offset follow.</summary>
    private static string IsoTransactionsView(string csv) => $"""
        CREATE VIEW {SummarySql.TransactionsRelation} AS
        SELECT customer_id, CAST(SUBSTRING("timestamp", 1, 10) AS DATE) AS purchase_date, CAST(amount AS DOUBLE) AS amount
        FROM read_csv({DuckDbRunner.Literal(csv)}, header = true, all_varchar = true)
        """;

    /// <summary>A shuffled log of 300 customers over 2024, dates written in the ISO forms the summariser accepts.</summary>
    private static string WriteLog(string path)
    {
        var rng = new Random(20261202);
        string[] forms = ["{0}", "{0}T23:59:59+05:00", "{0} 00:00:01", "{0}T10:00:00Z", "{0}T10:00:00.123-08:00", "{0}T01:30"];
        var lines = new List<string>();
        for (int c = 0; c < 300; c++)
        {
            string id = c switch { 0 => "7", 1 => "007", _ => "c" + c.ToString(CultureInfo.InvariantCulture) };
            int offset = rng.Next(c % 10 == 0 ? 365 : 200); // some customers first buy after September
            var first = new DateOnly(2024, 1, 1).AddDays(c < 2 ? 0 : offset);
            int purchases = 1 + rng.Next(8);
            for (int k = 0; k < purchases; k++)
            {
                var day = k == 0 ? first : first.AddDays(rng.Next(3) == 0 ? 0 : rng.Next(366 - first.DayOfYear)); // a third on the first day
                string date = string.Format(CultureInfo.InvariantCulture, forms[rng.Next(forms.Length)], day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{id},{date},{rng.Next(1, 20000) / 100.0}"));
            }
        }
        var shuffled = lines.OrderBy(_ => rng.Next()).ToList();
        File.WriteAllText(path, "customer_id,timestamp,amount\n" + string.Join('\n', shuffled) + "\n", Encoding.UTF8);
        return path;
    }

    [Theory]
    [InlineData("2024-09-30", 7)]
    [InlineData("2024-12-31", 1)]
    [InlineData("2024-06-15", 0.30000000000000004)] // a unit that only round-trips with all 17 digits
    public void ShuffledIsoLogSqlSummaryEqualsSummarizer(string end, double unit)
    {
        string dir = Directory.CreateTempSubdirectory("clv-sql-").FullName;
        try
        {
            string csv = WriteLog(Path.Combine(dir, "log.csv"));
            var calibrationEnd = DateOnly.Parse(end, CultureInfo.InvariantCulture);
            SummaryResult expected = Summarizer.Summarize(csv, Log, new SummaryOptions { TimeUnitDays = unit, CalibrationEnd = calibrationEnd });
            using var db = new DuckDbRunner();
            db.Execute(IsoTransactionsView(csv));
            var rows = db.Query(SummarySql.CustomerSummary(calibrationEnd, unit)).Rows;

            SqlSummaryAssert.SameAsLibrary(expected.Summary, rows);
            Assert.Contains("7", expected.Summary.CustomerIds);
            Assert.Contains("007", expected.Summary.CustomerIds);
            if (end == "2024-09-30") Assert.True(expected.CustomersFirstPurchaseAfterCalibration > 0);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void NullAmountsGiveZeroMonetaryValue()
    {
        using var db = new DuckDbRunner();
        db.Execute($"""
            CREATE VIEW {SummarySql.TransactionsRelation} AS
            SELECT * FROM (VALUES ('a', DATE '2024-01-01', CAST(NULL AS DOUBLE)), ('a', DATE '2024-01-08', NULL), ('b', DATE '2024-01-02', NULL))
                AS v(customer_id, purchase_date, amount)
            """);
        var rows = db.Query(SummarySql.CustomerSummary(new DateOnly(2024, 1, 15)) + " ORDER BY customer_id").Rows;

        Assert.Equal([1.0, 1.0, 2.0, 0.0], rows[0].Skip(1).Select(DuckDbRunner.Number));
        Assert.Equal([0.0, 0.0, 13 / 7.0, 0.0], rows[1].Skip(1).Select(DuckDbRunner.Number));
    }

    [Fact]
    public void SparkDialectDiffersOnlyInTheDateDifference()
    {
        var end = new DateOnly(1997, 9, 30);
        string duck = SummarySql.CustomerSummary(end, 7);
        string spark = SummarySql.CustomerSummary(end, 7, SqlDialect.Spark);

        Assert.Single(AllIndexes(duck, SummarySql.DateDifference));
        Assert.Empty(AllIndexes(spark, SummarySql.DateDifference));
        Assert.Equal(duck.Replace(SummarySql.DateDifference, SummarySql.SparkDateDifference, StringComparison.Ordinal), spark);
        Assert.DoesNotContain("${", duck, StringComparison.Ordinal);
        Assert.Contains("DATE '1997-09-30'", duck, StringComparison.Ordinal);
        Assert.Contains("CAST(7 AS DOUBLE)", duck, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-7.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidTimeUnitIsRejected(double unit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SummarySql.CustomerSummary(new DateOnly(2024, 1, 1), unit));

    private static List<int> AllIndexes(string text, string part)
    {
        var found = new List<int>();
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) found.Add(i);
        return found;
    }
}
