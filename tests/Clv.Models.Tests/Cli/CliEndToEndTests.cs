using System.Globalization;
using System.Text.Json.Nodes;
using Clv.Models.BgNbd;

namespace Clv.Models.Tests.Cli;

public class CliEndToEndTests
{
    [Fact]
    public void Summarize_fit_predict_on_cdnow()
    {
        using var cli = new CliHarness();
        var s = cli.Run("summarize", "--input", TestFiles.SampleData("cdnowElog.csv"), "--customer-column", "masterid", "--date-column", "date",
            "--amount-column", "sales", "--date-format", "yyyyMMdd", "--time-unit", "weeks", "--calibration-end", "1997-09-30",
            "--observation-end", "1998-06-30", "--output", cli.PathOf("rfm.csv"));
        Assert.True(s.Exit == 0, s.Err);
        var header = File.ReadLines(cli.PathOf("rfm.csv")).First();
        Assert.Equal("customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,duration_holdout", header);
        Assert.Equal(2358, File.ReadLines(cli.PathOf("rfm.csv")).Count());

        var f = cli.Run("fit", "--model", "bg-nbd", "--input", cli.PathOf("rfm.csv"), "--output", cli.PathOf("model.json"));
        Assert.True(f.Exit == 0, f.Err);
        Assert.Contains("log-likelihood", f.Out);
        Assert.Contains("std. error", f.Out);
        var model = JsonNode.Parse(File.ReadAllText(cli.PathOf("model.json")))!;
        Assert.Equal("bg-nbd", (string?)model["model"]);
        // Full-precision CDNOW summary (BTYD's cbs): r 0.2426, alpha 4.4136, a 0.7930, b 2.4260 (BTYD reports 0.243, 4.414, 0.793, 2.426).
        Assert.Equal(0.2426, (double)model["parameters"]!["r"]!, 1e-3);
        Assert.Equal(4.414, (double)model["parameters"]!["alpha"]!, 5e-3);
        Assert.Equal(0.793, (double)model["parameters"]!["a"]!, 1e-3);
        Assert.Equal(2.426, (double)model["parameters"]!["b"]!, 3e-3);
        Assert.True((double)model["standard_errors"]!["r"]! > 0);
        Assert.True((bool)model["converged"]!);

        var p = cli.Run("predict", "--model", cli.PathOf("model.json"), "--input", cli.PathOf("rfm.csv"), "--horizon", "39", "--output", cli.PathOf("pred.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var lines = File.ReadAllLines(cli.PathOf("pred.csv"));
        Assert.Equal("customer_id,log_likelihood,p_alive,expected_purchases", lines[0]);
        Assert.Equal(2358, lines.Length);

        // Every written number round-trips to what the library computes for that customer.
        var parameters = model["parameters"]!;
        var bp = new BgNbdParameters((double)parameters["r"]!, (double)parameters["alpha"]!, (double)parameters["a"]!, (double)parameters["b"]!);
        var rfm = File.ReadAllLines(cli.PathOf("rfm.csv"));
        for (int i = 1; i < lines.Length; i += 97)
        {
            var c = lines[i].Split(',');
            var r = rfm[i].Split(',');
            Assert.Equal(r[0], c[0]);
            double x = D(r[1]), tx = D(r[2]), t = D(r[3]);
            Assert.Equal(BgNbdLikelihood.LogLikelihood(bp, x, tx, t), D(c[1]));
            Assert.Equal(BgNbdPredictions.ProbabilityAlive(bp, x, tx, t), D(c[2]));
            Assert.Equal(BgNbdPredictions.ExpectedPurchases(bp, 39, x, tx, t), D(c[3]));
        }
    }

    [Fact]
    public void Fit_reads_the_lifetimes_summary_and_matches_the_published_fit()
    {
        using var cli = new CliHarness();
        var f = cli.Run("fit", "--model", "bg-nbd", "--input", TestFiles.SampleData("cdnow_customers_summary.csv"), "--output", cli.PathOf("m.json"));
        Assert.True(f.Exit == 0, f.Err);
        var model = JsonNode.Parse(File.ReadAllText(cli.PathOf("m.json")))!;
        Assert.Equal(-9582.43, (double)model["log_likelihood"]!, 0.005);
        Assert.Equal(0.2426, (double)model["parameters"]!["r"]!, 5e-5);
    }

    [Fact]
    public void Predict_needs_only_model_and_parameters()
    {
        using var cli = new CliHarness();
        var m = cli.Write("m.json", """{"model": "bg-nbd", "parameters": {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}}""");
        var rfm = cli.Write("rfm.csv", "customer_id,frequency,recency,T\n1,2,30.43,38.86\n\"a,b\",0,0,38.86\n");
        var p = cli.Run("predict", "--model", m, "--input", rfm, "--horizon", "39", "--output", cli.PathOf("out.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var lines = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.StartsWith("1,", lines[1]);
        Assert.Equal(1.2259, D(lines[1].Split(',')[3]), 1e-4);
        Assert.StartsWith("\"a,b\",", lines[2]);
    }

    internal static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
