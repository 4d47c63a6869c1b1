using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.ParetoNbd;
using Clv.Models.Serialization;
using Clv.Models.Tests.Covariates;
using static Clv.Models.Tests.Cli.CliEndToEndTests;

namespace Clv.Models.Tests.Cli;

/// <summary>
/// More of `clv fit --covariates` and `clv predict --covariates`: constraints with a penalty and the default spec against the
/// library fits, Parquet predictions against the CSV's, and P(alive) of a one-level subset recomputed by hand from the coefficients.
/// </summary>
public class CliCovariateExtraTests
{
    private static readonly string Summary = TestFiles.SampleData("cdnow_customers_summary.csv");
    private static readonly string Covariates = TestFiles.SampleData("cdnow_first_purchase.csv");

    private static (string[] Ids, Dictionary<string, double[]> Columns) Read(string path)
    {
        var rows = File.ReadAllLines(path).Select(l => l.Split(',')).ToArray();
        return ([.. rows.Skip(1).Select(r => r[0])],
            rows[0].Select((h, j) => (h, j)).Skip(1).ToDictionary(p => p.h, p => rows.Skip(1).Select(r => D(r[p.j])).ToArray()));
    }

    /// <summary>`clv fit` of <paramref name="model"/> on CDNOW with the covariate file and <paramref name="options"/>, into <paramref name="name"/>.</summary>
    private static (string Path, string Out) FitCdnow(CliHarness cli, string model, string name, params string[] options)
    {
        var f = cli.Run(["fit", "--model", model, "--input", Summary, "--covariates", Covariates, .. options, "--output", cli.PathOf(name)]);
        Assert.True(f.Exit == 0, f.Err);
        return (cli.PathOf(name), f.Out);
    }

    private static void AssertFileHolds(double[] baseValues, IReadOnlyList<CovariateCoefficient> coefficients, ModelDocument doc)
    {
        Assert.Equal(baseValues, doc.Parameters.Select(p => p.Value));
        Assert.Equal(coefficients.Select(c => (c.Name, c.Value)), doc.Covariates!.Coefficients.Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public void Constrained_covariates_with_one_penalty_equal_the_library_fit()
    {
        using var cli = new CliHarness();
        var (path, output) = FitCdnow(cli, "pareto-nbd", "c.json", "--constrain-covariates", "log_spend", "--covariate-penalty", "0.01");
        var spec = new CovariateSpec { Constrained = ["log_spend"], PurchasePenalty = 0.01, LifePenalty = 0.01 };
        var fit = new ParetoNbdCovariateModel(spec).Fit(CustomerSummaryCsv.Read(Summary), CovariateTableCsv.Read(Covariates));
        Assert.Equal(["constr.log_spend"], fit.Coefficients.Select(c => c.Name));
        var doc = ModelDocument.Load(path);
        AssertFileHolds(fit.BaseParameters.ToArray(), fit.Coefficients, doc);
        Assert.Equal(fit.LogLikelihood, System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["log_likelihood"]!.GetValue<double>());
        var s = doc.Covariates!.Spec;
        Assert.Equal(["log_spend"], s.Constrained);
        Assert.Equal((0.01, 0.01), (s.PurchasePenalty, s.LifePenalty));
        Assert.Empty(s.Purchase);
        Assert.Empty(s.Life);
        Assert.Contains("L2 penalty on the coefficients: purchase 0.01, life 0.01", output);
    }

    [Fact]
    public void Covariates_alone_put_every_covariate_in_both_processes()
    {
        using var cli = new CliHarness();
        var (path, _) = FitCdnow(cli, "bg-nbd", "b.json");
        var table = CovariateTableCsv.Read(Covariates);
        var fit = new BgNbdCovariateModel(CovariateSpec.Both(table)).Fit(CustomerSummaryCsv.Read(Summary), table);
        Assert.Equal(["purchase.first_spend", "purchase.log_spend", "life.first_spend", "life.log_spend"], fit.Coefficients.Select(c => c.Name));
        AssertFileHolds(fit.BaseParameters.ToArray(), fit.Coefficients, ModelDocument.Load(path));
    }

    [Fact]
    public void Covariate_predictions_written_to_parquet_equal_the_csv()
    {
        using var cli = new CliHarness();
        var (model, _) = FitCdnow(cli, "bg-nbd", "m.json", "--purchase-covariates", "log_spend", "--life-covariates", "first_spend");
        string[] predict = ["predict", "--model", model, "--input", Summary, "--covariates", Covariates, "--horizon", "39",
            "--discount-rate", "0.0027", "--value-horizon", "52"];
        var c = cli.Run([.. predict, "--output", cli.PathOf("p.csv")]);
        Assert.True(c.Exit == 0, c.Err);
        var q = cli.Run([.. predict, "--output", cli.PathOf("p.parquet")]);
        Assert.True(q.Exit == 0, q.Err);
        var (ids, columns) = Read(cli.PathOf("p.csv"));
        Assert.Equal(["log_likelihood", "p_alive", "expected_purchases", "discounted_purchases"], columns.Keys);
        var parquet = CliParquetTests.ReadTable(cli.PathOf("p.parquet"), ["customer_id", .. columns.Keys]);
        Assert.Equal(ids, parquet.Ids);
        Assert.Equal(columns.Values, parquet.Columns);
    }

    [Fact]
    public void On_a_one_level_subset_each_customers_own_parameters_by_hand_give_the_clis_p_alive()
    {
        var (csv, table) = CovariateSimulation.Covariates(800, 11);
        var summary = CovariateSimulation.SimulateBgNbd(new BgNbdCovariates(new BgNbdParameters(0.5, 5, 0.8, 2.5), CovariateSimulation.Truth()), table, 12);
        using var cli = new CliHarness();
        var cov = cli.Write("cov.csv", csv);
        CustomerSummaryCsv.Write(summary, cli.PathOf("rfm.csv"));
        var f = cli.Run("fit", "--model", "bg-nbd", "--input", cli.PathOf("rfm.csv"), "--covariates", cov, "--purchase-covariates", "z1,z2,channel",
            "--life-covariates", "z1,channel", "--output", cli.PathOf("m.json"));
        Assert.True(f.Exit == 0, f.Err);

        // The "web" customers only, in reverse order, with their covariates alone (one level of three).
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(l => l.EndsWith(",web", StringComparison.Ordinal)).Reverse().ToArray();
        var sub = cli.Write("sub-cov.csv", "customer_id,z1,z2,channel\n" + string.Join('\n', rows) + "\n");
        var index = summary.CustomerIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        int[] picked = [.. rows.Select(r => index[r.Split(',')[0]])];
        var subset = new CustomerSummary([.. picked.Select(i => summary.CustomerIds[i])], [.. picked.Select(i => summary.Frequency[i])],
            [.. picked.Select(i => summary.Recency[i])], [.. picked.Select(i => summary.T[i])]);
        CustomerSummaryCsv.Write(subset, cli.PathOf("sub.csv"));
        var p = cli.Run("predict", "--model", cli.PathOf("m.json"), "--input", cli.PathOf("sub.csv"), "--covariates", sub, "--horizon", "10", "--output", cli.PathOf("p.csv"));
        Assert.True(p.Exit == 0, p.Err);
        var (ids, columns) = Read(cli.PathOf("p.csv"));
        Assert.Equal(subset.CustomerIds, ids);

        // α_i = α e^(−η_purchase), a_i = a e^(η_life), b_i = b e^(η_life) (Fader & Hardie 2007), η from the file's coefficients.
        var doc = ModelDocument.Load(cli.PathOf("m.json"));
        var g = doc.Covariates!.Coefficients.ToDictionary(c => c.Key, c => c.Value);
        Assert.Equal(["purchase.z1", "purchase.z2", "purchase.channel=store", "purchase.channel=web", "life.z1", "life.channel=store", "life.channel=web"], g.Keys);
        var b = doc.Parameters.ToDictionary(q => q.Key, q => q.Value);
        for (int i = 0; i < ids.Length; i++)
        {
            var z = rows[i].Split(',');
            double z1 = D(z[1]), z2 = D(z[2]);
            double purchase = g["purchase.z1"] * z1 + g["purchase.z2"] * z2 + g["purchase.channel=web"];
            double life = g["life.z1"] * z1 + g["life.channel=web"];
            var own = new BgNbdParameters(b["r"], b["alpha"] * Math.Exp(-purchase), b["a"] * Math.Exp(life), b["b"] * Math.Exp(life));
            var alive = new double[1];
            own.ProbabilityAlive(subset.Frequency.AsSpan(i, 1), subset.Recency.AsSpan(i, 1), subset.T.AsSpan(i, 1), alive);
            Assert.Equal(alive[0], columns["p_alive"][i], 1e-12);
        }
    }
}
