using System.Text.Json.Nodes;
using Clv.Models.ParetoNbd;
using static Clv.Models.Tests.Cli.CliEndToEndTests;

namespace Clv.Models.Tests.Cli;

public class CliParetoNbdTests
{
    [Fact]
    public void Fit_pareto_nbd_on_cdnow_matches_the_published_fit_and_predicts()
    {
        using var cli = new CliHarness();
        var f = cli.Run("fit", "--model", "pareto-nbd", "--input", TestFiles.SampleData("cdnow_customers_summary.csv"), "--output", cli.PathOf("pnbd.json"));
        Assert.True(f.Exit == 0, f.Err);
        Assert.Contains("Pareto/NBD", f.Out);
        var model = JsonNode.Parse(File.ReadAllText(cli.PathOf("pnbd.json")))!;
        Assert.Equal("pareto-nbd", (string?)model["model"]);
        // Fader & Hardie (2005 note): r 0.5533, alpha 10.578, s 0.6062, beta 11.667, LL -9594.97.
        Assert.Equal(0.5533, (double)model["parameters"]!["r"]!, 5e-4);
        Assert.Equal(10.578, (double)model["parameters"]!["alpha"]!, 5e-3);
        Assert.Equal(0.6062, (double)model["parameters"]!["s"]!, 5e-4);
        Assert.Equal(11.667, (double)model["parameters"]!["beta"]!, 5e-3);
        Assert.Equal(-9594.97, (double)model["log_likelihood"]!, 0.005);

        var rfm = cli.Write("rfm.csv", "customer_id,frequency,recency,T\n1,2,30.43,38.86\n2,0,0,38.86\n");
        var published = cli.Write("m.json", """{"model": "pareto-nbd", "parameters": {"r": 0.5533, "alpha": 10.578, "s": 0.6062, "beta": 11.667}}""");
        var p = cli.Run("predict", "--model", published, "--input", rfm, "--horizon", "39", "--output", cli.PathOf("out.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var lines = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.Equal("customer_id,log_likelihood,p_alive,expected_purchases", lines[0]);
        var c = lines[1].Split(',');
        // The note's worked example: P(alive) 0.8691, E[Y(39)] 1.4551 for x = 2, t_x = 30.43, T = 38.86.
        Assert.Equal(0.8691, D(c[2]), 5e-5);
        Assert.Equal(1.4551, D(c[3]), 5e-5);
        var pp = new ParetoNbdParameters(0.5533, 10.578, 0.6062, 11.667);
        Assert.Equal(ParetoNbdLikelihood.LogLikelihood(pp, 2, 30.43, 38.86), D(c[1]));
    }

    [Fact]
    public void A_bad_pareto_nbd_model_file_is_named()
    {
        using var cli = new CliHarness();
        var m = cli.Write("m.json", """{"model": "pareto-nbd", "parameters": {"r": 0.55, "alpha": 10.5, "a": 0.6, "b": 11}}""");
        var rfm = cli.Write("rfm.csv", "customer_id,frequency,recency,T\n1,2,30.43,38.86\n");
        var p = cli.Run("predict", "--model", m, "--input", rfm, "--horizon", "39", "--output", cli.PathOf("out.csv"));
        Assert.Equal(1, p.Exit);
        Assert.Contains("m.json", p.Err);
        Assert.Contains("parameters.s", p.Err);
        Assert.False(File.Exists(cli.PathOf("out.csv")));
    }
}
