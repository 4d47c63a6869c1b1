using Clv.Models.Estimation;

namespace Clv.Models.BgBb;

/// <summary>
/// The distinct (x, t_x, n) patterns of an <see cref="OpportunitySummary"/> with their total weights, in a fixed order
/// (ascending n, t_x, x). BG/BB's likelihood depends on a customer only through the pattern, and there are at most
/// (n+1)(n+2)/2 patterns per n, so fitting costs the same for a thousand customers or a hundred million.
/// </summary>
internal sealed class BgBbPatterns : ILogLikelihoodFunction
{
    private readonly int[] x, tx, n;
    private readonly double[] w;

    public BgBbPatterns(OpportunitySummary data)
    {
        var weights = new Dictionary<(int N, int Tx, int X), double>();
        for (int i = 0; i < data.Count; i++)
        {
            var key = (data.Periods[i], data.Recency[i], data.Frequency[i]);
            weights[key] = weights.GetValueOrDefault(key) + data.Weight(i);
        }
        var keys = weights.Where(kv => kv.Value > 0).Select(kv => kv.Key).Order().ToArray();
        x = [.. keys.Select(k => k.X)];
        tx = [.. keys.Select(k => k.Tx)];
        n = [.. keys.Select(k => k.N)];
        w = [.. keys.Select(k => weights[k])];
        TotalWeight = w.Sum();
    }

    public int Count => x.Length;

    public IReadOnlyList<string> ParameterNames => BgBbParameters.Names;

    public double TotalWeight { get; }

    /// <summary>Σ w · ln L over the patterns and its gradient (<see cref="BgBbLikelihood"/>).</summary>
    public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        var p = BgBbParameters.FromSpan(parameters);
        Span<double> g = stackalloc double[4];
        double ll = 0;
        gradient[..4].Clear();
        for (int i = 0; i < x.Length; i++)
        {
            ll += w[i] * BgBbLikelihood.ValueAndGradient(p, x[i], tx[i], n[i], g);
            for (int k = 0; k < 4; k++) gradient[k] += w[i] * g[k];
        }
        return ll;
    }

    /// <summary>Weighted means used by the starting values: the share of opportunities with a transaction and of customers who transacted at n.</summary>
    public (double TransactionShare, double ActiveAtEnd) Moments()
    {
        double opportunities = 0, transactions = 0, atEnd = 0;
        for (int i = 0; i < x.Length; i++)
        {
            opportunities += w[i] * n[i];
            transactions += w[i] * x[i];
            if (x[i] > 0 && tx[i] == n[i]) atEnd += w[i];
        }
        return (transactions / Math.Max(opportunities, 1e-300), atEnd / TotalWeight);
    }
}
