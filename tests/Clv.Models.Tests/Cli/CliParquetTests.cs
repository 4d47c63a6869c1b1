using Clv.Models.Parquet;

namespace Clv.Models.Tests.Cli;

/// <summary>`clv summarize`, `clv fit` and `clv predict` with .parquet files, against the same commands on CSV.</summary>
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

    private static (string[] Ids, double[][] Columns) ReadTable(string path, string[] header)
    {
        using var file = ParquetColumns.Open(path);
        Assert.Equal(header, file.Names);
        return (file.Ids(header[0]), header.Skip(1).Select(h => file.Doubles(h, "a prediction")).ToArray());
    }
}
