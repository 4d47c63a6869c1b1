namespace Clv.Models.Uncertainty;

/// <summary>
/// Walker's alias method (Walker 1977, ACM TOMS 3(3); Vose 1991, IEEE TSE 17(9) for the stable construction): draws an index
/// k with probability w_k / Σw in O(1) after O(K) set-up. A nonparametric bootstrap resample of N customers is N such draws
/// over the rows that stand for them, i.e. a multinomial draw of counts with cell probabilities w_k / N.
/// </summary>
internal sealed class AliasTable
{
    private readonly double[] threshold;
    private readonly int[] alias;

    public AliasTable(ReadOnlySpan<double> weights)
    {
        int k = weights.Length;
        if (k == 0) throw new ArgumentException("at least one row is needed", nameof(weights));
        double total = 0;
        foreach (double w in weights) total += w;
        if (!(total > 0 && double.IsFinite(total))) throw new ArgumentException("the weights must have a positive finite sum", nameof(weights));
        threshold = new double[k];
        alias = new int[k];
        var scaled = new double[k];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = 0; i < k; i++)
        {
            scaled[i] = weights[i] * k / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop(), l = large.Pop();
            threshold[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }
        while (large.Count > 0) { int l = large.Pop(); threshold[l] = 1; alias[l] = l; }
        while (small.Count > 0) { int s = small.Pop(); threshold[s] = 1; alias[s] = s; } // rounding leftovers
    }

    /// <summary>Number of cells.</summary>
    public int Count => threshold.Length;

    /// <summary>One draw: a uniform cell, kept with its threshold probability, else its alias.</summary>
    public int Draw(ReplicateRandom random)
    {
        int k = random.Next(threshold.Length);
        return random.NextDouble() < threshold[k] ? k : alias[k];
    }

    /// <summary>Adds one to <c>counts[cell]</c> for each of <paramref name="draws"/> draws (counts is cleared first).</summary>
    public void Multinomial(long draws, ReplicateRandom random, Span<double> counts)
    {
        if (counts.Length != threshold.Length) throw new ArgumentException("one count per cell", nameof(counts));
        counts.Clear();
        for (long d = 0; d < draws; d++) counts[Draw(random)] += 1;
    }
}
