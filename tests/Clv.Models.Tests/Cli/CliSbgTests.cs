using System.Text.Json.Nodes;
using Clv.Models.Sbg;
using static Clv.Models.Tests.Cli.CliEndToEndTests;

namespace Clv.Models.Tests.Cli;

public class CliSbgTests
{
    [Fact]
    public void Fit_sbg_on_the_regular_cohort_matches_the_published_fit()
    {
        using var cli = new CliHarness();
        var f = cli.Run("fit", "--model", "sbg", "--input", TestFiles.SampleData("retention_regular_calibration.csv"), "--output", cli.PathOf("sbg.json"));
        Assert.True(f.Exit == 0, f.Err);
        Assert.Contains("sBG", f.Out);
        Assert.Contains("1,000 customers", f.Out);
        Assert.Contains("periods 0..7", f.Out);
        var model = JsonNode.Parse(File.ReadAllText(cli.PathOf("sbg.json")))!;
        Assert.Equal("sbg", (string?)model["model"]);
        Assert.Equal(0.70408, (double)model["parameters"]!["alpha"]!, 5e-6);
        Assert.Equal(1.18204, (double)model["parameters"]!["beta"]!, 5e-6);
        Assert.Equal(-1680.265, (double)model["log_likelihood"]!, 5e-4);
        Assert.True((double)model["standard_errors"]!["alpha"]! > 0);
        Assert.True((bool)model["converged"]!);
    }

    [Fact]
    public void Predict_projects_the_cohort_next_to_its_actual_survivors()
    {
        using var cli = new CliHarness();
        var m = cli.Write("sbg.json", """{"model": "sbg", "parameters": {"alpha": 0.70408, "beta": 1.18204}}""");
        var p = cli.Run("predict", "--model", m, "--input", TestFiles.SampleData("retention_regular.csv"), "--horizon", "14", "--discount-rate", "0.1", "--output", cli.PathOf("out.csv"));
        Assert.True(p.Exit == 0, p.Err);
        Assert.Contains("15 rows", p.Out);
        var lines = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.Equal("cohort,period,survival,retention_rate,expected_survivors,actual_survivors,derl", lines[0]);
        Assert.Equal(16, lines.Length);
        Assert.StartsWith(",0,1,,1000,1000,", lines[1], StringComparison.Ordinal);
        var sbg = new SbgParameters(0.70408, 1.18204);
        string[] year8 = lines[9].Split(',');
        Assert.Equal("8", year8[1]);
        Assert.Equal(sbg.Survival(8), D(year8[2]));
        Assert.Equal((1.18204 + 7) / (0.70408 + 1.18204 + 7), D(year8[3]), 1e-15);
        Assert.Equal(220.1, D(year8[4]), 0.05);
        Assert.Equal(223, D(year8[5]));
        Assert.Equal(sbg.DiscountedExpectedResidualLifetime(0.1, 8), D(year8[6]));
        Assert.Equal("", lines[15].Split(',')[5]); // period 14: not observed
    }

    [Fact]
    public void Predict_without_input_writes_the_survival_curve_only()
    {
        using var cli = new CliHarness();
        var m = cli.Write("sbg.json", """{"model": "sbg", "parameters": {"alpha": 0.66809, "beta": 3.8061}}""");
        var p = cli.Run("predict", "--model", m, "--horizon", "3", "--output", cli.PathOf("out.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var lines = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.Equal(["period,survival,retention_rate", "0,1,"], lines[..2]);
        Assert.Equal(5, lines.Length);
        Assert.Equal(3.8061 / (0.66809 + 3.8061), D(lines[2].Split(',')[1]), 1e-15);
    }

    [Theory]
    [InlineData("--horizon", "2.5", "whole number")]
    [InlineData("--value-horizon", "3", "do not apply")]
    public void Predict_rejects_options_that_do_not_fit_a_retention_model(string option, string value, string fragment)
    {
        using var cli = new CliHarness();
        var m = cli.Write("sbg.json", """{"model": "sbg", "parameters": {"alpha": 0.7, "beta": 1.2}}""");
        string[] args = option == "--horizon"
            ? ["predict", "--model", m, option, value, "--output", cli.PathOf("out.csv")]
            : ["predict", "--model", m, "--horizon", "3", "--discount-rate", "0.1", option, value, "--output", cli.PathOf("out.csv")];
        var p = cli.Run(args);
        Assert.Equal(2, p.Exit);
        Assert.Contains(fragment, p.Err);
        Assert.False(File.Exists(cli.PathOf("out.csv")));
    }

    [Fact]
    public void Bad_survivor_file_and_bad_model_file_are_clear_errors()
    {
        using var cli = new CliHarness();
        var bad = cli.Write("cohorts.csv", "period,survivors\n0,100\n1,120\n");
        var f = cli.Run("fit", "--model", "sbg", "--input", bad, "--output", cli.PathOf("m.json"));
        Assert.Equal(1, f.Exit);
        Assert.Contains("cohorts.csv, line 3, column 'survivors'", f.Err);
        Assert.False(File.Exists(cli.PathOf("m.json")));

        var m = cli.Write("sbg.json", """{"model": "sbg", "parameters": {"alpha": 0.7, "b": 1.2}}""");
        var p = cli.Run("predict", "--model", m, "--horizon", "3", "--output", cli.PathOf("out.csv"));
        Assert.Equal(1, p.Exit);
        Assert.Contains("parameters.beta", p.Err);

        var s = cli.Run("simulate", "--model", "sbg", "--customers", "10", "--output", cli.PathOf("tx.csv"));
        Assert.Equal(2, s.Exit);
        Assert.Contains("not a transaction model", s.Err);
    }
}
