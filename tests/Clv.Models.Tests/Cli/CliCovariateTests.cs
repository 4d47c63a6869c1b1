using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.ParetoNbd;
using Clv.Models.Serialization;
using Clv.Models.Uncertainty;
using static Clv.Models.Tests.Cli.CliEndToEndTests;

namespace Clv.Models.Tests.Cli;

/// <summary>
/// `clv fit --covariates` and `clv predict --covariates` on CDNOW with the first-purchase-spend covariate, against the library's
/// covariate fits and predictors on the same data; and, independently, a hand-written model file whose coefficients are all 0
/// predicts exactly what the plain model file with the same base parameters predicts.
/// </summary>
public class CliCovariateTests
{
    private static readonly string Summary = TestFiles.SampleData("cdnow_customers_summary.csv");
    private static readonly string Covariates = TestFiles.SampleData("cdnow_first_purchase.csv");

    private static Dictionary<string, double[]> Columns(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return header.Select((h, j) => (h, j)).Skip(1).ToDictionary(p => p.h, p => lines.Skip(1).Select(l => D(l.Split(',')[p.j])).ToArray());
    }

    [Theory]
    [InlineData("pareto-nbd")]
    [InlineData("bg-nbd")]
    public void Fit_and_predict_equal_the_library(string model)
    {
        using var cli = new CliHarness();
        var f = cli.Run("fit", "--model", model, "--input", Summary, "--covariates", Covariates, "--purchase-covariates", "log_spend",
            "--life-covariates", "log_spend", "--output", cli.PathOf("m.json"));
        Assert.True(f.Exit == 0, f.Err);
        var summary = CustomerSummaryCsv.Read(Summary);
        var table = CovariateTableCsv.Read(Covariates);
        var spec = new CovariateSpec { Purchase = ["log_spend"], Life = ["log_spend"] };
        var estimate = model == "bg-nbd" ? new BgNbdCovariateModel(spec).Fit(summary, table).Estimate : new ParetoNbdCovariateModel(spec).Fit(summary, table).Estimate;

        var doc = ModelDocument.Load(cli.PathOf("m.json"));
        Assert.Equal(model, doc.Model);
        Assert.Equal(estimate.Parameters.Take(4).Select(p => p.Value), doc.Parameters.Select(p => p.Value));
        Assert.Equal(estimate.Parameters.Skip(4).Select(p => (p.Name, p.Value)), doc.Covariates!.Coefficients.Select(c => (c.Key, c.Value)));
        Assert.Contains($"log-likelihood {estimate.LogLikelihood.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)}", f.Out);
        Assert.Contains("purchase.log_spend", f.Out);

        var p = cli.Run("predict", "--model", cli.PathOf("m.json"), "--input", Summary, "--covariates", Covariates, "--horizon", "39",
            "--discount-rate", "0.01", "--output", cli.PathOf("p.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var columns = Columns(cli.PathOf("p.csv"));
        Assert.Equal(["log_likelihood", "p_alive", "expected_purchases", "dert"], columns.Keys);
        var aligned = table.AlignTo(summary);
        (double[] Alive, double[] Expected, double[] Dert) reference = model == "bg-nbd"
            ? Predict(new BgNbdCovariateModel(spec).Fit(summary, table).Model, summary, aligned)
            : Predict(new ParetoNbdCovariateModel(spec).Fit(summary, table).Model, summary, aligned);
        Assert.Equal(reference.Alive, columns["p_alive"]);
        Assert.Equal(reference.Expected, columns["expected_purchases"]);
        Assert.Equal(reference.Dert, columns["dert"]);
    }

    private static (double[], double[], double[]) Predict<T>(CovariatePredictor<T> p, CustomerSummary s, CustomerCovariates c) where T : struct, IPurchaseModel =>
        (p.ProbabilityAlive(s, c), p.ExpectedPurchases(s, c, 39), p.DiscountedExpectedTransactions(s, c, 0.01));

    [Fact]
    public void Zero_coefficients_predict_what_the_plain_model_predicts()
    {
        using var cli = new CliHarness();
        const string parameters = "\"parameters\": {\"r\": 0.55, \"alpha\": 10.6, \"s\": 0.61, \"beta\": 11.7}";
        cli.Write("plain.json", $"{{\"model\": \"pareto-nbd\", {parameters}}}");
        cli.Write("cov.json", $"{{\"model\": \"pareto-nbd\", {parameters}, \"coefficients\": {{\"purchase.log_spend\": 0, \"life.first_spend\": 0}}, " +
            "\"covariates\": {\"purchase\": [\"log_spend\"], \"life\": [\"first_spend\"]}}");
        string[] common = ["predict", "--input", Summary, "--horizon", "52", "--discount-rate", "0.005", "--value-horizon", "104"];
        var plain = cli.Run([.. common, "--model", cli.PathOf("plain.json"), "--output", cli.PathOf("plain.csv")]);
        Assert.True(plain.Exit == 0, plain.Err);
        var cov = cli.Run([.. common, "--model", cli.PathOf("cov.json"), "--covariates", Covariates, "--output", cli.PathOf("cov.csv")]);
        Assert.True(cov.Exit == 0, cov.Err);
        var a = Columns(cli.PathOf("plain.csv"));
        var b = Columns(cli.PathOf("cov.csv"));
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (name, values) in a)
            for (int i = 0; i < values.Length; i++)
                Assert.True(Math.Abs(values[i] - b[name][i]) <= 1e-12 * Math.Max(1, Math.Abs(values[i])), $"{name} row {i}: {b[name][i]:R} vs {values[i]:R}");
    }

    private const string Channels = "customer_id,channel,z\n";

    /// <summary>A small summary and a covariate file with a three-level categorical column (ids 1..n).</summary>
    private static (string Summary, string Covariates) Synthetic(CliHarness cli, int n, Func<int, string> channel)
    {
        var s = new System.Text.StringBuilder("customer_id,frequency,recency,T\n");
        var c = new System.Text.StringBuilder(Channels);
        var rng = new Random(4);
        var truth = new BgNbdParameters(0.25, 4.4, 0.8, 2.4);
        for (int i = 1; i <= n; i++)
        {
            double t = 20 + rng.Next(0, 140) / 7.0;
            var (x, tx) = BgNbdSimulator.SimulateCustomer(truth, t, rng);
            s.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},{x},{Math.Floor(tx * 7) / 7:R},{t:R}\n");
            c.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},{channel(i)},{rng.NextDouble() - 0.5:R}\n");
        }
        return (cli.Write("rfm.csv", s.ToString()), cli.Write("cov.csv", c.ToString()));
    }

    [Fact]
    public void A_categorical_column_is_encoded_as_at_fit_time_even_for_a_subset_with_one_level()
    {
        using var cli = new CliHarness();
        string[] levels = ["mail", "store", "web"];
        var (summary, covariates) = Synthetic(cli, 1500, i => levels[i % 3]);
        var f = cli.Run("fit", "--model", "bg-nbd", "--input", summary, "--covariates", covariates, "--purchase-covariates", "channel,z", "--output", cli.PathOf("m.json"));
        Assert.True(f.Exit == 0, f.Err);
        Assert.Contains("categorical channel: reference level 'mail', dummies channel=store, channel=web", f.Out);
        var doc = ModelDocument.Load(cli.PathOf("m.json"));
        Assert.Equal(["purchase.channel=store", "purchase.channel=web", "purchase.z"], doc.Covariates!.Coefficients.Select(c => c.Key));

        // Only the "web" customers, their covariates alone: one level, still the model's two dummies.
        var rfm = File.ReadAllLines(summary);
        var cov = File.ReadAllLines(covariates);
        var web = Enumerable.Range(1, rfm.Length - 1).Where(i => cov[i].Split(',')[1] == "web").ToArray();
        cli.Write("web_rfm.csv", string.Join('\n', [rfm[0], .. web.Select(i => rfm[i])]) + "\n");
        cli.Write("web_cov.csv", string.Join('\n', [cov[0], .. web.Select(i => cov[i])]) + "\n");
        var p = cli.Run("predict", "--model", cli.PathOf("m.json"), "--input", cli.PathOf("web_rfm.csv"), "--covariates", cli.PathOf("web_cov.csv"),
            "--horizon", "10", "--output", cli.PathOf("web.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var all = cli.Run("predict", "--model", cli.PathOf("m.json"), "--input", summary, "--covariates", covariates, "--horizon", "10", "--output", cli.PathOf("all.csv"));
        Assert.True(all.Exit == 0, all.Err);
        var allRows = File.ReadAllLines(cli.PathOf("all.csv"));
        Assert.Equal(web.Select(i => allRows[i]), File.ReadAllLines(cli.PathOf("web.csv")).Skip(1));

        // An unseen level is an error naming the file, line and column, and the known levels.
        cli.Write("bad_cov.csv", cov[0] + "\n" + string.Join('\n', cov.Skip(1).Select((l, k) => k == 4 ? l.Replace(",web,", ",phone,").Replace(",mail,", ",phone,").Replace(",store,", ",phone,") : l)) + "\n");
        var bad = cli.Run("predict", "--model", cli.PathOf("m.json"), "--input", summary, "--covariates", cli.PathOf("bad_cov.csv"), "--horizon", "10", "--output", cli.PathOf("bad.csv"));
        Assert.Equal(1, bad.Exit);
        Assert.Contains("bad_cov.csv", bad.Err);
        Assert.Contains("line 6", bad.Err);
        Assert.Contains("channel", bad.Err);
        Assert.Contains("unknown level 'phone'; the model knows mail, store, web", bad.Err);
    }

    [Fact]
    public void Fit_with_bootstrap_prints_the_library_covariate_bootstrap()
    {
        using var cli = new CliHarness();
        var f = cli.Run("fit", "--model", "bg-nbd", "--input", Summary, "--covariates", Covariates, "--purchase-covariates", "log_spend",
            "--output", cli.PathOf("m.json"), "--bootstrap", "20", "--seed", "2", "--intervals", "0.8");
        Assert.True(f.Exit == 0, f.Err);
        var summary = CustomerSummaryCsv.Read(Summary);
        var table = CovariateTableCsv.Read(Covariates);
        var fit = new BgNbdCovariateModel(new CovariateSpec { Purchase = ["log_spend"] }).Fit(summary, table);
        var boot = Bootstrap.Covariates(fit, summary, table, new BootstrapOptions { Replicates = 20, Seed = 2, ConfidenceLevel = 0.8 });
        var lines = f.Out[f.Out.IndexOf("bootstrap:", StringComparison.Ordinal)..].Split('\n');
        foreach (var p in boot.Parameters)
        {
            var cells = lines.Single(l => l.TrimStart().StartsWith(p.Name + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(p.StandardError, D(cells[2]), 1e-5 * p.StandardError);
            Assert.Equal(p.Lower, D(cells[3]), 1e-5 * Math.Abs(p.Lower));
        }
        var pr = cli.Run("predict", "--model", cli.PathOf("m.json"), "--input", Summary, "--covariates", Covariates, "--horizon", "39",
            "--bootstrap", "20", "--seed", "2", "--intervals", "0.8", "--output", cli.PathOf("p.csv"));
        Assert.True(pr.Exit == 0, pr.Err);
        var columns = Columns(cli.PathOf("p.csv"));
        var intervals = boot.Predict(summary, table.AlignTo(summary), 39);
        Assert.Equal(intervals.ExpectedPurchases!.Lower, columns["expected_purchases_lower"]);
        Assert.Equal(intervals.ProbabilityAlive.Upper, columns["p_alive_upper"]);
    }

    [Fact]
    public void Predict_with_spend_model_and_bootstrap_gives_clv_intervals_equal_to_the_library()
    {
        using var cli = new CliHarness();
        string summaryPath = TestFiles.SampleData("cdnow_customers_summary_with_transactions.csv");
        Assert.Equal(0, cli.Run("fit", "--model", "pareto-nbd", "--input", summaryPath, "--covariates", Covariates, "--purchase-covariates", "log_spend",
            "--output", cli.PathOf("m.json")).Exit);
        Assert.Equal(0, cli.Run("fit", "--model", "gamma-gamma", "--input", summaryPath, "--output", cli.PathOf("gg.json")).Exit);
        var r = cli.Run("predict", "--model", cli.PathOf("m.json"), "--spend-model", cli.PathOf("gg.json"), "--input", summaryPath, "--covariates", Covariates,
            "--horizon", "39", "--discount-rate", "0.01", "--margin", "0.3", "--bootstrap", "12", "--seed", "4", "--intervals", "0.8", "--output", cli.PathOf("p.csv"));
        Assert.True(r.Exit == 0, r.Err);
        var columns = Columns(cli.PathOf("p.csv"));
        string[] predictions = ["p_alive", "expected_purchases", "dert", "expected_spend", "clv"];
        Assert.Equal(["log_likelihood", .. predictions.SelectMany(c => new[] { c, c + "_lower", c + "_upper" })], columns.Keys);

        var summary = CustomerSummaryCsv.Read(summaryPath);
        var table = CovariateTableCsv.Read(Covariates);
        var fit = new ParetoNbdCovariateModel(new CovariateSpec { Purchase = ["log_spend"] }).Fit(summary, table);
        var gg = new Clv.Models.GammaGamma.GammaGammaModel().Fit(summary).Parameters;
        var boot = Bootstrap.Covariates(fit, summary, table, new BootstrapOptions { Replicates = 12, Seed = 4, ConfidenceLevel = 0.8 }, gg);
        var intervals = boot.Predict(summary, table.AlignTo(summary), 39, new Clv.Models.Valuation.ValuationOptions { DiscountRate = 0.01, Margin = 0.3 });
        Assert.Equal(intervals.Value!.Lower, columns["clv_lower"]);
        Assert.Equal(intervals.ExpectedSpend!.Upper, columns["expected_spend_upper"]);
        for (int i = 0; i < summary.Count; i++) Assert.InRange(columns["clv"][i], 0, double.MaxValue);
    }

    [Theory]
    [InlineData("missing", "customer '2357'", "has no covariate row")]
    [InlineData("extra", "customer '9999'", "is not in the summary")]
    [InlineData("unknown", "no covariate named 'age'", "log_spend")]
    [InlineData("text", "'abc' in a column of numbers", "log_spend")]
    public void Bad_covariates_are_clear_errors(string kind, string fragment, string second)
    {
        using var cli = new CliHarness();
        var lines = File.ReadAllLines(Covariates).ToList();
        string covariates = Covariates;
        string[] extra = [];
        switch (kind)
        {
            case "missing": covariates = cli.Write("c.csv", string.Join('\n', lines.Where(l => !l.StartsWith("2357,", StringComparison.Ordinal))) + "\n"); break;
            case "extra": covariates = cli.Write("c.csv", string.Join('\n', lines) + "\n9999,10,0.5\n"); break;
            case "unknown": extra = ["--purchase-covariates", "age"]; break;
            case "text": lines[10] = lines[10].Split(',')[0] + ",12,abc"; covariates = cli.Write("c.csv", string.Join('\n', lines) + "\n"); break;
        }
        var r = cli.Run(["fit", "--model", "pareto-nbd", "--input", Summary, "--covariates", covariates, .. extra, "--output", cli.PathOf("m.json")]);
        Assert.Equal(1, r.Exit);
        Assert.Contains(fragment, r.Err);
        Assert.Contains(second, r.Err);
        if (kind == "text") Assert.Contains("line 11", r.Err);
        Assert.False(File.Exists(cli.PathOf("m.json")));
    }

    [Theory]
    [InlineData("fit --model gamma-gamma --covariates C", "--covariates is available for bg-nbd and pareto-nbd models")]
    [InlineData("fit --model bg-nbd --purchase-covariates log_spend", "need --covariates")]
    [InlineData("fit --model bg-nbd --covariates C --covariate-penalty 1 --life-penalty 2", "not both")]
    [InlineData("predict --model PLAIN --covariates C --horizon 3", "--covariates needs a model fitted with covariates")]
    [InlineData("predict --model COV --horizon 3", "pass --covariates cov.csv")]
    public void Misused_options_are_usage_errors(string command, string fragment)
    {
        using var cli = new CliHarness();
        cli.Write("plain.json", "{\"model\": \"bg-nbd\", \"parameters\": {\"r\": 0.24, \"alpha\": 4.4, \"a\": 0.79, \"b\": 2.4}}");
        cli.Write("cov.json", "{\"model\": \"bg-nbd\", \"parameters\": {\"r\": 0.24, \"alpha\": 4.4, \"a\": 0.79, \"b\": 2.4}, \"coefficients\": {\"purchase.log_spend\": 0.4}, \"covariates\": {\"purchase\": [\"log_spend\"]}}");
        cli.Write("gg.json", "{\"model\": \"gamma-gamma\", \"parameters\": {\"p\": 6, \"q\": 3.7, \"gamma\": 15}}");
        var args = command.Split(' ').Select(a => a switch
        {
            "C" => Covariates, "PLAIN" => cli.PathOf("plain.json"), "COV" => cli.PathOf("cov.json"), "GG" => cli.PathOf("gg.json"), _ => a,
        }).ToList();
        args.AddRange(["--input", Summary, "--output", cli.PathOf("out.json")]);
        var r = cli.Run([.. args]);
        Assert.Equal(2, r.Exit);
        Assert.Contains(fragment, r.Err);
    }

    [Fact]
    public void Evaluate_refuses_a_covariate_model_file()
    {
        using var cli = new CliHarness();
        cli.Write("cov.json", "{\"model\": \"bg-nbd\", \"parameters\": {\"r\": 0.24, \"alpha\": 4.4, \"a\": 0.79, \"b\": 2.4}, \"coefficients\": {\"purchase.log_spend\": 0.4}, \"covariates\": {\"purchase\": [\"log_spend\"]}}");
        var r = cli.Run("evaluate", "--model", cli.PathOf("cov.json"), "--input", Summary, "--output-dir", cli.PathOf("report"));
        Assert.Equal(1, r.Exit);
        Assert.Contains("static covariates", r.Err);
    }
}
