using Clv.Models.Data;
using MathNet.Numerics.Distributions;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// Draws customers from the Pareto/NBD story (Schmittlein, Morrison &amp; Colombo 1987; Fader &amp; Hardie 2005 note, section 2):
/// λ ~ Gamma(r, α) and μ ~ Gamma(s, β) per customer; a first purchase at time 0; an exponential lifetime ω with rate μ;
/// while alive (τ &lt; ω), purchases follow a Poisson process with rate λ. Seeded and reproducible.
/// </summary>
public static class ParetoNbdSimulator
{
    /// <summary>Simulates one customer observed for <paramref name="t"/> time units: returns (x, t_x).</summary>
    public static (int Frequency, double Recency) SimulateCustomer(in ParetoNbdParameters parameters, double t, Random random) =>
        Simulate(parameters, t, random, null);

    /// <summary>
    /// Simulates one customer observed for <paramref name="t"/> time units and appends the times of the repeat purchases
    /// (in (0, t], ascending) to <paramref name="purchaseTimes"/>; the draws are those of <see cref="SimulateCustomer"/>.
    /// </summary>
    public static void SimulatePurchaseTimes(in ParetoNbdParameters parameters, double t, Random random, List<double> purchaseTimes)
    {
        ArgumentNullException.ThrowIfNull(purchaseTimes);
        Simulate(parameters, t, random, purchaseTimes);
    }

    private static (int Frequency, double Recency) Simulate(in ParetoNbdParameters parameters, double t, Random random, List<double>? times)
    {
        ArgumentNullException.ThrowIfNull(random);
        double lambda = Gamma.Sample(random, parameters.R, parameters.Alpha);
        double mu = Gamma.Sample(random, parameters.S, parameters.Beta);
        double lifetime = mu > 0 ? Exponential.Sample(random, mu) : double.PositiveInfinity;
        double end = Math.Min(t, lifetime);
        int x = 0;
        double tx = 0, time = 0;
        if (!(lambda > 0)) return (0, 0);
        while (true)
        {
            time += Exponential.Sample(random, lambda);
            if (time > end) break;
            x++;
            tx = time;
            times?.Add(time);
        }
        return (x, tx);
    }

    /// <summary>
    /// Simulates a summary of <paramref name="observationLengths"/>.Length customers, customer i observed for
    /// T = observationLengths[i]; ids are "1", "2", ….
    /// </summary>
    public static CustomerSummary Simulate(in ParetoNbdParameters parameters, ReadOnlySpan<double> observationLengths, int seed)
    {
        parameters.Validate();
        var p = parameters;
        return SimulatedSummary.Build(observationLengths, seed, (t, random) => Simulate(p, t, random, null));
    }
}
