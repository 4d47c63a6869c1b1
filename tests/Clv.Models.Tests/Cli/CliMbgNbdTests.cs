using System.Text.Json.Nodes;
using Clv.Models.Data;
using Clv.Models.MbgNbd;
using static Clv.Models.Tests.Cli.CliEndToEndTests;

namespace Clv.Models.Tests.Cli;

public class CliMbgNbdTests
{
    [Fact]
    public void Fit_mbg_nbd_on_cdnow_matches_the_published_fit_and_predicts()
    {
        using var cli = new CliHarness();
        var f = cli.Run("fit", "--model", "mbg-nbd", "--input", TestFiles.SampleData("cdnow_customers_summary.csv"), "--output", cli.PathOf("mbg.json"));
        Assert.True(f.Exit == 0, f.Err);
        Assert.Contains("MBG/NBD", f.Out);
        var model = JsonNode.Parse(File.ReadAllText(cli.PathOf("mbg.json")))!;
        Assert.Equal("mbg-nbd", (string?)model["model"]);
        // Issue 7: r 0.5248, alpha 6.1830, a 0.8914, b 1.6140, LL -9582.13.
        Assert.Equal(0.5248, (double)model["parameters"]!["r"]!, 5e-5);
        Assert.Equal(6.1830, (double)model["parameters"]!["alpha"]!, 5e-4);
        Assert.Equal(0.8914, (double)model["parameters"]!["a"]!, 5e-4);
        Assert.Equal(1.6140, (double)model["parameters"]!["b"]!, 5e-4);
        Assert.Equal(-9582.13, (double)model["log_likelihood"]!, 0.005);

        var rfm = cli.Write("rfm.csv", "customer_id,frequency,recency,T\n1,2,30.43,38.86\n2,0,0,38.86\n");
        var p = cli.Run("predict", "--model", cli.PathOf("mbg.json"), "--input", rfm, "--horizon", "39", "--output", cli.PathOf("out.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var lines = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.Equal("customer_id,log_likelihood,p_alive,expected_purchases", lines[0]);
        var c = lines[1].Split(',');
        // Issue 7: P(alive) 0.7061 and E[Y(39)] 1.2627 for x = 2, t_x = 30.43, T = 38.86.
        Assert.Equal(0.7061, D(c[2]), 5e-5);
        Assert.Equal(1.2627, D(c[3]), 5e-5);
        // A customer with no repeat purchase may be dead under MBG/NBD (P(alive) = 1 under BG/NBD).
        Assert.InRange(D(lines[2].Split(',')[2]), 0.1, 0.9);

        // DERT at 15 %/year: the library's value for the model file's parameters.
        var v = cli.Run("predict", "--model", cli.PathOf("mbg.json"), "--input", rfm, "--horizon", "39", "--discount-rate", "0.002688", "--output", cli.PathOf("dert.csv"));
        Assert.True(v.Exit == 0, v.Err);
        var dert = File.ReadAllLines(cli.PathOf("dert.csv"));
        Assert.Equal("customer_id,log_likelihood,p_alive,expected_purchases,dert", dert[0]);
        var ps = model["parameters"]!;
        var fitted = new MbgNbdParameters((double)ps["r"]!, (double)ps["alpha"]!, (double)ps["a"]!, (double)ps["b"]!);
        var expected = new double[2];
        fitted.DiscountedExpectedTransactions(0.002688, double.PositiveInfinity, [2, 0], [30.43, 0], [38.86, 38.86], expected);
        Assert.Equal(expected[0], D(dert[1].Split(',')[4]), 1e-12 * expected[0]);
        Assert.Equal(expected[1], D(dert[2].Split(',')[4]), 1e-12 * expected[1]);
    }

    [Fact]
    public void Simulate_mbg_nbd_uses_the_cdnow_defaults_and_a_bad_model_file_is_named()
    {
        using var cli = new CliHarness();
        var run = cli.Run("simulate", "--model", "mbg-nbd", "--customers", "400", "--seed", "9", "--output", cli.PathOf("tx.csv"));
        Assert.True(run.Exit == 0, run.Err);
        var expected = new StringWriter();
        TransactionLogSimulator.Write(new MbgNbdParameters(0.5248, 6.1830, 0.8914, 1.6140), new LogSimulationOptions { Customers = 400, Seed = 9 }, expected);
        Assert.Equal(expected.ToString(), File.ReadAllText(cli.PathOf("tx.csv")));

        var m = cli.Write("m.json", """{"model": "mbg-nbd", "parameters": {"r": 0.52, "alpha": 6.2, "a": 0.89}}""");
        var rfm = cli.Write("rfm.csv", "customer_id,frequency,recency,T\n1,2,30.43,38.86\n");
        var p = cli.Run("predict", "--model", m, "--input", rfm, "--horizon", "39", "--output", cli.PathOf("out.csv"));
        Assert.Equal(1, p.Exit);
        Assert.Contains("m.json", p.Err);
        Assert.Contains("parameters.b", p.Err);
        Assert.False(File.Exists(cli.PathOf("out.csv")));
    }
}
