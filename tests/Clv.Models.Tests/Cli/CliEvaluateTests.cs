using System.Globalization;
using System.Text.RegularExpressions;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Diagnostics;
using Clv.Models.Tests.Plotting;

namespace Clv.Models.Tests.Cli;

public partial class CliEvaluateTests
{
    private const string BgNbd = """{"model": "bg-nbd", "parameters": {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}}""";
    private const string ParetoNbd = """{"model": "pareto-nbd", "parameters": {"r": 0.5533, "alpha": 10.578, "s": 0.6062, "beta": 11.667}}""";

    private static readonly string[] LogOptions =
        ["--customer-column", "masterid", "--date-column", "date", "--date-format", "yyyyMMdd", "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30"];

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)]+)\)")]
    private static partial Regex ImageLink();

    [Fact]
    public void Evaluate_two_models_with_holdout_and_transactions_writes_every_plot_and_the_report()
    {
        using var cli = new CliHarness();
        string log = TestFiles.SampleData("cdnowElog.csv");
        var s = cli.Run(["summarize", "--input", log, .. LogOptions, "--output", cli.PathOf("rfm.csv")]);
        Assert.True(s.Exit == 0, s.Err);
        cli.Write("bg.json", BgNbd);
        cli.Write("pn.json", ParetoNbd);
        var e = cli.Run(["evaluate", "--model", $"{cli.PathOf("bg.json")},{cli.PathOf("pn.json")}", "--input", cli.PathOf("rfm.csv"),
            "--transactions", log, .. LogOptions, "--svg", "--output-dir", cli.PathOf("report")]);
        Assert.True(e.Exit == 0, e.Err);

        string report = File.ReadAllText(cli.PathOf("report/report.md"));
        var links = ImageLink().Matches(report).Select(m => m.Groups[1].Value).ToArray();
        string[] perModel = ["repeat-transactions", "calibration-holdout", "tracking-cumulative", "tracking-incremental", "p-alive-matrix", "expected-purchases-matrix"];
        Assert.Equal(["model-comparison.png", .. perModel.Select(p => $"bg-nbd-{p}.png"), .. perModel.Select(p => $"pareto-nbd-{p}.png")], links);
        foreach (var link in links)
        {
            ImageFiles.AssertPng(cli.PathOf("report/" + link), 800, 500);
            ImageFiles.AssertSvg(cli.PathOf("report/" + Path.ChangeExtension(link, ".svg")), 800, 500);
        }

        // The report's numbers are the library's: BTYD's 4,339 cumulative repeat transactions at week 78, 1,882 in the holdout,
        // the CDNOW histogram counts, and the comparison row of the BG/NBD model.
        Assert.Contains("at the end of the log (week 78): actual 4339", report);
        Assert.Contains("| 0 | 1,411 |", report);
        Assert.Contains("| 7+ | 64 |", report);
        var summary = CustomerSummaryCsv.Read(cli.PathOf("rfm.csv"));
        var score = ModelComparison.Compute([new ComparedModel("bg-nbd", new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258), 4)], summary).Scores[0];
        Assert.Equal(1882, score.Holdout!.ActualTotal);
        var c = CultureInfo.InvariantCulture;
        Assert.Contains(string.Create(c, $"| bg-nbd | 4 | {score.LogLikelihood:F2} | {score.Aic:F2} | {score.Bic:F2} | {score.Holdout.MeanAbsoluteError:F4} |"), report);
        Assert.Contains("Model comparison, 2,357 customers", e.Out);
        Assert.Contains("26 plots", e.Out);
        Assert.Empty(Directory.GetFiles(cli.PathOf("report"), "*.tmp"));
    }

    [Fact]
    public void Evaluate_without_holdout_or_log_writes_the_histogram_and_matrices_only()
    {
        using var cli = new CliHarness();
        cli.Write("bg.json", BgNbd);
        var e = cli.Run("evaluate", "--model", cli.PathOf("bg.json"), "--input", TestFiles.SampleData("cdnow_customers_summary.csv"), "--output-dir", cli.PathOf("out"));
        Assert.True(e.Exit == 0, e.Err);
        Assert.Equal(["bg-nbd-expected-purchases-matrix.png", "bg-nbd-p-alive-matrix.png", "bg-nbd-repeat-transactions.png", "report.md"],
            Directory.GetFiles(cli.PathOf("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("no holdout columns", e.Out);
        Assert.Contains("no --transactions log", e.Out);
        Assert.DoesNotContain("Tracking", File.ReadAllText(cli.PathOf("out/report.md")));
    }

    [Fact]
    public void Holdout_without_its_length_needs_the_holdout_duration_option()
    {
        using var cli = new CliHarness();
        cli.Write("bg.json", BgNbd);
        string cbs = TestFiles.SampleData("cdnowSummary_cbs.csv");
        var e = cli.Run("evaluate", "--model", cli.PathOf("bg.json"), "--input", cbs, "--output-dir", cli.PathOf("out"));
        Assert.Equal(1, e.Exit);
        Assert.Contains("duration_holdout", e.Err);
        Assert.Contains("--holdout-duration", e.Err);
        Assert.False(Directory.Exists(cli.PathOf("out")));
    }

    [Theory]
    [InlineData(2, "--svg", "yes")]
    [InlineData(2, "--transactions", "tx.csv")]
    [InlineData(2, "--amount-column", "sales")]
    [InlineData(2, "--holdout-duration", "0")]
    public void Bad_options_are_usage_errors(int exit, string option, string value)
    {
        using var cli = new CliHarness();
        cli.Write("bg.json", BgNbd);
        var e = cli.Run("evaluate", "--model", cli.PathOf("bg.json"), "--input", TestFiles.SampleData("cdnow_customers_summary.csv"),
            "--output-dir", cli.PathOf("out"), option, value);
        Assert.Equal(exit, e.Exit);
        Assert.Contains("--", e.Err);
        Assert.False(Directory.Exists(cli.PathOf("out")));
    }

    [Fact]
    public void A_spend_model_is_refused_by_name()
    {
        using var cli = new CliHarness();
        cli.Write("gg.json", """{"model": "gamma-gamma", "parameters": {"p": 6.25, "q": 3.74, "gamma": 15.44}}""");
        var e = cli.Run("evaluate", "--model", cli.PathOf("gg.json"), "--input", TestFiles.SampleData("cdnow_customers_summary.csv"), "--output-dir", cli.PathOf("out"));
        Assert.Equal(1, e.Exit);
        Assert.Contains("gg.json", e.Err);
        Assert.Contains("transaction model", e.Err);
    }
}
