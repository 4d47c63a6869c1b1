using Clv.Models.BgNbd;
using Clv.Models.Data;

namespace Clv.Models.MbgNbd;

/// <summary>
/// Draws customers from the MBG/NBD story (Batislam, Denizel &amp; Filiztekin 2007): λ ~ Gamma(r, α) and p ~ Beta(a, b)
/// per customer; a first purchase at time 0, right after which the customer dies with probability p; while alive, purchases
/// follow a Poisson process with rate λ, and after each the customer dies with probability p. Seeded and reproducible; the
/// BG/NBD simulator's code with the flip at time 0 switched on.
/// </summary>
public static class MbgNbdSimulator
{
    /// <summary>Simulates one customer observed for <paramref name="t"/> time units: returns (x, t_x).</summary>
    public static (int Frequency, double Recency) SimulateCustomer(in MbgNbdParameters parameters, double t, Random random) =>
        BgNbdSimulator.Simulate(parameters.Shared, t, random, null, dropoutAtFirstPurchase: true);

    /// <summary>
    /// Simulates one customer observed for <paramref name="t"/> time units and appends the times of the repeat purchases
    /// (in (0, t], ascending) to <paramref name="purchaseTimes"/>; the draws are those of <see cref="SimulateCustomer"/>.
    /// </summary>
    public static void SimulatePurchaseTimes(in MbgNbdParameters parameters, double t, Random random, List<double> purchaseTimes)
    {
        ArgumentNullException.ThrowIfNull(purchaseTimes);
        BgNbdSimulator.Simulate(parameters.Shared, t, random, purchaseTimes, dropoutAtFirstPurchase: true);
    }

    /// <summary>
    /// Simulates a summary of <paramref name="observationLengths"/>.Length customers, customer i observed for
    /// T = observationLengths[i]; ids are "1", "2", ….
    /// </summary>
    public static CustomerSummary Simulate(in MbgNbdParameters parameters, ReadOnlySpan<double> observationLengths, int seed)
    {
        parameters.Validate();
        var p = parameters.Shared;
        return SimulatedSummary.Build(observationLengths, seed, (t, random) => BgNbdSimulator.Simulate(p, t, random, null, dropoutAtFirstPurchase: true));
    }
}
