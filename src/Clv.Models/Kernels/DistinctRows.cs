using System.Numerics;
using System.Runtime.CompilerServices;

namespace Clv.Models.Kernels;

/// <summary>
/// The distinct (x, t_x, T) rows of a customer table, each with the sum of the weights of the rows it stands for: rows
/// grouped by x, then collapsed per x with an open-addressing hash table whose slots hold the keys inline (no per-row
/// allocation, no comparer calls). Each table grows with the number of distinct rows of its x, not with the input.
/// The distinct rows come out in one canonical order, (x, t_x, T) ascending, whatever the order of the input: a fit on the
/// per-customer rows and a fit on their compressed table (<see cref="Data.CompressedSummary"/>) add the same numbers in the
/// same order, so they agree to the last bit.
/// </summary>
internal sealed class DistinctRows
{
    private DistinctRows(double[] x, double[] tx, double[] t, double[] weight)
    {
        X = x;
        Recency = tx;
        T = t;
        Weight = weight;
    }

    /// <summary>Frequency of each distinct row.</summary>
    public double[] X { get; }

    /// <summary>Recency t_x of each distinct row.</summary>
    public double[] Recency { get; }

    /// <summary>T of each distinct row.</summary>
    public double[] T { get; }

    /// <summary>Summed weight of each distinct row (its number of customers for unit weights), added in input order.</summary>
    public double[] Weight { get; }

    /// <summary>Number of distinct rows.</summary>
    public int Count => X.Length;

    /// <summary>
    /// Collapses identical rows; values must be validated (no NaN, x whole and non-negative). −0 and +0 are the same value.
    /// The distinct rows come out ordered by x, then t_x, then T (ascending).
    /// </summary>
    /// <param name="weights">Per-row weights, or empty for unit weights.</param>
    /// <param name="rowOf">Empty, or one entry per input row that receives the index of its distinct row (see <see cref="Expand"/>).</param>
    public static DistinctRows Collapse(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, ReadOnlySpan<double> weights, Span<int> rowOf = default)
    {
        int n = x.Length;
        if (tx.Length != n || t.Length != n) throw new ArgumentException("frequency, recency and T must have the same length.");
        if (weights.Length != 0 && weights.Length != n) throw new ArgumentException("weights must be empty or have one value per row.");
        if (rowOf.Length != 0 && rowOf.Length != n) throw new ArgumentException("rowOf must be empty or have one entry per row.");

        // Group the rows by x first (a stable counting sort): each group's table is small enough to stay in cache, where one
        // table over all rows would miss on nearly every lookup.
        var start = SegmentStarts(x);
        int maxX = start.Length - 2;
        var order = new int[n];
        var next = start.AsSpan(0, maxX + 1).ToArray();
        for (int i = 0; i < n; i++) order[next[(int)x[i]]++] = i;

        int initial = Math.Min(n, 1 << 12);
        var dx = new double[initial];
        var dtx = new double[initial];
        var dt = new double[initial];
        var dw = new double[initial];
        int rows = 0;
        for (int v = 0; v <= maxX; v++)
        {
            int first = rows;
            var table = new Table(Math.Min(start[v + 1] - start[v], 1 << 10));
            for (int j = start[v]; j < start[v + 1]; j++)
            {
                int i = order[j];
                double txi = tx[i] + 0.0, ti = t[i] + 0.0; // + 0.0 turns −0 into +0
                double wi = weights.Length == 0 ? 1.0 : weights[i];
                int row = first + table.FindOrAdd(txi, ti, rows - first);
                if (rowOf.Length != 0) rowOf[i] = row;
                if (row < rows)
                {
                    dw[row] += wi;
                    continue;
                }
                if (rows == dx.Length)
                {
                    int size = Math.Min(n, 2 * rows);
                    Array.Resize(ref dx, size);
                    Array.Resize(ref dtx, size);
                    Array.Resize(ref dt, size);
                    Array.Resize(ref dw, size);
                }
                dx[rows] = v;
                dtx[rows] = txi;
                dt[rows] = ti;
                dw[rows] = wi;
                rows++;
                if (2 * (rows - first) > table.Capacity) table = table.Grow(dtx.AsSpan(first, rows - first), dt.AsSpan(first, rows - first));
            }
            SortSegment(dtx.AsSpan(first, rows - first), dt.AsSpan(first, rows - first), dw.AsSpan(first, rows - first),
                first, rowOf.Length == 0 ? default : order.AsSpan(start[v], start[v + 1] - start[v]), rowOf);
        }
        Array.Resize(ref dx, rows);
        Array.Resize(ref dtx, rows);
        Array.Resize(ref dt, rows);
        Array.Resize(ref dw, rows);
        return new DistinctRows(dx, dtx, dt, dw);
    }

    /// <summary>
    /// Puts one x's distinct rows (found in first-occurrence order) in (t_x, T) order, and re-points the input rows of that x
    /// (<paramref name="inputRows"/>, when <paramref name="rowOf"/> is wanted) at their rows' new places.
    /// </summary>
    private static void SortSegment(Span<double> tx, Span<double> t, Span<double> w, int first, ReadOnlySpan<int> inputRows, Span<int> rowOf)
    {
        int m = tx.Length;
        bool sorted = true;
        for (int k = 1; k < m && sorted; k++) sorted = tx[k - 1] < tx[k] || (tx[k - 1] == tx[k] && t[k - 1] < t[k]);
        if (sorted) return;
        // A struct key sorts through the generic (devirtualised) comparer, several times faster than a comparison delegate over
        // indices; it matters for Gamma-Gamma, whose (x, m_x) rows stay nearly as many as the customers.
        var keys = new RowKey[m];
        for (int k = 0; k < m; k++) keys[k] = new RowKey(tx[k], t[k], k);
        Array.Sort(keys);
        double[] weight = w.ToArray();
        for (int k = 0; k < m; k++)
        {
            tx[k] = keys[k].Tx;
            t[k] = keys[k].T;
            w[k] = weight[keys[k].Index];
        }
        if (inputRows.Length == 0) return;
        var place = new int[m];
        for (int k = 0; k < m; k++) place[keys[k].Index] = k;
        foreach (int i in inputRows) rowOf[i] = first + place[rowOf[i] - first];
    }

    /// <summary>
    /// The counting sort's bounds by x: rows with frequency v occupy [start[v], start[v + 1]) of an x-ordered copy; the array
    /// has max x + 2 entries.
    /// </summary>
    internal static int[] SegmentStarts(ReadOnlySpan<double> x)
    {
        int maxX = 0;
        foreach (double v in x) maxX = Math.Max(maxX, checked((int)v));
        var start = new int[maxX + 2];
        foreach (double v in x) start[(int)v + 1]++;
        for (int v = 1; v < start.Length; v++) start[v] += start[v - 1];
        return start;
    }

    /// <summary>A row's sort key within its x: (t_x, T); distinct rows never tie, so the index only carries the row along.</summary>
    private readonly record struct RowKey(double Tx, double T, int Index) : IComparable<RowKey>
    {
        public int CompareTo(RowKey other) => Tx != other.Tx ? Tx.CompareTo(other.Tx) : T.CompareTo(other.T);
    }

    /// <summary>Per input row, the value of its distinct row: <c>result[i] = perRow[rowOf[i]]</c>.</summary>
    public static void Expand(ReadOnlySpan<double> perRow, ReadOnlySpan<int> rowOf, Span<double> result)
    {
        if (result.Length != rowOf.Length) throw new ArgumentException("result must have one entry per input row.");
        for (int i = 0; i < rowOf.Length; i++) result[i] = perRow[rowOf[i]];
    }

    /// <summary>Linear-probing table of (t_x, T) → row within one x; a slot with <see cref="Slot.RowPlusOne"/> = 0 is empty. Load ≤ 1/2.</summary>
    private sealed class Table
    {
        private readonly Slot[] slots;
        private readonly int shift;

        public Table(int minimumRows)
        {
            int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 2 * minimumRows));
            slots = new Slot[capacity];
            shift = 64 - BitOperations.Log2((uint)capacity);
        }

        public int Capacity => slots.Length;

        /// <summary>The row holding (t_x, T), or <paramref name="newRow"/> after recording it as the key's row.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int FindOrAdd(double tx, double t, int newRow)
        {
            int mask = slots.Length - 1;
            int k = Hash(tx, t);
            while (true)
            {
                ref Slot s = ref slots[k];
                if (s.RowPlusOne == 0)
                {
                    s = new Slot(tx, t, newRow + 1);
                    return newRow;
                }
                if (s.Recency == tx && s.T == t) return s.RowPlusOne - 1;
                k = (k + 1) & mask;
            }
        }

        /// <summary>A table twice the size holding the rows so far.</summary>
        public Table Grow(ReadOnlySpan<double> tx, ReadOnlySpan<double> t)
        {
            var bigger = new Table(slots.Length);
            for (int row = 0; row < tx.Length; row++) bigger.FindOrAdd(tx[row], t[row], row);
            return bigger;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Hash(double tx, double t)
        {
            ulong h = (ulong)BitConverter.DoubleToInt64Bits(tx) * 0x9E3779B97F4A7C15UL;
            h = (h ^ (h >> 29) ^ (ulong)BitConverter.DoubleToInt64Bits(t)) * 0xBF58476D1CE4E5B9UL;
            return (int)((h ^ (h >> 32)) >> shift);
        }
    }

    private readonly record struct Slot(double Recency, double T, int RowPlusOne);
}
