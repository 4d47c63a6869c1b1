using Clv.Models.Data;

namespace Clv.Models;

/// <summary>The summary of simulated customers, shared by every model's simulator.</summary>
internal static class SimulatedSummary
{
    /// <summary>
    /// Customer i observed for T = observationLengths[i], drawn by <paramref name="customer"/> (T, random) → (x, t_x) from one
    /// seeded stream; ids are "1", "2", ….
    /// </summary>
    public static CustomerSummary Build(ReadOnlySpan<double> observationLengths, int seed, Func<double, Random, (int Frequency, double Recency)> customer)
    {
        int n = observationLengths.Length;
        var random = new Random(seed);
        var ids = new string[n];
        var x = new double[n];
        var tx = new double[n];
        var t = observationLengths.ToArray();
        for (int i = 0; i < n; i++)
        {
            (int f, double r) = customer(t[i], random);
            ids[i] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            x[i] = f;
            tx[i] = r;
        }
        return new CustomerSummary(ids, x, tx, t);
    }
}
