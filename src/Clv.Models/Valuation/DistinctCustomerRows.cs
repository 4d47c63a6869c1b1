using Clv.Models.Data;
using Clv.Models.Kernels;

namespace Clv.Models.Valuation;

/// <summary>Fills one prediction column for customers given by their (x, t_x, T) columns.</summary>
internal delegate void PredictionColumn(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> result);

/// <summary>Fills one prediction column for the distinct rows start, start+1, … (the chunk's offset lets it read other per-row columns).</summary>
internal delegate void ChunkColumn(int start, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> result);

/// <summary>
/// A customer base's distinct (x, t_x, T) rows: every prediction depends on a customer through these three numbers only, so a
/// column is computed once per distinct row (a tenth of the customers for day-grained data), in parallel chunks, and expanded
/// back to the customers. Each chunk's result depends only on its rows, so the output is the same for any number of threads.
/// </summary>
internal sealed class DistinctCustomerRows
{
    private const int MinimumChunk = 4096;
    private readonly DistinctRows rows;
    private readonly int[] rowOf;
    private readonly int threads;

    public DistinctCustomerRows(CustomerSummary summary, int threads)
    {
        rowOf = new int[summary.Count];
        rows = DistinctRows.Collapse(summary.Frequency, summary.Recency, summary.T, [], rowOf);
        this.threads = threads;
    }

    /// <summary>Number of distinct rows.</summary>
    public int Count => rows.Count;

    /// <summary>The column, one value per customer in the summary's order.</summary>
    public double[] Column(PredictionColumn fill) => Expand(PerRow((_, x, tx, t, result) => fill(x, tx, t, result)));

    /// <summary>The column, one value per distinct row, filled in parallel chunks.</summary>
    public double[] PerRow(ChunkColumn fill)
    {
        var perRow = new double[rows.Count];
        int chunks = Math.Max(1, Math.Min(4 * threads, rows.Count / MinimumChunk));
        int size = (rows.Count + chunks - 1) / chunks;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            int start = k * size, length = Math.Min(size, rows.Count - start);
            if (length <= 0) return;
            fill(start, rows.X.AsSpan(start, length), rows.Recency.AsSpan(start, length), rows.T.AsSpan(start, length), perRow.AsSpan(start, length));
        });
        return perRow;
    }

    /// <summary>A per-distinct-row column spread back to the customers.</summary>
    public double[] Expand(double[] perRow)
    {
        var result = new double[rowOf.Length];
        DistinctRows.Expand(perRow, rowOf, result);
        return result;
    }
}
