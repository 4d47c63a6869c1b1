using System.Text;
using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Xunit;

namespace Clv.Models.Tests.Covariates;

public sealed class CovariateBasicsTests
{
    private static CovariateTable Csv(string text) =>
        CovariateTableCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "cov.csv");

    private static CustomerSummary Summary(params string[] ids) =>
        new(ids, [.. ids.Select(_ => 1.0)], [.. ids.Select(_ => 2.0)], [.. ids.Select(_ => 5.0)]);

    [Fact]
    public void CategoricalBecomesKMinusOneDummies()
    {
        var t = Csv("customer_id,age,channel\n1,30,web\n2,40,shop\n3,50,app\n");
        Assert.Equal(["age", "channel=shop", "channel=web"], t.Names);
        var aligned = t.AlignTo(Summary("3", "1", "2"));
        Assert.Equal([50.0, 30, 40], aligned.Column(0).ToArray());
        Assert.Equal([0.0, 1, 0], aligned.Column(2).ToArray());
    }

    [Fact]
    public void EmptyCellNamesFileLineAndColumn()
    {
        var e = Assert.Throws<ClvDataException>(() => Csv("customer_id,age\n1,30\n2,\n"));
        Assert.Contains("cov.csv", e.Message);
        Assert.Contains("age", e.Message);
        Assert.Contains("3", e.Message);
    }

    [Fact]
    public void MissingExtraAndDuplicateIdsAreErrors()
    {
        var t = Csv("customer_id,age\n1,30\n2,40\n");
        Assert.Throws<ClvDataException>(() => t.AlignTo(Summary("1", "2", "3")));
        Assert.Throws<ClvDataException>(() => t.AlignTo(Summary("1")));
        Assert.Throws<ClvDataException>(() => Csv("customer_id,age\n1,30\n1,40\n"));
    }

    [Fact]
    public void NoCovariatesEqualsPlainBgNbd()
    {
        var truth = new BgNbdParameters(0.5, 4, 0.8, 2.5);
        var summary = BgNbdSimulator.Simulate(truth, [.. Enumerable.Repeat(30.0, 2000)], seed: 7);
        var sb = new StringBuilder("customer_id,z\n");
        var rng = new Random(1);
        foreach (var id in summary.CustomerIds) sb.Append(id).Append(',').Append(rng.NextDouble()).Append('\n');
        var plain = new BgNbdModel().Fit(summary);
        var cov = new BgNbdCovariateModel(new CovariateSpec()).Fit(summary, Csv(sb.ToString()));
        Assert.Equal(plain.Estimate.LogLikelihood, cov.LogLikelihood, 1e-5);
        var withZ = new BgNbdCovariateModel(new CovariateSpec { Purchase = ["z"], Life = ["z"] }).Fit(summary, Csv(sb.ToString()));
        Assert.True(withZ.LogLikelihood >= plain.Estimate.LogLikelihood - 1e-6);
    }
}
