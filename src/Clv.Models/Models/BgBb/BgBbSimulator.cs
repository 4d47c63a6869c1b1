using MathNet.Numerics.Distributions;

namespace Clv.Models.BgBb;

/// <summary>
/// Draws customers from the BG/BB story (Fader, Hardie &amp; Shang 2010, section 2): p ~ Beta(α, β) and θ ~ Beta(γ, δ) per
/// customer; a first transaction at opportunity 0; at the start of each opportunity 1, 2, … an alive customer becomes
/// inactive with probability θ, and if still alive transacts with probability p. Seeded and reproducible.
/// </summary>
public static class BgBbSimulator
{
    /// <summary>Simulates one customer over <paramref name="n"/> opportunities: returns (x, t_x).</summary>
    public static (int Frequency, int Recency) SimulateCustomer(in BgBbParameters parameters, int n, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        double p = Beta.Sample(random, parameters.Alpha, parameters.Beta);
        double theta = Beta.Sample(random, parameters.Gamma, parameters.Delta);
        int x = 0, tx = 0;
        for (int t = 1; t <= n; t++)
        {
            if (random.NextDouble() < theta) break;
            if (random.NextDouble() < p)
            {
                x++;
                tx = t;
            }
        }
        return (x, tx);
    }

    /// <summary>Simulates <paramref name="periods"/>.Length customers, customer i observed for n = periods[i] opportunities.</summary>
    public static OpportunitySummary Simulate(in BgBbParameters parameters, ReadOnlySpan<int> periods, int seed)
    {
        parameters.Validate();
        var random = new Random(seed);
        var x = new int[periods.Length];
        var tx = new int[periods.Length];
        for (int i = 0; i < periods.Length; i++) (x[i], tx[i]) = SimulateCustomer(parameters, periods[i], random);
        return new OpportunitySummary(x, tx, periods.ToArray(), source: "simulated");
    }
}
