namespace Clv.Models.Kernels;

/// <summary>
/// The distinct (x, v) pairs of a table with summed weights, in (x, v) ascending order — the same rows and order as
/// <see cref="DistinctRows.Collapse"/> gives for (x, v, 0), by sorting instead of hashing: rows are scattered into x segments
/// (a counting sort), each segment's values are sorted with their weights (a primitive-key sort), and equal neighbours are
/// merged. For Gamma-Gamma's (x, m_x), where nearly every customer is its own row, this is several times faster and
/// allocates a fraction of the hash tables' memory. Weights of equal pairs are added in an order fixed by the input; whole
/// weights (customer counts) sum exactly in any order, so a table and its compressed form give the same rows to the bit.
/// </summary>
internal static class DistinctPairs
{
    /// <summary>Collapses identical (x, v); values must be validated (no NaN, x whole and ≥ 0). −0 and +0 are the same value.</summary>
    /// <param name="x">Frequencies.</param>
    /// <param name="value">The second key (e.g. mean spend).</param>
    /// <param name="weights">Per-row weights, or empty for unit weights.</param>
    public static (double[] X, double[] Value, double[] Weight) Collapse(ReadOnlySpan<double> x, ReadOnlySpan<double> value, ReadOnlySpan<double> weights)
    {
        int n = x.Length;
        if (value.Length != n) throw new ArgumentException("frequency and value must have the same length.");
        if (weights.Length != 0 && weights.Length != n) throw new ArgumentException("weights must be empty or have one value per row.");
        var start = DistinctRows.SegmentStarts(x);
        int maxX = start.Length - 2;
        var next = start.AsSpan(0, maxX + 1).ToArray();
        var keys = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            int at = next[(int)x[i]]++;
            keys[at] = value[i] + 0.0; // + 0.0 turns −0 into +0
            w[at] = weights.Length == 0 ? 1.0 : weights[i];
        }

        var outX = new double[n];
        int rows = 0;
        for (int v = 0; v <= maxX; v++)
        {
            int s = start[v], e = start[v + 1];
            if (e == s) continue;
            Array.Sort(keys, w, s, e - s);
            for (int j = s; j < e; j++)
            {
                if (j > s && keys[j] == keys[rows - 1] && outX[rows - 1] == v)
                {
                    w[rows - 1] += w[j];
                    continue;
                }
                // rows ≤ j: compacting in place never overwrites an entry not yet read.
                keys[rows] = keys[j];
                w[rows] = w[j];
                outX[rows] = v;
                rows++;
            }
        }
        Array.Resize(ref outX, rows);
        Array.Resize(ref keys, rows);
        Array.Resize(ref w, rows);
        return (outX, keys, w);
    }
}
