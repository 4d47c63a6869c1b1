using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Tests.Covariates;

/// <summary>
/// Simulated customers with known coefficients: two numeric covariates (z1 ~ N(0, 1), z2 ~ U(−1, 1)) and a categorical one
/// ("channel" with levels mail, store, web; "mail" the reference), each customer drawn from the model's story
/// (<see cref="BgNbdSimulator"/>, <see cref="ParetoNbdSimulator"/>) with its own parameters.
/// </summary>
internal static class CovariateSimulation
{
    public static readonly string[] Levels = ["mail", "store", "web"];

    /// <summary>The true coefficients (purchase z1, z2, channel; life z1, channel), in the fit's order.</summary>
    public static CovariateCoefficient[] Truth(double scaleLife = 1) =>
    [
        C(CovariateProcess.Purchase, "z1", 0.4), C(CovariateProcess.Purchase, "z2", -0.5),
        C(CovariateProcess.Purchase, "channel=store", 0.5), C(CovariateProcess.Purchase, "channel=web", -0.4),
        C(CovariateProcess.Life, "z1", -0.5 * scaleLife), C(CovariateProcess.Life, "channel=store", 0.6 * scaleLife), C(CovariateProcess.Life, "channel=web", -0.4 * scaleLife),
    ];

    /// <summary>The spec that fits exactly the true coefficients.</summary>
    public static CovariateSpec Spec => new() { Purchase = ["z1", "z2", "channel"], Life = ["z1", "channel"] };

    private static CovariateCoefficient C(CovariateProcess process, string covariate, double value) =>
        new(CovariateSpec.CoefficientName(process, covariate), covariate, process, value, double.NaN, double.NaN, double.NaN);

    /// <summary>The covariate CSV text of <paramref name="n"/> customers ids "1".."n".</summary>
    public static (string Csv, CovariateTable Table) Covariates(int n, int seed)
    {
        var rng = new Random(seed);
        var sb = new System.Text.StringBuilder("customer_id,z1,z2,channel\n");
        for (int i = 0; i < n; i++)
        {
            double z1 = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            double z2 = 2 * rng.NextDouble() - 1;
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1},{z1:R},{z2:R},{Levels[rng.Next(3)]}\n");
        }
        string csv = sb.ToString();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        return (csv, CovariateTableCsv.Read(stream, "covariates.csv"));
    }

    /// <summary>A summary of customers drawn with each customer's own parameters, T uniform in [20, 40).</summary>
    public static CustomerSummary Simulate<TParameters>(CovariatePredictor<TParameters> truth, CovariateTable table, int seed,
        Func<TParameters, double, Random, (int, double)> customer) where TParameters : struct, IPurchaseModel
    {
        int n = table.Count;
        var ids = table.CustomerIds.ToArray();
        var placeholder = new CustomerSummary(ids, new double[n], new double[n], Enumerable.Repeat(1.0, n).ToArray());
        var parameters = truth.CustomerParameters(table.AlignTo(placeholder));
        var rng = new Random(seed);
        double[] x = new double[n], tx = new double[n], t = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = 20 + 20 * rng.NextDouble();
            (int xi, tx[i]) = customer(parameters[i], t[i], rng);
            x[i] = xi;
        }
        return new CustomerSummary(ids, x, tx, t);
    }

    public static CustomerSummary SimulateBgNbd(BgNbdCovariates truth, CovariateTable table, int seed) =>
        Simulate(truth, table, seed, (p, t, rng) => BgNbdSimulator.SimulateCustomer(p, t, rng));

    public static CustomerSummary SimulateParetoNbd(ParetoNbdCovariates truth, CovariateTable table, int seed) =>
        Simulate(truth, table, seed, (p, t, rng) => ParetoNbdSimulator.SimulateCustomer(p, t, rng));
}
