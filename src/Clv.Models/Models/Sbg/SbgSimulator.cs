using MathNet.Numerics.Distributions;

namespace Clv.Models.Sbg;

/// <summary>
/// Draws cohorts from the sBG story (Fader &amp; Hardie 2007, eqs. 1–3): per customer θ ~ Beta(α, β); at the end of every period
/// an active customer cancels with probability θ. Seeded and reproducible.
/// </summary>
public static class SbgSimulator
{
    /// <summary>
    /// The period T ≥ 1 in which one customer cancels, drawn up to <paramref name="maxPeriod"/>: returns maxPeriod + 1 for a
    /// customer still active after period maxPeriod.
    /// </summary>
    public static int SimulateLifetime(in SbgParameters parameters, int maxPeriod, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double theta = Beta.Sample(random, parameters.Alpha, parameters.Beta);
        int t = 1;
        while (t <= maxPeriod && random.NextDouble() >= theta) t++;
        return t;
    }

    /// <summary>
    /// Survivor counts of cohorts named "1", "2", …: cohort c has <paramref name="sizes"/>[c] customers and is observed at periods
    /// 0..<paramref name="ages"/>[c].
    /// </summary>
    public static CohortSurvivors Simulate(in SbgParameters parameters, ReadOnlySpan<int> sizes, ReadOnlySpan<int> ages, int seed)
    {
        parameters.Validate();
        if (sizes.Length != ages.Length) throw new ArgumentException($"{sizes.Length} cohort sizes but {ages.Length} ages");
        var random = new Random(seed);
        List<string> cohorts = [];
        List<int> periods = [];
        List<double> survivors = [];
        for (int c = 0; c < sizes.Length; c++)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(sizes[c], 1);
            ArgumentOutOfRangeException.ThrowIfNegative(ages[c]);
            var lost = new int[ages[c] + 2]; // lost[t] = customers cancelling in period t ≤ age; lost[age + 1] = still active
            for (int i = 0; i < sizes[c]; i++) lost[SimulateLifetime(parameters, ages[c], random)]++;
            double active = sizes[c];
            string name = (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (int t = 0; t <= ages[c]; t++)
            {
                active -= lost[t];
                cohorts.Add(name);
                periods.Add(t);
                survivors.Add(active);
            }
        }
        return new CohortSurvivors([.. cohorts], [.. periods], [.. survivors], "simulated");
    }
}
