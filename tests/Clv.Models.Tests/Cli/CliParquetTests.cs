using Clv.Models.Parquet;
using Clv.Models.Tests.Data;

namespace Clv.Models.Tests.Cli;

/// <summary>`clv summarize`, `clv fit`, `clv predict` and `clv evaluate` with .parquet files, against the same commands on CSV.</summary>
public class CliParquetTests
{
    [Fact]
    public void Summarize_fit_and_predict_through_parquet_equal_the_csv_route()
    {
        using var cli = new CliHarness();
        foreach (var (name, extra) in new[] { ("rfm.csv", Array.Empty<string>()), ("rfm.parquet", []), ("rfm-c.parquet", ["--compressed"]) })
        {
            var r = cli.Run(CliCompressedTests.Summarize(cli, name, extra));
            Assert.True(r.Exit == 0, r.Err);
        }
        Assert.True(File.Exists(cli.PathOf("rfm-c.spend.parquet")));
        foreach (var input in new[] { "rfm.csv", "rfm.parquet", "rfm-c.parquet" })
        {
            var f = cli.Run("fit", "--model", "bg-nbd", "--input", cli.PathOf(input), "--output", cli.PathOf(input + ".json"));
            Assert.True(f.Exit == 0, f.Err);
        }
        string expected = File.ReadAllText(cli.PathOf("rfm.csv.json"));
        Assert.Equal(expected, File.ReadAllText(cli.PathOf("rfm.parquet.json")));
        Assert.Equal(expected, File.ReadAllText(cli.PathOf("rfm-c.parquet.json")));

        var a = cli.Run("predict", "--model", cli.PathOf("rfm.csv.json"), "--input", cli.PathOf("rfm.csv"), "--horizon", "39", "--output", cli.PathOf("p.csv"));
        Assert.True(a.Exit == 0, a.Err);
        var b = cli.Run("predict", "--model", cli.PathOf("rfm.csv.json"), "--input", cli.PathOf("rfm.parquet"), "--horizon", "39", "--output", cli.PathOf("p.parquet"));
        Assert.True(b.Exit == 0, b.Err);

        // Read the Parquet predictions back (the id as customer_id, every other column as a double) and compare with the CSV's text.
        var lines = File.ReadAllLines(cli.PathOf("p.csv"));
        string[] header = lines[0].Split(',');
        var table = ReadTable(cli.PathOf("p.parquet"), header);
        Assert.Equal(lines.Length - 1, table.Ids.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            string[] fields = lines[i].Split(',');
            Assert.Equal(fields[0], table.Ids[i - 1]);
            for (int c = 1; c < header.Length; c++)
                Assert.Equal(double.Parse(fields[c], System.Globalization.CultureInfo.InvariantCulture), table.Columns[c - 1][i - 1]);
        }
    }

    /// <summary>The CDNOW event log as Parquet (INT32 ids, DATE dates, DOUBLE sales, 1,000-row row groups) in the harness folder.</summary>
    private static string ParquetLog(CliHarness cli)
    {
        string path = cli.PathOf("tx.parquet");
        CdnowParquetLog.Write(path, CdnowParquetLog.Rows(TestFiles.SampleData("cdnowElog.csv")), IdStorage.Int32, DateStorage.Date, AmountStorage.Double, 1000, nullable: false);
        return path;
    }

    [Fact]
    public void Summarize_reads_a_parquet_log_to_the_same_files_as_the_csv_log()
    {
        using var cli = new CliHarness();
        string log = ParquetLog(cli);
        foreach (var (name, extra) in new[] { ("rfm.csv", Array.Empty<string>()), ("rfm-c.csv", ["--compressed"]), ("rfm.parquet", []) })
        {
            string[] csvArgs = CliCompressedTests.Summarize(cli, name, extra);
            var fromCsv = cli.Run(csvArgs);
            Assert.True(fromCsv.Exit == 0, fromCsv.Err);
            byte[] expected = File.ReadAllBytes(cli.PathOf(name));
            string[] parquetArgs = [.. csvArgs.Select(a => a == TestFiles.SampleData("cdnowElog.csv") ? log : a)];
            var fromParquet = cli.Run(parquetArgs);
            Assert.True(fromParquet.Exit == 0, fromParquet.Err);
            Assert.Equal(fromCsv.Out, fromParquet.Out);
            Assert.Equal(expected, File.ReadAllBytes(cli.PathOf(name)));
            if (extra.Length > 0) Assert.True(File.Exists(cli.PathOf("rfm-c.spend.csv")));
        }
        Assert.Contains("6,919 transactions (1997-01-01 .. 1998-06-30) -> 2,357 customers", cli.Run(CliCompressedTests.Summarize(cli, "x.csv")).Out);

        // A bad Parquet log is a data error (exit 1) naming the file and the column.
        var bad = cli.Run([.. CliCompressedTests.Summarize(cli, "y.csv").Select(a => a == TestFiles.SampleData("cdnowElog.csv") ? log : a == "sales" ? "cds" : a)]);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("tx.parquet", bad.Err);
        Assert.Contains("no such column", bad.Err);
        Assert.Contains("masterid, date, sales", bad.Err);
    }

    [Fact]
    public void Evaluate_tracks_a_parquet_log_as_the_csv_log()
    {
        using var cli = new CliHarness();
        string log = ParquetLog(cli);
        string csvLog = TestFiles.SampleData("cdnowElog.csv");
        string[] options = ["--customer-column", "masterid", "--date-column", "date", "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30"];
        Assert.Equal(0, cli.Run(["summarize", "--input", csvLog, .. options, "--output", cli.PathOf("rfm.csv")]).Exit);
        cli.Write("bg.json", """{"model": "bg-nbd", "parameters": {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}}""");
        foreach (var (tx, dir) in new[] { (csvLog, "csv"), (log, "parquet") })
        {
            var e = cli.Run(["evaluate", "--model", cli.PathOf("bg.json"), "--input", cli.PathOf("rfm.csv"), "--transactions", tx, .. options, "--output-dir", cli.PathOf(dir)]);
            Assert.True(e.Exit == 0, e.Err);
        }
        string report = File.ReadAllText(cli.PathOf("parquet/report.md"));
        Assert.Contains("at the end of the log (week 78): actual 4339", report); // BTYD's cumulative repeat transactions
        Assert.Equal(File.ReadAllText(cli.PathOf("csv/report.md")).Replace(csvLog, log, StringComparison.Ordinal), report);
    }

    internal static (string[] Ids, double[][] Columns) ReadTable(string path, string[] header)
    {
        using var file = ParquetColumns.Open(path);
        Assert.Equal(header, file.Names);
        return (file.Ids(header[0]), header.Skip(1).Select(h => file.Doubles(h, "a prediction")).ToArray());
    }
}
