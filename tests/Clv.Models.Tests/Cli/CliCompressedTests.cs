using System.Text.Json.Nodes;

namespace Clv.Models.Tests.Cli;

/// <summary>`clv summarize --compressed`, `clv fit` on a table with a count column, and `clv predict` refusing one.</summary>
public class CliCompressedTests
{
    /// <summary>`clv summarize` of the CDNOW log (with spend, calibration to 1997-09-30) to <paramref name="output"/>.</summary>
    internal static string[] Summarize(CliHarness cli, string output, params string[] extra) =>
    [
        "summarize", "--input", TestFiles.SampleData("cdnowElog.csv"), "--customer-column", "masterid", "--date-column", "date",
        "--amount-column", "sales", "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--output", cli.PathOf(output), .. extra,
    ];

    [Fact]
    public void Compressed_cdnow_fits_write_the_same_model_files_as_the_customers()
    {
        using var cli = new CliHarness();
        var full = cli.Run(Summarize(cli, "rfm.csv"));
        Assert.True(full.Exit == 0, full.Err);
        var c = cli.Run(Summarize(cli, "rfm-c.csv", "--compressed"));
        Assert.True(c.Exit == 0, c.Err);
        Assert.Contains("distinct (frequency, recency, T) rows written to", c.Out);
        Assert.Contains("946 repeat customers", c.Out);
        var lines = File.ReadAllLines(cli.PathOf("rfm-c.csv"));
        Assert.Equal("frequency,recency,T,count", lines[0]);
        Assert.Equal(2357, lines.Skip(1).Sum(l => int.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("frequency,monetary_value,count", File.ReadLines(cli.PathOf("rfm-c.spend.csv")).First());

        foreach (var model in new[] { "bg-nbd", "pareto-nbd", "mbg-nbd", "gamma-gamma" })
        {
            var a = cli.Run("fit", "--model", model, "--input", cli.PathOf("rfm.csv"), "--output", cli.PathOf($"{model}.json"));
            Assert.True(a.Exit == 0, a.Err);
            var b = cli.Run("fit", "--model", model, "--input", cli.PathOf("rfm-c.csv"), "--output", cli.PathOf($"{model}-c.json"));
            Assert.True(b.Exit == 0, b.Err);
            Assert.Equal(File.ReadAllText(cli.PathOf($"{model}.json")), File.ReadAllText(cli.PathOf($"{model}-c.json")));
            Assert.Contains(model == "gamma-gamma" ? "946 customers" : "2,357 customers", b.Out);
        }
        // The spend table alone is a Gamma-Gamma input too.
        var s = cli.Run("fit", "--model", "gamma-gamma", "--input", cli.PathOf("rfm-c.spend.csv"), "--output", cli.PathOf("gg-s.json"));
        Assert.True(s.Exit == 0, s.Err);
        Assert.Equal(File.ReadAllText(cli.PathOf("gamma-gamma.json")), File.ReadAllText(cli.PathOf("gg-s.json")));
        var model0 = JsonNode.Parse(File.ReadAllText(cli.PathOf("bg-nbd-c.json")))!;
        Assert.Equal(0.2426, (double)model0["parameters"]!["r"]!, 1e-3);
    }

    [Fact]
    public void A_hand_written_table_with_counts_fits_like_its_customers()
    {
        using var cli = new CliHarness();
        var table = cli.Write("t.csv", "frequency,recency,T,count\n0,0,30,40\n1,2.5,30,7\n1,4,25,5\n3,10,30,3\n5,20,28,2\n");
        var rows = new List<string> { "customer_id,frequency,recency,T" };
        int id = 0;
        foreach (var (row, n) in new[] { ("0,0,30", 40), ("1,2.5,30", 7), ("1,4,25", 5), ("3,10,30", 3), ("5,20,28", 2) })
            for (int k = 0; k < n; k++) rows.Add($"c{id++},{row}");
        var customers = cli.Write("c.csv", string.Join('\n', rows) + "\n");
        Assert.Equal(0, cli.Run("fit", "--model", "bg-nbd", "--input", table, "--output", cli.PathOf("a.json")).Exit);
        Assert.Equal(0, cli.Run("fit", "--model", "bg-nbd", "--input", customers, "--output", cli.PathOf("b.json")).Exit);
        Assert.Equal(File.ReadAllText(cli.PathOf("b.json")), File.ReadAllText(cli.PathOf("a.json")));
    }

    [Fact]
    public void Predict_and_evaluate_on_a_compressed_table_are_clear_errors()
    {
        using var cli = new CliHarness();
        var table = cli.Write("t.csv", "frequency,recency,T,count\n0,0,30,40\n1,2.5,30,7\n");
        var m = cli.Write("bg.json", """{"model": "bg-nbd", "parameters": {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}}""");
        var p = cli.Run("predict", "--model", m, "--input", table, "--horizon", "39", "--output", cli.PathOf("out.csv"));
        Assert.Equal(1, p.Exit);
        Assert.Contains("t.csv", p.Err);
        Assert.Contains("compressed summary", p.Err);
        Assert.Contains("predictions are per customer", p.Err);
        Assert.False(File.Exists(cli.PathOf("out.csv")));
        var e = cli.Run("evaluate", "--model", m, "--input", table, "--output-dir", cli.PathOf("report"));
        Assert.Equal(1, e.Exit);
        Assert.Contains("compressed summary", e.Err);
    }

    [Fact]
    public void Bad_compressed_input_is_a_clear_error()
    {
        using var cli = new CliHarness();
        var zero = cli.Write("z.csv", "frequency,recency,T,count\n0,0,30,40\n1,2.5,30,0\n");
        var f = cli.Run("fit", "--model", "bg-nbd", "--input", zero, "--output", cli.PathOf("a.json"));
        Assert.Equal(1, f.Exit);
        Assert.Contains("z.csv, line 3, column 'count'", f.Err);
        Assert.Contains("whole number of customers >= 1", f.Err);
        Assert.False(File.Exists(cli.PathOf("a.json")));

        var noSpend = cli.Write("n.csv", "frequency,recency,T,count\n0,0,30,40\n1,2.5,30,3\n");
        var g = cli.Run("fit", "--model", "gamma-gamma", "--input", noSpend, "--output", cli.PathOf("g.json"));
        Assert.Equal(1, g.Exit);
        Assert.Contains("no spend table", g.Err);
        Assert.Contains("n.spend.csv", g.Err);

        var spendOnly = cli.Write("s.csv", "frequency,monetary_value,count\n1,10,3\n");
        var h = cli.Run("fit", "--model", "bg-nbd", "--input", spendOnly, "--output", cli.PathOf("h.json"));
        Assert.Equal(1, h.Exit);
        Assert.Contains("spend table", h.Err);
        Assert.Contains("frequency,recency,T,count", h.Err);

        var u = cli.Run([.. Summarize(cli, "x.csv", "--compressed"), "--time-unit", "years"]);
        Assert.Equal(2, u.Exit);
        Assert.Contains("--compressed", u.Err);
    }
}
