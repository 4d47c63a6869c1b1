using Clv.Models.Kernels;
using Clv.Models.Valuation;

namespace Clv.Models.Uncertainty;

/// <summary>
/// The transaction columns — P(alive), E[Y(h)], DET — of every replicate for runs of distinct rows, computed as
/// <see cref="CustomerValuation"/> computes them. For the models with given-alive factors (<see cref="IGivenAliveFactors"/>: all
/// three) E[Y(h)] and DET are P(alive) times a factor of (x, T) alone, and the factors — a hypergeometric function, a
/// quadrature — cost far more than P(alive); so each replicate's factors are tabulated once per distinct (x, T) of the whole
/// customer base (a few thousand pairs), and every chunk multiplies, as <see cref="GivenAliveCache.Scale"/> does (0 where P(alive) is 0).
/// </summary>
internal sealed class ReplicatePredictions
{
    private readonly IReadOnlyList<IPurchaseModel> models;
    private readonly double? horizon;
    private readonly ValuationOptions? valuation;
    private readonly int[]? pairOf;
    private readonly double[][]? expectedFactor, detFactor;

    public ReplicatePredictions(IReadOnlyList<IPurchaseModel> models, DistinctRows rows, double? horizon, ValuationOptions? valuation, int threads)
    {
        this.models = models;
        this.horizon = horizon;
        this.valuation = valuation;
        if (models.Count == 0 || models.Any(m => GivenAliveFactors.Of(m) is null) || (horizon is null && valuation is null)) return;
        pairOf = new int[rows.Count];
        var pairs = new Dictionary<(double X, double T), int>();
        for (int k = 0; k < rows.Count; k++)
        {
            var key = (rows.X[k], rows.T[k]);
            if (!pairs.TryGetValue(key, out int pair)) pairs[key] = pair = pairs.Count;
            pairOf[k] = pair;
        }
        var keys = new (double X, double T)[pairs.Count];
        foreach (var (key, pair) in pairs) keys[pair] = key;
        expectedFactor = horizon is null ? null : new double[models.Count][];
        detFactor = valuation is null ? null : new double[models.Count][];
        Parallel.For(0, models.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, r =>
        {
            var factors = GivenAliveFactors.Of(models[r])!;
            if (horizon is { } h) expectedFactor![r] = [.. keys.Select(p => factors.ExpectedPurchasesGivenAlive(h, p.X, p.T))];
            if (valuation is { } v) detFactor![r] = [.. keys.Select(p => factors.DiscountedTransactionsGivenAlive(v.DiscountRate, v.Horizon, p.X, p.T))];
        });
    }

    /// <summary>Replicate <paramref name="r"/>'s columns for the distinct rows start … start + x.Length − 1.</summary>
    public void Fill(int r, int start, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> alive, Span<double> expected, Span<double> det)
    {
        var model = models[r];
        model.ProbabilityAlive(x, tx, t, alive);
        if (pairOf is null)
        {
            if (horizon is { } h) model.ExpectedPurchases(h, x, tx, t, expected);
            if (valuation is { } v) model.DiscountedExpectedTransactions(v.DiscountRate, v.Horizon, x, tx, t, det);
            return;
        }
        if (expectedFactor is not null) Scale(alive, pairOf.AsSpan(start, x.Length), expectedFactor[r], expected);
        if (detFactor is not null) Scale(alive, pairOf.AsSpan(start, x.Length), detFactor[r], det);
    }

    private static void Scale(ReadOnlySpan<double> alive, ReadOnlySpan<int> pair, double[] factor, Span<double> result)
    {
        for (int i = 0; i < alive.Length; i++) result[i] = alive[i] == 0 ? 0 : alive[i] * factor[pair[i]];
    }
}
