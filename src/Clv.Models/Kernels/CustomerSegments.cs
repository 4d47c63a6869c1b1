namespace Clv.Models.Kernels;

/// <summary>
/// Customers segmented by frequency for likelihoods whose parameters differ per customer (covariates): the rows of
/// <see cref="FrequencySegments"/> (stable counting sort by x, no collapsing of identical rows, since two customers with
/// the same (x, t_x, T) may have different rates) and the permutation back to the caller's order. Built once per fit;
/// immutable, so one instance may serve concurrent evaluations.
/// </summary>
internal sealed class CustomerSegments
{
    private CustomerSegments(FrequencySegments segments, int[] order)
    {
        Segments = segments;
        Order = order;
    }

    /// <summary>The rows in segment order (recency, T, weight per row; fixed pieces).</summary>
    public FrequencySegments Segments { get; }

    /// <summary>Order[j] = the caller's index of segment row j (a permutation of 0 … Count − 1).</summary>
    public int[] Order { get; }

    /// <summary>Number of customers (rows).</summary>
    public int Count => Order.Length;

    /// <summary>Length of the piece-sums buffer a kernel with <paramref name="sumCount"/> sums per piece needs.</summary>
    public int PieceSumsLength(int sumCount) => Segments.Pieces.Length * sumCount;

    /// <summary>Segments the rows (x, t_x, T, w), given in the caller's order.</summary>
    /// <param name="x">Frequencies: whole numbers ≥ 0.</param>
    /// <param name="tx">Recencies, 0 ≤ t_x ≤ T.</param>
    /// <param name="t">Ages T &gt; 0 (finite).</param>
    /// <param name="weights">Per-row weights (finite, ≥ 0), or empty for unit weights.</param>
    /// <exception cref="ArgumentException">Lengths differ, or a value is out of range (the message names the row).</exception>
    public static CustomerSegments Create(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, ReadOnlySpan<double> weights)
    {
        int n = x.Length;
        if (tx.Length != n || t.Length != n || (weights.Length != 0 && weights.Length != n))
            throw new ArgumentException($"frequency, recency, T (and weights, unless empty) must have the same length (got {n}, {tx.Length}, {t.Length}, {weights.Length}).");
        var index = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (!(x[i] >= 0 && x[i] <= int.MaxValue && x[i] == Math.Floor(x[i])))
                throw new ArgumentException($"row {i}: frequency must be a whole number >= 0 (got {x[i]}).", nameof(x));
            if (!(double.IsFinite(t[i]) && t[i] > 0))
                throw new ArgumentException($"row {i}: T must be finite and > 0 (got {t[i]}).", nameof(t));
            if (!(tx[i] >= 0 && tx[i] <= t[i]))
                throw new ArgumentException($"row {i}: recency must satisfy 0 <= t_x <= T (got t_x = {tx[i]}, T = {t[i]}).", nameof(tx));
            if (weights.Length != 0 && !(double.IsFinite(weights[i]) && weights[i] >= 0))
                throw new ArgumentException($"row {i}: weight must be finite and >= 0 (got {weights[i]}).", nameof(weights));
            index[i] = i;
        }
        var segments = FrequencySegments.Create(x, weights, [tx.ToArray(), t.ToArray(), index]);
        var sortedIndex = segments.Column(2);
        var order = new int[n];
        for (int j = 0; j < n; j++) order[j] = (int)sortedIndex[j];
        return new CustomerSegments(segments, order);
    }
}
