using System.Text.Json.Nodes;
using Clv.Models.BgBb;
using static Clv.Models.Tests.Cli.CliEndToEndTests;

namespace Clv.Models.Tests.Cli;

public class CliBgBbTests
{
    [Fact]
    public void Fit_bg_bb_on_donations_matches_the_published_fit_and_predicts_the_worked_donor()
    {
        using var cli = new CliHarness();
        var f = cli.Run("fit", "--model", "bg-bb", "--input", TestFiles.SampleData("donations.csv"), "--output", cli.PathOf("bgbb.json"));
        Assert.True(f.Exit == 0, f.Err);
        Assert.Contains("BG/BB", f.Out);
        Assert.Contains("11,104 customers", f.Out);
        var model = JsonNode.Parse(File.ReadAllText(cli.PathOf("bgbb.json")))!;
        Assert.Equal("bg-bb", (string?)model["model"]);
        Assert.Equal(1.2035, (double)model["parameters"]!["alpha"]!, 5e-4);
        Assert.Equal(0.7497, (double)model["parameters"]!["beta"]!, 5e-4);
        Assert.Equal(0.6567, (double)model["parameters"]!["gamma"]!, 5e-4);
        Assert.Equal(2.7834, (double)model["parameters"]!["delta"]!, 5e-4);
        Assert.Equal(-33225.58, (double)model["log_likelihood"]!, 0.005);
        Assert.True((double)model["standard_errors"]!["gamma"]! > 0);

        var p = cli.Run("predict", "--model", cli.PathOf("bgbb.json"), "--input", TestFiles.SampleData("donations.csv"), "--horizon", "10",
            "--discount-rate", "0.1", "--output", cli.PathOf("out.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var lines = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.Equal("frequency,recency,periods,weight,log_likelihood,p_alive,expected_purchases,dert", lines[0]);
        Assert.Equal(23, lines.Length);
        var row = lines.Single(l => l.StartsWith("3,5,6,", StringComparison.Ordinal)).Split(',');
        // FHS (2010) worked donor x = 3, t_x = 5, n = 6: P(alive in 2002) 0.76683, E[X(6, 16)] 3.2253.
        Assert.Equal(0.76683, D(row[5]), 6e-6);
        Assert.Equal(3.2253, D(row[6]), 6e-5);
        var fitted = BgBbParameters.FromSpan([.. BgBbParameters.Names.Select(n => (double)model["parameters"]![n]!)]);
        Assert.Equal(BgBbLikelihood.LogLikelihood(fitted, 3, 5, 6), D(row[4]));
        Assert.Equal(BgBbPredictions.DiscountedExpectedResidualTransactions(fitted, 0.1, 3, 5, 6), D(row[7]));
    }

    [Fact]
    public void Summarize_in_years_then_fit_and_predict_by_customer()
    {
        using var cli = new CliHarness();
        var s = cli.Run("summarize", "--input", TestFiles.SampleData("discreteSimElog.csv"), "--customer-column", "cust", "--date-column", "date",
            "--time-unit", "years", "--calibration-end", "1977-12-31", "--output", cli.PathOf("rf.csv"));
        Assert.True(s.Exit == 0, s.Err);
        Assert.StartsWith("1,2,7,7", File.ReadAllLines(cli.PathOf("rf.csv"))[1], StringComparison.Ordinal);
        var f = cli.Run("fit", "--model", "bg-bb", "--input", cli.PathOf("rf.csv"), "--output", cli.PathOf("m.json"));
        Assert.True(f.Exit == 0, f.Err);
        var p = cli.Run("predict", "--model", cli.PathOf("m.json"), "--input", cli.PathOf("rf.csv"), "--horizon", "6", "--output", cli.PathOf("out.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var lines = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.Equal("customer_id,log_likelihood,p_alive,expected_purchases", lines[0]);
        Assert.Equal(10001, lines.Length);
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.5", "whole number")]
    [InlineData(null, "--horizon")]
    public void Bad_horizons_are_usage_errors(string? horizon, string message)
    {
        using var cli = new CliHarness();
        var m = cli.Write("m.json", """{"model": "bg-bb", "parameters": {"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.78}}""");
        string[] args = ["predict", "--model", m, "--input", TestFiles.SampleData("donations.csv"), "--output", cli.PathOf("out.csv")];
        if (horizon is not null) args = [.. args, "--horizon", horizon];
        var p = cli.Run(args);
        Assert.Equal(2, p.Exit);
        Assert.Contains(message, p.Err);
        Assert.False(File.Exists(cli.PathOf("out.csv")));
    }

    [Fact]
    public void Bad_input_rows_and_model_files_are_named()
    {
        using var cli = new CliHarness();
        var bad = cli.Write("rf.csv", "frequency,recency,periods\n1,1,6\n2,1,6\n");
        var f = cli.Run("fit", "--model", "bg-bb", "--input", bad, "--output", cli.PathOf("m.json"));
        Assert.Equal(1, f.Exit);
        Assert.Contains("rf.csv, line 3, column 'frequency'", f.Err);
        var m = cli.Write("m.json", """{"model": "bg-bb", "parameters": {"alpha": 1.2, "beta": 0.75, "gamma": 0.66}}""");
        var p = cli.Run("predict", "--model", m, "--input", TestFiles.SampleData("donations.csv"), "--horizon", "5", "--output", cli.PathOf("out.csv"));
        Assert.Equal(1, p.Exit);
        Assert.Contains("parameters.delta", p.Err);
    }

    [Fact]
    public void Simulate_and_spend_options_do_not_apply_to_bg_bb()
    {
        using var cli = new CliHarness();
        var sim = cli.Run("simulate", "--model", "bg-bb", "--customers", "10", "--output", cli.PathOf("tx.csv"));
        Assert.Equal(2, sim.Exit);
        Assert.Contains("BgBbSimulator", sim.Err);
        var m = cli.Write("m.json", """{"model": "bg-bb", "parameters": {"alpha": 1.2, "beta": 0.75, "gamma": 0.66, "delta": 2.78}}""");
        var p = cli.Run("predict", "--model", m, "--input", TestFiles.SampleData("donations.csv"), "--horizon", "5", "--discount-rate", "0.1",
            "--value-horizon", "10", "--output", cli.PathOf("out.csv"));
        Assert.Equal(2, p.Exit);
        Assert.Contains("do not apply", p.Err);
    }
}
