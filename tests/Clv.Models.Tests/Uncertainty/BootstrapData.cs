using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.MbgNbd;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Tests.Uncertainty;

/// <summary>Small simulated customer bases on a day grid (weeks, T of 27–39 weeks, t_x floored to the day), with spend.</summary>
internal static class BootstrapData
{
    public static readonly BgNbdParameters BgNbd = new(0.2426, 4.4135, 0.7929, 2.4258);
    public static readonly ParetoNbdParameters ParetoNbd = new(0.5533, 10.578, 0.6062, 11.667);
    public static readonly MbgNbdParameters MbgNbd = new(0.5248, 6.1830, 0.8914, 1.6140);
    public static readonly GammaGammaParameters Spend = new(6.2488, 3.7446, 15.4477);

    public static CustomerSummary BgNbdCustomers(int n, int seed) => OnDayGrid(BgNbdSimulator.Simulate(BgNbd, Ages(n, seed), seed), seed);

    public static CustomerSummary ParetoNbdCustomers(int n, int seed) => OnDayGrid(ParetoNbdSimulator.Simulate(ParetoNbd, Ages(n, seed), seed), seed);

    public static CustomerSummary MbgNbdCustomers(int n, int seed) => OnDayGrid(MbgNbdSimulator.Simulate(MbgNbd, Ages(n, seed), seed), seed);

    private static double[] Ages(int n, int seed)
    {
        var random = new Random(seed + 1);
        var t = new double[n];
        for (int i = 0; i < n; i++) t[i] = random.Next(27 * 7, 39 * 7 + 1) / 7.0;
        return t;
    }

    /// <summary>t_x floored to the day; a Gamma-Gamma mean spend for every repeat customer (0 otherwise).</summary>
    private static CustomerSummary OnDayGrid(CustomerSummary s, int seed)
    {
        var tx = s.Recency.Select(v => Math.Floor(v * 7) / 7.0).ToArray();
        var x = s.Frequency;
        var spend = GammaGammaSimulator.Simulate(Spend, x.Select(v => Math.Max(v, 1)).ToArray(), seed + 2);
        var monetary = x.Select((v, i) => v > 0 ? spend[i] : 0).ToArray();
        return new CustomerSummary(s.CustomerIds, x, tx, s.T, monetary);
    }

    /// <summary>The summary of the rows drawn: row k repeated counts[k] times (the explicit form of a weighted resample).</summary>
    public static CustomerSummary Repeat(IReadOnlyList<double> x, IReadOnlyList<double> tx, IReadOnlyList<double> t, IReadOnlyList<double>? m, double[] counts)
    {
        List<double> rx = [], rtx = [], rt = [], rm = [];
        for (int k = 0; k < counts.Length; k++)
            for (int c = 0; c < counts[k]; c++)
            {
                rx.Add(x[k]); rtx.Add(tx[k]); rt.Add(t[k]);
                if (m is not null) rm.Add(m[k]);
            }
        return new CustomerSummary([.. rx.Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], [.. rx], [.. rtx], [.. rt],
            m is null ? null : [.. rm]);
    }
}
