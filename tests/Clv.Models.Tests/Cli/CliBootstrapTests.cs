using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.Uncertainty;
using Clv.Models.Valuation;
using static Clv.Models.Tests.Cli.CliEndToEndTests;

namespace Clv.Models.Tests.Cli;

/// <summary>`clv fit --bootstrap` and `clv predict --bootstrap --intervals`, checked against the library's bootstrap with the same options.</summary>
public class CliBootstrapTests
{
    private static readonly string Cdnow = TestFiles.SampleData("cdnow_customers_summary_with_transactions.csv");

    [Fact]
    public void Fit_with_bootstrap_prints_the_library_bootstrap_standard_errors_and_percentile_intervals()
    {
        using var cli = new CliHarness();
        var f = cli.Run("fit", "--model", "bg-nbd", "--input", Cdnow, "--output", cli.PathOf("m.json"), "--bootstrap", "40", "--seed", "3", "--intervals", "0.8");
        Assert.True(f.Exit == 0, f.Err);
        Assert.Contains("bootstrap: 40 nonparametric replicates, seed 3; 0 failed to converge (excluded)", f.Out);
        var customers = CustomerSummaryCsv.Read(Cdnow);
        var boot = Bootstrap.Purchases(new BgNbdModel().Fit(customers), customers, new BootstrapOptions { Replicates = 40, Seed = 3, ConfidenceLevel = 0.8 });
        var table = f.Out[f.Out.IndexOf("bootstrap:", StringComparison.Ordinal)..].Split('\n');
        foreach (var p in boot.Parameters)
        {
            var cells = table.Single(l => l.TrimStart().StartsWith(p.Name + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(p.StandardError, D(cells[2]), 1e-5 * p.StandardError); // printed with 6 significant digits
            Assert.Equal(p.Lower, D(cells[3]), 1e-5 * p.Lower);
            Assert.Equal(p.Upper, D(cells[4]), 1e-5 * p.Upper);
        }
    }

    [Fact]
    public void Predict_with_bootstrap_adds_lower_and_upper_after_every_prediction_column_equal_to_the_library_and_independent_of_threads()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("fit", "--model", "bg-nbd", "--input", Cdnow, "--output", cli.PathOf("m.json")).Exit);
        Assert.Equal(0, cli.Run("fit", "--model", "gamma-gamma", "--input", Cdnow, "--output", cli.PathOf("gg.json")).Exit);
        string[] common = ["predict", "--model", cli.PathOf("m.json"), "--spend-model", cli.PathOf("gg.json"), "--input", Cdnow, "--horizon", "39",
            "--discount-rate", "0.01", "--margin", "0.3", "--bootstrap", "30", "--intervals", "0.8", "--seed", "5"];
        var one = cli.Run([.. common, "--threads", "1", "--output", cli.PathOf("one.csv")]);
        Assert.True(one.Exit == 0, one.Err);
        Assert.Equal(0, cli.Run([.. common, "--threads", "2", "--output", cli.PathOf("two.csv")]).Exit);
        Assert.Equal(File.ReadAllText(cli.PathOf("one.csv")), File.ReadAllText(cli.PathOf("two.csv")));

        var lines = File.ReadAllLines(cli.PathOf("one.csv"));
        string[] predictions = ["p_alive", "expected_purchases", "dert", "expected_spend", "clv"];
        Assert.Equal(["customer_id", "log_likelihood", .. predictions.SelectMany(c => new[] { c, c + "_lower", c + "_upper" })], lines[0].Split(','));

        var customers = CustomerSummaryCsv.Read(Cdnow);
        var fit = new BgNbdModel().Fit(customers);
        var spend = new GammaGammaModel().Fit(customers);
        var valuation = new ValuationOptions { DiscountRate = 0.01, Margin = 0.3 };
        var intervals = Bootstrap.Purchases(fit, customers, new BootstrapOptions { Replicates = 30, Seed = 5, ConfidenceLevel = 0.8 }, spend.Parameters)
            .Predict(customers, 39, valuation);
        PredictionInterval[] expected = [intervals.ProbabilityAlive, intervals.ExpectedPurchases!, intervals.DiscountedExpectedTransactions!, intervals.ExpectedSpend!, intervals.Value!];
        Assert.Equal(customers.Count + 1, lines.Length);
        for (int i = 0; i < customers.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            for (int c = 0; c < predictions.Length; c++)
            {
                double point = D(cells[2 + 3 * c]), lower = D(cells[3 + 3 * c]), upper = D(cells[4 + 3 * c]);
                Assert.Equal(expected[c].Lower[i], lower, 1e-6 * Math.Abs(lower) + 1e-300);
                Assert.Equal(expected[c].Upper[i], upper, 1e-6 * Math.Abs(upper) + 1e-300);
                Assert.True(lower <= upper, $"row {i}, {predictions[c]}: {lower} > {upper}");
                Assert.InRange(point, lower * (1 - 1e-12), upper * (1 + 1e-12)); // a well-identified fit: the estimate lies inside
            }
        }
    }

    [Fact]
    public void Predict_with_a_spend_model_alone_bootstraps_expected_spend_for_the_repeat_customers()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("fit", "--model", "gamma-gamma", "--input", Cdnow, "--output", cli.PathOf("gg.json")).Exit);
        var p = cli.Run("predict", "--model", cli.PathOf("gg.json"), "--input", Cdnow, "--output", cli.PathOf("out.csv"), "--bootstrap", "20", "--bootstrap-kind", "parametric");
        Assert.True(p.Exit == 0, p.Err);
        var lines = File.ReadAllLines(cli.PathOf("out.csv"));
        Assert.Equal("customer_id,log_likelihood,expected_spend,expected_spend_lower,expected_spend_upper", lines[0]);
        Assert.Equal(946 + 1, lines.Length);
        Assert.All(lines.Skip(1), l => { var c = l.Split(','); Assert.True(D(c[3]) < D(c[4]), l); });
    }

    [Fact]
    public void Bootstrap_options_without_bootstrap_or_on_data_the_model_was_not_fitted_on_are_clear_errors()
    {
        using var cli = new CliHarness();
        Assert.Equal(0, cli.Run("fit", "--model", "bg-nbd", "--input", Cdnow, "--output", cli.PathOf("m.json")).Exit);
        string[] predict = ["predict", "--model", cli.PathOf("m.json"), "--horizon", "39", "--output", cli.PathOf("out.csv")];
        var noBootstrap = cli.Run([.. predict, "--input", Cdnow, "--intervals", "0.9"]);
        Assert.Equal(2, noBootstrap.Exit);
        Assert.Contains("--intervals needs --bootstrap", noBootstrap.Err);
        var badKind = cli.Run([.. predict, "--input", Cdnow, "--bootstrap", "10", "--bootstrap-kind", "jackknife"]);
        Assert.Equal(2, badKind.Exit);
        Assert.Contains("nonparametric or parametric", badKind.Err);
        var badLevel = cli.Run([.. predict, "--input", Cdnow, "--bootstrap", "10", "--intervals", "90"]);
        Assert.Equal(2, badLevel.Exit);
        var other = cli.Write("other.csv", "customer_id,frequency,recency,T\na,2,30.43,38.86\nb,0,0,38.86\nc,1,1.71,38.86\nd,5,20,30\n");
        var notFitted = cli.Run([.. predict, "--input", other, "--bootstrap", "10"]);
        Assert.Equal(1, notFitted.Exit);
        Assert.Contains("not the maximum-likelihood estimate on this data", notFitted.Err);
        Assert.False(File.Exists(cli.PathOf("out.csv")));
    }
}
