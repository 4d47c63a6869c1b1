using System.Globalization;
using System.Text;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.ParetoNbd;
using Xunit;

namespace Clv.Models.Tests.Covariates;

public sealed class CovariatePenaltyTests
{
    private static (CustomerSummary Summary, CovariateTable Table) Data()
    {
        const int n = 3000;
        var rng = new Random(3);
        var b = new ParetoNbdParameters(0.8, 8, 0.7, 10);
        var sb = new StringBuilder("customer_id,x\n");
        var x = new double[n]; var tx = new double[n]; var t = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = rng.NextDouble() - 0.5;
            sb.Append(CultureInfo.InvariantCulture, $"{i},{z.ToString("R", CultureInfo.InvariantCulture)}\n");
            var p = new ParetoNbdParameters(b.R, b.Alpha * Math.Exp(-1.0 * z), b.S, b.Beta * Math.Exp(-1.0 * z));
            t[i] = 40;
            (int f, double r) = ParetoNbdSimulator.SimulateCustomer(p, 40, rng);
            x[i] = f; tx[i] = r;
        }
        var summary = new CustomerSummary([.. Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture))], x, tx, t);
        return (summary, CovariateTableCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString())), "p.csv"));
    }

    [Fact]
    public void L2ShrinksCoefficientsMonotonically()
    {
        var (summary, table) = Data();
        double previous = double.PositiveInfinity;
        foreach (double lambda in new[] { 0.0, 0.01, 0.1, 1.0 })
        {
            var fit = new ParetoNbdCovariateModel(new CovariateSpec { Purchase = ["x"], PurchasePenalty = lambda }).Fit(summary, table);
            double g = Math.Abs(fit["purchase.x"].Value);
            Assert.True(g < previous, $"lambda {lambda}: |gamma| {g} not below {previous}");
            previous = g;
        }
    }

    [Fact]
    public void ConstraintGivesOneCoefficientBetweenSeparateOnes()
    {
        var (summary, table) = Data();
        var separate = new ParetoNbdCovariateModel(new CovariateSpec { Purchase = ["x"], Life = ["x"] }).Fit(summary, table);
        var constrained = new ParetoNbdCovariateModel(new CovariateSpec { Constrained = ["x"] }).Fit(summary, table);
        Assert.Single(constrained.Coefficients);
        Assert.Equal(CovariateProcess.Both, constrained.Coefficients[0].Process);
        Assert.True(constrained.LogLikelihood <= separate.LogLikelihood + 1e-6);
        var c = constrained["constr.x"];
        Assert.True(Math.Abs(c.Value - 1.0) < 3.5 * c.StandardError, $"{c.Value} ± {c.StandardError}");
    }
}
