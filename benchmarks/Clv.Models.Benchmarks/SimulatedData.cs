using Clv.Models.BgNbd;
using Clv.Models.Data;

namespace Clv.Models.Benchmarks;

/// <summary>Seeded simulated customer bases shared by the benchmarks (CDNOW-like parameters, T uniform on 27–39 weeks on a day grid).</summary>
internal static class SimulatedData
{
    public static readonly BgNbdParameters CdnowLike = new(0.243, 4.414, 0.793, 2.426);

    public static CustomerSummary BgNbd(int customers, int seed = 42)
    {
        var rng = new Random(seed);
        var t = new double[customers];
        for (int i = 0; i < customers; i++) t[i] = rng.Next(27 * 7, 39 * 7 + 1) / 7.0;
        return BgNbdSimulator.Simulate(CdnowLike, t, seed);
    }
}
