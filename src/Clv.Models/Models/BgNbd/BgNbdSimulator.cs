using Clv.Models.Data;
using MathNet.Numerics.Distributions;

namespace Clv.Models.BgNbd;

/// <summary>
/// Draws customers from the BG/NBD story (Fader, Hardie &amp; Lee 2005, section 2): λ ~ Gamma(r, α) and
/// p ~ Beta(a, b) per customer; a first purchase at time 0; while alive, purchases follow a Poisson process with
/// rate λ; after each repeat purchase the customer dies with probability p. Seeded and reproducible.
/// </summary>
public static class BgNbdSimulator
{
    /// <summary>Simulates one customer observed for <paramref name="t"/> time units: returns (x, t_x).</summary>
    public static (int Frequency, double Recency) SimulateCustomer(in BgNbdParameters parameters, double t, Random random) =>
        Simulate(parameters, t, random, null);

    /// <summary>
    /// Simulates one customer observed for <paramref name="t"/> time units and appends the times of the repeat purchases
    /// (in (0, t], ascending) to <paramref name="purchaseTimes"/>; the draws are those of <see cref="SimulateCustomer"/>.
    /// </summary>
    public static void SimulatePurchaseTimes(in BgNbdParameters parameters, double t, Random random, List<double> purchaseTimes)
    {
        ArgumentNullException.ThrowIfNull(purchaseTimes);
        Simulate(parameters, t, random, purchaseTimes);
    }

    /// <summary>
    /// One customer; with <paramref name="dropoutAtFirstPurchase"/> (MBG/NBD) the customer also flips the dropout coin right after
    /// the first purchase, at time 0.
    /// </summary>
    internal static (int Frequency, double Recency) Simulate(in BgNbdParameters parameters, double t, Random random, List<double>? times,
        bool dropoutAtFirstPurchase = false)
    {
        ArgumentNullException.ThrowIfNull(random);
        double lambda = Gamma.Sample(random, parameters.R, parameters.Alpha);
        double p = Beta.Sample(random, parameters.A, parameters.B);
        int x = 0;
        double tx = 0, time = 0;
        if (dropoutAtFirstPurchase && random.NextDouble() < p) return (0, 0);
        if (!(lambda > 0)) return (0, 0);
        while (true)
        {
            time += Exponential.Sample(random, lambda);
            if (time > t) break;
            x++;
            tx = time;
            times?.Add(time);
            if (random.NextDouble() < p) break;
        }
        return (x, tx);
    }

    /// <summary>
    /// Simulates a summary of <paramref name="observationLengths"/>.Length customers, customer i observed for
    /// T = observationLengths[i]; ids are "1", "2", ….
    /// </summary>
    public static CustomerSummary Simulate(in BgNbdParameters parameters, ReadOnlySpan<double> observationLengths, int seed)
    {
        parameters.Validate();
        var p = parameters;
        return SimulatedSummary.Build(observationLengths, seed, (t, random) => Simulate(p, t, random, null));
    }
}
