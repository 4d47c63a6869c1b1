namespace Clv.Models.Kernels;

/// <summary>Sums of one piece of rows into its slot of the piece-sums buffer.</summary>
internal delegate void PieceSums<TParameters>(FrequencySegments data, in TParameters p, FrequencySegments.Piece piece, Span<double> sums);

/// <summary>
/// Runs a piece kernel over every piece of a layout, on up to <c>threads</c> threads. Each piece writes only its own slot
/// of <c>pieceSums</c> and the caller adds the slots in piece order, so the result is bit-identical for any thread count.
/// </summary>
internal static class PieceLoop
{
    /// <summary>Below this many rows the work runs on the calling thread.</summary>
    public const int MinRowsForThreads = 2 * FrequencySegments.PieceSize;

    public static void Run<TParameters>(FrequencySegments data, in TParameters p, int sumCount, double[] pieceSums, int threads, PieceSums<TParameters> kernel)
    {
        var pieces = data.Pieces;
        if (threads == 1 || data.Count < MinRowsForThreads)
        {
            for (int k = 0; k < pieces.Length; k++) kernel(data, p, pieces[k], pieceSums.AsSpan(k * sumCount, sumCount));
            return;
        }
        var pp = p;
        Parallel.For(0, pieces.Length, new ParallelOptions { MaxDegreeOfParallelism = threads },
            k => kernel(data, pp, pieces[k], pieceSums.AsSpan(k * sumCount, sumCount)));
    }
}
