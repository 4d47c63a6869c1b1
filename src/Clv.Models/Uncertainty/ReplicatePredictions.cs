using Clv.Models.Valuation;

namespace Clv.Models.Uncertainty;

/// <summary>
/// The transaction columns of one parameter vector for a run of distinct rows — P(alive), E[Y(h)], DET — computed as
/// <see cref="CustomerValuation"/> computes them: P(alive) once, and for the models with given-alive factors the other
/// columns as P(alive) times a factor of (x, T) (<see cref="GivenAliveCache"/>).
/// </summary>
internal static class ReplicatePredictions
{
    public static void Fill(IPurchaseModel model, double? horizon, ValuationOptions? valuation,
        ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> alive, Span<double> expected, Span<double> det)
    {
        model.ProbabilityAlive(x, tx, t, alive);
        var factors = GivenAliveFactors.Of(model);
        if (horizon is { } h)
        {
            if (factors is null) model.ExpectedPurchases(h, x, tx, t, expected);
            else GivenAliveCache.Scale(x, t, alive, expected, (xi, ti) => factors.ExpectedPurchasesGivenAlive(h, xi, ti));
        }
        if (valuation is { } v)
        {
            if (factors is null) model.DiscountedExpectedTransactions(v.DiscountRate, v.Horizon, x, tx, t, det);
            else GivenAliveCache.Scale(x, t, alive, det, (xi, ti) => factors.DiscountedTransactionsGivenAlive(v.DiscountRate, v.Horizon, xi, ti));
        }
    }
}
