namespace Clv.Models.Kernels;

/// <summary>
/// Customers re-ordered by frequency x into contiguous segments, the layout every likelihood kernel runs on:
/// inside a segment all x-only terms (gamma and beta function ratios) are constants, so the per-row work is
/// a few logarithms, and the rows form long unit-stride runs for vector lanes.
/// The rows are cut into fixed <see cref="Pieces"/> (never more than <see cref="PieceSize"/> rows, never
/// straddling a segment) that depend on the data only, so partial sums are always added in the same order
/// and the result is bit-identical for any number of threads.
/// In the RFM layout, identical rows (same x, t_x and T) are collapsed into one row whose weight is the sum of
/// theirs — "algebra before arithmetic": a million simulated CDNOW-like customers have about 108,000 distinct
/// (x, t_x, T) rows, so each likelihood evaluation does a tenth of the work.
/// </summary>
internal sealed class FrequencySegments
{
    /// <summary>Largest number of rows in one work piece.</summary>
    public const int PieceSize = 8192;

    private readonly double[][] columns;

    private FrequencySegments(int[] frequencies, int[] segmentStart, double[][] columns, double[] weight,
        Piece[] pieces, double[] segmentWeight, double totalWeight)
    {
        Frequencies = frequencies;
        SegmentStart = segmentStart;
        this.columns = columns;
        Weight = weight;
        Pieces = pieces;
        SegmentWeight = segmentWeight;
        TotalWeight = totalWeight;
    }

    /// <summary>Distinct frequencies, ascending; segment k holds the rows with x = Frequencies[k].</summary>
    public int[] Frequencies { get; }

    /// <summary>Row offset of each segment, with a final entry equal to the row count.</summary>
    public int[] SegmentStart { get; }

    /// <summary>Recency t_x in segment order (column 0 of an RFM layout made by <see cref="Create(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>).</summary>
    public double[] Recency => columns[0];

    /// <summary>T in segment order (column 1 of an RFM layout).</summary>
    public double[] T => columns[1];

    /// <summary>Per-row column <paramref name="k"/> in segment order, in the order given to <see cref="Create(ReadOnlySpan{double}, ReadOnlySpan{double}, double[][])"/>.</summary>
    public double[] Column(int k) => columns[k];

    /// <summary>Row weights in segment order: the sum of the weights (1 for a raw customer) of the identical input rows a row stands for.</summary>
    public double[] Weight { get; }

    /// <summary>Fixed work pieces in segment order.</summary>
    public Piece[] Pieces { get; }

    /// <summary>Σ weight per segment.</summary>
    public double[] SegmentWeight { get; }

    /// <summary>Σ weight over all rows (the number of customers for unit weights).</summary>
    public double TotalWeight { get; }

    /// <summary>Largest frequency present (0 for no rows).</summary>
    public int MaxFrequency => Frequencies.Length == 0 ? 0 : Frequencies[^1];

    /// <summary>Number of (distinct) rows.</summary>
    public int Count => Weight.Length;

    /// <summary>A contiguous run of rows inside one segment.</summary>
    /// <param name="Segment">Segment index.</param>
    /// <param name="Start">First row.</param>
    /// <param name="End">One past the last row.</param>
    internal readonly record struct Piece(int Segment, int Start, int End);

    /// <summary>The RFM layout: (t_x, T) per row, segmented by x. Inputs must already be validated.</summary>
    /// <param name="weights">Per-row weights, or empty for unit weights.</param>
    public static FrequencySegments Create(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, ReadOnlySpan<double> weights)
    {
        if (tx.Length != x.Length || t.Length != x.Length)
            throw new ArgumentException("frequency, recency and T must have the same length.");
        var distinct = DistinctRows.Collapse(x, tx, t, weights);
        return Create(distinct.X, distinct.Weight, [distinct.Recency, distinct.T]);
    }

    /// <summary>
    /// Any per-row columns, segmented by x by a stable counting sort (rows are not collapsed: for continuous columns such
    /// as mean spend, hashing every row costs more than it saves). Inputs must already be validated (x non-negative whole
    /// numbers, no NaN).
    /// </summary>
    /// <param name="weights">Per-row weights, or empty for unit weights.</param>
    /// <param name="columns">Per-row columns in the caller's order; each is copied into segment order.</param>
    public static FrequencySegments Create(ReadOnlySpan<double> x, ReadOnlySpan<double> weights, double[][] columns)
    {
        int n = x.Length;
        if (weights.Length != 0 && weights.Length != n) throw new ArgumentException("weights must be empty or have one value per row.");
        foreach (var c in columns) if (c.Length != n) throw new ArgumentException("every column must have one value per row.");

        int maxX = 0;
        for (int i = 0; i < n; i++) maxX = Math.Max(maxX, checked((int)x[i]));
        var counts = new int[maxX + 2];
        for (int i = 0; i < n; i++) counts[(int)x[i] + 1]++;
        int distinct = 0;
        for (int v = 0; v <= maxX; v++) if (counts[v + 1] > 0) distinct++;
        for (int v = 1; v < counts.Length; v++) counts[v] += counts[v - 1];

        var frequencies = new int[distinct];
        var segmentStart = new int[distinct + 1];
        for (int v = 0, k = 0; v <= maxX; v++)
        {
            if (counts[v + 1] > counts[v]) { frequencies[k] = v; segmentStart[k] = counts[v]; k++; }
        }
        segmentStart[distinct] = n;

        var order = new int[n];
        var next = counts.AsSpan(0, maxX + 1).ToArray();
        for (int i = 0; i < n; i++) order[next[(int)x[i]]++] = i;

        int columnCount = columns.Length;
        var sorted = new double[columnCount][];
        for (int c = 0; c < columnCount; c++) sorted[c] = new double[n];
        var w = new double[n];
        var segmentWeight = new double[distinct];
        double total = 0;
        for (int s = 0; s < distinct; s++)
        {
            double sw = 0;
            for (int j = segmentStart[s]; j < segmentStart[s + 1]; j++)
            {
                int i = order[j];
                double wi = weights.Length == 0 ? 1.0 : weights[i];
                sw += wi;
                for (int c = 0; c < columnCount; c++) sorted[c][j] = columns[c][i];
                w[j] = wi;
            }
            segmentWeight[s] = sw;
            total += sw;
        }

        var pieces = new List<Piece>(n / PieceSize + distinct + 1);
        for (int s = 0; s < distinct; s++)
        {
            for (int start = segmentStart[s]; start < segmentStart[s + 1]; start += PieceSize)
                pieces.Add(new Piece(s, start, Math.Min(start + PieceSize, segmentStart[s + 1])));
        }

        return new FrequencySegments(frequencies, segmentStart, sorted, w, [.. pieces], segmentWeight, total);
    }
}
