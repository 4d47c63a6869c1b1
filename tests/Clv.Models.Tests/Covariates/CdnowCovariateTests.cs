using System.Globalization;
using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.ParetoNbd;
using Xunit.Abstractions;

namespace Clv.Models.Tests.Covariates;

/// <summary>
/// CDNOW (the 1/10 sample, 2,357 customers, weeks) with one covariate derived from the event log: the log of the first-purchase
/// spend, ln(1 + dollars on the first purchase day), centred at its mean (samples/data/cdnow_first_purchase.csv). The results are
/// recorded in docs/models/covariates.md.
/// </summary>
public class CdnowCovariateTests(ITestOutputHelper output)
{
    private static readonly Lazy<(CustomerSummary Summary, CovariateTable Table)> Data = new(() =>
        (CustomerSummaryCsv.Read(TestFiles.SampleData("cdnow_customers_summary.csv")), CovariateTableCsv.Read(TestFiles.SampleData("cdnow_first_purchase.csv"))));

    private static readonly CovariateSpec Spec = new() { Purchase = ["log_spend"], Life = ["log_spend"] };

    [Fact]
    public void The_covariate_file_is_the_first_purchase_spend_of_the_event_log()
    {
        // Independent derivation from cdnowElog.csv (masterid,sampleid,date,cds,sales): dollars on each customer's first day.
        var first = new Dictionary<string, (string Date, double Spend)>();
        foreach (var line in File.ReadLines(TestFiles.SampleData("cdnowElog.csv")).Skip(1))
        {
            var f = line.Split(',');
            double sales = double.Parse(f[4], CultureInfo.InvariantCulture);
            if (!first.TryGetValue(f[1], out var v) || string.CompareOrdinal(f[2], v.Date) < 0) first[f[1]] = (f[2], sales);
            else if (f[2] == v.Date) first[f[1]] = (v.Date, v.Spend + sales);
        }
        var table = Data.Value.Table;
        var ids = table.CustomerIds.ToArray();
        Assert.Equal(first.Count, ids.Length);
        var logs = ids.Select(id => Math.Log(1 + first[id].Spend)).ToArray();
        double mean = logs.Average();
        int k = table.Names.ToList().IndexOf("log_spend");
        int s = table.Names.ToList().IndexOf("first_spend");
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(first[ids[i]].Spend, table.Column(s)[i], 0.005);
            Assert.Equal(logs[i] - mean, table.Column(k)[i], 1e-12);
        }
    }

    [Fact]
    public void ParetoNbd_with_first_purchase_spend_converges_and_does_not_lower_the_likelihood()
    {
        var (summary, table) = Data.Value;
        var plain = new ParetoNbdModel().Fit(summary);
        var fit = new ParetoNbdCovariateModel(Spec).Fit(summary, table);
        output.WriteLine(EstimateTable.Format("Pareto/NBD", plain.Estimate));
        output.WriteLine(EstimateTable.Format("Pareto/NBD + log first-purchase spend", fit.Estimate));
        Assert.True(fit.Estimate.Convergence.Converged);
        Assert.True(fit.LogLikelihood - plain.LogLikelihood >= -1e-6, $"LL {fit.LogLikelihood} < {plain.LogLikelihood}");
        output.WriteLine($"LL improvement {fit.LogLikelihood - plain.LogLikelihood:F4}, LR statistic {2 * (fit.LogLikelihood - plain.LogLikelihood):F3} on 2 df");
        Assert.All(fit.Coefficients, c => Assert.True(c.StandardError > 0 && double.IsFinite(c.StandardError)));
    }

    [Fact]
    public void BgNbd_with_first_purchase_spend_converges_and_does_not_lower_the_likelihood()
    {
        var (summary, table) = Data.Value;
        var plain = new BgNbdModel().Fit(summary);
        var fit = new BgNbdCovariateModel(Spec).Fit(summary, table);
        output.WriteLine(EstimateTable.Format("BG/NBD", plain.Estimate));
        output.WriteLine(EstimateTable.Format("BG/NBD + log first-purchase spend", fit.Estimate));
        Assert.True(fit.Estimate.Convergence.Converged);
        Assert.True(fit.LogLikelihood - plain.LogLikelihood >= -1e-6, $"LL {fit.LogLikelihood} < {plain.LogLikelihood}");
        output.WriteLine($"LL improvement {fit.LogLikelihood - plain.LogLikelihood:F4}, LR statistic {2 * (fit.LogLikelihood - plain.LogLikelihood):F3} on 2 df");
        Assert.All(fit.Coefficients, c => Assert.True(c.StandardError > 0 && double.IsFinite(c.StandardError)));
    }
}
