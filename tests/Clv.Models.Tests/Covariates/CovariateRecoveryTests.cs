using System.Globalization;
using System.Text;
using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.ParetoNbd;
using Xunit;

namespace Clv.Models.Tests.Covariates;

public sealed class CovariateRecoveryTests
{
    private const int N = 6000;

    private static (CovariateTable Table, double[][] Z) Covariates(int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder("customer_id,x1,x2,seg\n");
        var z = new double[N][];
        string[] levels = ["a", "b", "c"];
        for (int i = 0; i < N; i++)
        {
            double x1 = rng.NextDouble() - 0.5, x2 = rng.NextDouble() < 0.5 ? 1 : 0;
            int s = rng.Next(3);
            z[i] = [x1, x2, s == 1 ? 1 : 0, s == 2 ? 1 : 0];
            sb.Append(CultureInfo.InvariantCulture, $"{i},{x1.ToString("R", CultureInfo.InvariantCulture)},{x2},{levels[s]}\n");
        }
        return (CovariateTableCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString())), "sim.csv"), z);
    }

    private static readonly double[] GammaP = [0.8, -0.5, 0.6, -0.4];
    private static readonly double[] GammaL = [-0.6, 0.5, 0, 0];

    private static double Dot(double[] g, double[] z) => g.Zip(z, (a, b) => a * b).Sum();

    private static void AssertRecovered<T>(FittedCovariateModel<T> fit) where T : struct, IPurchaseModel
    {
        string[] names = ["x1", "x2", "seg=b", "seg=c"];
        for (int k = 0; k < 4; k++)
        {
            var c = fit["purchase." + names[k]];
            Assert.True(Math.Abs(c.Value - GammaP[k]) < 3.5 * c.StandardError, $"{c.Name}: {c.Value} ± {c.StandardError}, truth {GammaP[k]}");
        }
        for (int k = 0; k < 2; k++)
        {
            var c = fit["life." + names[k]];
            Assert.True(Math.Abs(c.Value - GammaL[k]) < 3.5 * c.StandardError, $"{c.Name}: {c.Value} ± {c.StandardError}, truth {GammaL[k]}");
        }
    }

    [Fact]
    public void ParetoNbdRecoversCoefficients()
    {
        var (table, z) = Covariates(11);
        var b = new ParetoNbdParameters(0.8, 8, 0.7, 10);
        var rng = new Random(5);
        var x = new double[N]; var tx = new double[N]; var t = new double[N];
        for (int i = 0; i < N; i++)
        {
            var p = new ParetoNbdParameters(b.R, b.Alpha * Math.Exp(-Dot(GammaP, z[i])), b.S, b.Beta * Math.Exp(-Dot(GammaL, z[i])));
            t[i] = 40;
            (int f, double r) = ParetoNbdSimulator.SimulateCustomer(p, t[i], rng);
            x[i] = f; tx[i] = r;
        }
        var summary = new CustomerSummary([.. Enumerable.Range(0, N).Select(i => i.ToString(CultureInfo.InvariantCulture))], x, tx, t);
        var fit = new ParetoNbdCovariateModel(new CovariateSpec { Purchase = ["x1", "x2", "seg"], Life = ["x1", "x2"] }).Fit(summary, table);
        Assert.True(fit.Estimate.Convergence.Converged);
        AssertRecovered(fit);
    }

    [Fact]
    public void BgNbdRecoversCoefficients()
    {
        var (table, z) = Covariates(12);
        var b = new BgNbdParameters(0.8, 8, 0.7, 3);
        var rng = new Random(6);
        var x = new double[N]; var tx = new double[N]; var t = new double[N];
        for (int i = 0; i < N; i++)
        {
            double life = Math.Exp(Dot(GammaL, z[i]));
            var p = new BgNbdParameters(b.R, b.Alpha * Math.Exp(-Dot(GammaP, z[i])), b.A * life, b.B * life);
            t[i] = 40;
            (int f, double r) = BgNbdSimulator.SimulateCustomer(p, t[i], rng);
            x[i] = f; tx[i] = r;
        }
        var summary = new CustomerSummary([.. Enumerable.Range(0, N).Select(i => i.ToString(CultureInfo.InvariantCulture))], x, tx, t);
        var fit = new BgNbdCovariateModel(new CovariateSpec { Purchase = ["x1", "x2", "seg"], Life = ["x1", "x2"] }).Fit(summary, table);
        Assert.True(fit.Estimate.Convergence.Converged);
        AssertRecovered(fit);
    }
}
