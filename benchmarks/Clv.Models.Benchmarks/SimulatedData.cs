using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Benchmarks;

/// <summary>Seeded simulated customer bases shared by the benchmarks (CDNOW-like parameters, T uniform on 27–39 weeks, T and t_x on a day grid).</summary>
internal static class SimulatedData
{
    public static readonly BgNbdParameters CdnowLike = new(0.243, 4.414, 0.793, 2.426);

    public static CustomerSummary BgNbd(int customers, int seed = 42)
    {
        var rng = new Random(seed);
        var t = new double[customers];
        for (int i = 0; i < customers; i++) t[i] = rng.Next(27 * 7, 39 * 7 + 1) / 7.0;
        return OnDayGrid(BgNbdSimulator.Simulate(CdnowLike, t, seed));
    }

    /// <summary>CDNOW's Pareto/NBD fit (Fader &amp; Hardie 2005 note).</summary>
    public static readonly ParetoNbdParameters CdnowParetoNbd = new(0.5533, 10.578, 0.6062, 11.667);

    /// <summary>Pareto/NBD customers with the same calendar as <see cref="BgNbd"/>.</summary>
    public static CustomerSummary ParetoNbd(int customers, int seed = 42)
    {
        var rng = new Random(seed);
        var t = new double[customers];
        for (int i = 0; i < customers; i++) t[i] = rng.Next(27 * 7, 39 * 7 + 1) / 7.0;
        return OnDayGrid(ParetoNbdSimulator.Simulate(CdnowParetoNbd, t, seed));
    }

    /// <summary>A summarised log has day-grained recency: t_x rounded down to the day, as the summariser would see it.</summary>
    private static CustomerSummary OnDayGrid(CustomerSummary s) =>
        new(s.CustomerIds, s.Frequency, [.. s.Recency.Select(r => Math.Floor(r * 7) / 7.0)], s.T);

    /// <summary>CDNOW's Gamma-Gamma fit (p 6.25, q 3.74, γ 15.4).</summary>
    public static readonly GammaGammaParameters CdnowSpend = new(6.2488, 3.7446, 15.4477);

    /// <summary>Repeat customers: x = 1 + a geometric count with mean 2, and their simulated mean spend.</summary>
    public static (double[] Frequency, double[] MonetaryValue) RepeatSpend(int customers, int seed = 42)
    {
        var rng = new Random(seed);
        var x = new double[customers];
        for (int i = 0; i < customers; i++) x[i] = 1 + Math.Floor(-Math.Log(1 - rng.NextDouble()) * 2.5);
        return (x, GammaGammaSimulator.Simulate(CdnowSpend, x, seed));
    }
}
