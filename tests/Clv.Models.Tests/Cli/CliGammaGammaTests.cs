using System.Text.Json.Nodes;
using Clv.Models.GammaGamma;
using static Clv.Models.Tests.Cli.CliEndToEndTests;

namespace Clv.Models.Tests.Cli;

public class CliGammaGammaTests
{
    [Fact]
    public void Fit_gamma_gamma_on_cdnow_repeat_buyers_matches_the_published_fit()
    {
        using var cli = new CliHarness();
        var f = cli.Run("fit", "--model", "gamma-gamma", "--input", TestFiles.SampleData("cdnow_customers_summary_with_transactions.csv"), "--output", cli.PathOf("gg.json"));
        Assert.True(f.Exit == 0, f.Err);
        Assert.Contains("946 customers", f.Out);
        Assert.Contains("population mean spend", f.Out);
        Assert.Contains("correlation of frequency and mean spend", f.Out);
        var model = JsonNode.Parse(File.ReadAllText(cli.PathOf("gg.json")))!;
        Assert.Equal("gamma-gamma", (string?)model["model"]);
        Assert.Equal(6.2488, (double)model["parameters"]!["p"]!, 5e-4);
        Assert.Equal(3.7446, (double)model["parameters"]!["q"]!, 5e-4);
        Assert.Equal(15.4477, (double)model["parameters"]!["gamma"]!, 5e-3);
        Assert.Equal(-4055.92, (double)model["log_likelihood"]!, 0.005);
        Assert.True((double)model["standard_errors"]!["q"]! > 0);
    }

    [Fact]
    public void Predict_with_a_spend_model_alone_writes_repeat_customers_only()
    {
        using var cli = new CliHarness();
        var m = cli.Write("gg.json", """{"model": "gamma-gamma", "parameters": {"p": 6.2488, "q": 3.7446, "gamma": 15.4477}}""");
        var rfm = cli.Write("rfm.csv", "customer_id,frequency,recency,T,monetary_value\na,2,30.43,38.86,22.35\nb,0,0,38.86,0\nc,1,1.71,38.86,11.77\n");
        var p = cli.Run("predict", "--model", m, "--input", rfm, "--output", cli.PathOf("out.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var lines = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.Equal(["customer_id,log_likelihood,expected_spend", "a,", "c,"], [lines[0], lines[1][..2], lines[2][..2]]);
        Assert.Equal(3, lines.Length);
        var gg = new GammaGammaParameters(6.2488, 3.7446, 15.4477);
        // E[M | x, m_x] = p(γ + x m_x)/(px + q − 1), FHL 2005 eq. 5, for customer a.
        Assert.Equal(6.2488 * (15.4477 + 2 * 22.35) / (6.2488 * 2 + 3.7446 - 1), D(lines[1].Split(',')[2]), 1e-12);
        var ll = new double[1];
        GammaGammaSpend.LogLikelihoods(gg, [1.0], [11.77], ll);
        Assert.Equal(ll[0], D(lines[2].Split(',')[1]));
    }

    [Fact]
    public void Spend_model_without_monetary_column_or_with_zero_spend_is_a_clear_error()
    {
        using var cli = new CliHarness();
        var m = cli.Write("gg.json", """{"model": "gamma-gamma", "parameters": {"p": 6.2, "q": 3.7, "gamma": 15.4}}""");
        var noMoney = cli.Write("rfm.csv", "customer_id,frequency,recency,T\na,2,30.43,38.86\n");
        var p = cli.Run("predict", "--model", m, "--input", noMoney, "--output", cli.PathOf("out.csv"));
        Assert.Equal(1, p.Exit);
        Assert.Contains("rfm.csv", p.Err);
        Assert.Contains("monetary_value", p.Err);
        Assert.False(File.Exists(cli.PathOf("out.csv")));

        var zero = cli.Write("rfm2.csv", "customer_id,frequency,recency,T,monetary_value\na,2,30.43,38.86,0\n");
        var f = cli.Run("fit", "--model", "gamma-gamma", "--input", zero, "--output", cli.PathOf("out.json"));
        Assert.Equal(1, f.Exit);
        Assert.Contains("customer 'a'", f.Err);
        Assert.Contains("mean spend > 0", f.Err);
        Assert.False(File.Exists(cli.PathOf("out.json")));
    }
}
