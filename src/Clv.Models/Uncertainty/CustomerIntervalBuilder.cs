using Clv.Models.Data;
using Clv.Models.GammaGamma;
using Clv.Models.Kernels;
using Clv.Models.Valuation;

namespace Clv.Models.Uncertainty;

/// <summary>
/// Per-customer percentile intervals from B replicate parameter vectors. A transaction prediction depends on a customer
/// through (x, t_x, T) only, so it is computed once per distinct row: the rows are taken in chunks of C, each chunk's C × B
/// predictions computed (one span call per replicate), each row's B values sorted for its quantiles, and the per-row
/// intervals expanded to the customers. Memory stays at C × B values per column and thread. Expected spend and CLV depend on
/// the customer's own mean spend as well, so they are computed per repeat customer of the chunk's rows (customers without a
/// repeat purchase share their row's population-mean spend). Every chunk's result depends on its rows only: the output is
/// the same for any number of threads.
/// </summary>
internal static class CustomerIntervalBuilder
{
    /// <summary>Distinct rows per chunk.</summary>
    internal const int ChunkRows = 1024;

    public static CustomerIntervals Compute(IReadOnlyList<IPurchaseModel> models, IReadOnlyList<GammaGammaParameters>? spend, CustomerSummary customers,
        double? purchaseHorizon, ValuationOptions? valuation, double level, int threads, int chunkRows = ChunkRows)
    {
        ArgumentNullException.ThrowIfNull(customers);
        valuation?.Validate();
        if (purchaseHorizon is { } ph && !(ph >= 0 && double.IsFinite(ph))) throw new ArgumentOutOfRangeException(nameof(purchaseHorizon), ph, "must be finite and >= 0");
        int n = customers.Count, b = models.Count;
        var rowOf = new int[n];
        var rows = DistinctRows.Collapse(customers.Frequency, customers.Recency, customers.T, [], rowOf);
        int k = rows.Count;
        bool withSpend = spend is not null && valuation is not null;
        double[]? monetary = null;
        if (withSpend)
        {
            RepeatCustomers.Select(customers); // checks the monetary column and every repeat customer's spend
            monetary = customers.MonetaryValue;
        }
        var (first, members) = Members(rowOf, k);

        var alive = new PredictionInterval(new double[k], new double[k]);
        var expected = purchaseHorizon is null ? null : new PredictionInterval(new double[k], new double[k]);
        var det = valuation is null ? null : new PredictionInterval(new double[k], new double[k]);
        var expectedSpend = withSpend ? new PredictionInterval(new double[n], new double[n]) : null;
        var value = withSpend ? new PredictionInterval(new double[n], new double[n]) : null;

        var predictions = new ReplicatePredictions(models, rows, purchaseHorizon, valuation, threads);
        int chunks = (k + chunkRows - 1) / chunkRows;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new double[3][], (chunk, _, buffers) =>
        {
            int start = chunk * chunkRows, c = Math.Min(chunkRows, k - start);
            for (int j = 0; j < 3; j++) if (buffers[j] is null || buffers[j].Length < c * b) buffers[j] = new double[chunkRows * b];
            var (aliveB, expectedB, detB) = (buffers[0], buffers[1], buffers[2]);
            var x = rows.X.AsSpan(start, c);
            var tx = rows.Recency.AsSpan(start, c);
            var t = rows.T.AsSpan(start, c);
            // Replicate r's predictions for the chunk occupy [r·c, (r+1)·c) of each buffer.
            for (int r = 0; r < b; r++)
                predictions.Fill(r, start, x, tx, t, aliveB.AsSpan(r * c, c), expectedB.AsSpan(r * c, c), detB.AsSpan(r * c, c));
            var values = new double[b];
            for (int i = 0; i < c; i++)
            {
                Store(alive, start + i, Column(aliveB, i, c, values), level);
                if (expected is not null) Store(expected, start + i, Column(expectedB, i, c, values), level);
                if (det is not null) Store(det, start + i, Column(detB, i, c, values), level);
                if (withSpend)
                    SpendAndValue(spend!, valuation!.Margin, x[i], detB, i, c, members.AsSpan(first[start + i], first[start + i + 1] - first[start + i]),
                        monetary!, values, expectedSpend!, value!, level);
            }
            return buffers;
        }, _ => { });

        return new CustomerIntervals(customers.CustomerIds, level, b, Expand(alive, rowOf), purchaseHorizon,
            expected is null ? null : Expand(expected, rowOf), det is null ? null : Expand(det, rowOf), expectedSpend, value);
    }

    /// <summary>E[M] and CLV for the customers of one row: once for the row when x = 0 (population-mean spend), else per customer.</summary>
    private static void SpendAndValue(IReadOnlyList<GammaGammaParameters> spend, double margin, double x, double[] detB, int row, int c,
        ReadOnlySpan<int> customers, double[] monetary, double[] values, PredictionInterval expectedSpend, PredictionInterval value, double level)
    {
        int b = spend.Count;
        for (int m = 0; m < customers.Length; m++)
        {
            int i = customers[m];
            if (x == 0 && m > 0)
            {
                int first = customers[0];
                (expectedSpend.Lower[i], expectedSpend.Upper[i], value.Lower[i], value.Upper[i]) =
                    (expectedSpend.Lower[first], expectedSpend.Upper[first], value.Lower[first], value.Upper[first]);
                continue;
            }
            for (int r = 0; r < b; r++) values[r] = GammaGammaSpend.ConditionalExpectedAverageSpend(spend[r], x, monetary[i]);
            Store(expectedSpend, i, values, level);
            for (int r = 0; r < b; r++) values[r] = margin * GammaGammaSpend.ConditionalExpectedAverageSpend(spend[r], x, monetary[i]) * detB[r * c + row];
            Store(value, i, values, level);
        }
    }

    /// <summary>Row <paramref name="i"/>'s value under every replicate, gathered into <paramref name="values"/>.</summary>
    private static double[] Column(double[] buffer, int i, int c, double[] values)
    {
        for (int r = 0; r < values.Length; r++) values[r] = buffer[r * c + i];
        return values;
    }

    private static void Store(PredictionInterval interval, int at, double[] values, double level) =>
        (interval.Lower[at], interval.Upper[at]) = Percentiles.Interval(values, level);

    /// <summary>The customers of each distinct row: members[first[k] .. first[k+1]) in input order (a counting sort of rowOf).</summary>
    private static (int[] First, int[] Members) Members(int[] rowOf, int k)
    {
        var first = new int[k + 1];
        foreach (int r in rowOf) first[r + 1]++;
        for (int r = 0; r < k; r++) first[r + 1] += first[r];
        var next = first[..k];
        var members = new int[rowOf.Length];
        for (int i = 0; i < rowOf.Length; i++) members[next[rowOf[i]]++] = i;
        return (first, members);
    }

    private static PredictionInterval Expand(PredictionInterval perRow, int[] rowOf)
    {
        var result = new PredictionInterval(new double[rowOf.Length], new double[rowOf.Length]);
        DistinctRows.Expand(perRow.Lower, rowOf, result.Lower);
        DistinctRows.Expand(perRow.Upper, rowOf, result.Upper);
        return result;
    }
}
