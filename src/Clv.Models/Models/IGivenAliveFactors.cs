namespace Clv.Models;

/// <summary>
/// A transaction model whose conditional predictions are P(alive | x, t_x, T) times a factor of (x, T) alone: given alive at T
/// the posterior of the purchase and dropout rates depends on x and T only (t_x acts through P(alive)). Lets a valuation
/// compute P(alive) once per customer and each factor once per distinct (x, T) instead of P(alive) once per column.
/// </summary>
internal interface IGivenAliveFactors
{
    /// <summary>E[Y(h) | alive at T, x, T]: <see cref="IPurchaseModel.ExpectedPurchases"/> divided by P(alive).</summary>
    double ExpectedPurchasesGivenAlive(double horizon, double x, double T);

    /// <summary>DET(δ, H | alive at T, x, T): <see cref="IPurchaseModel.DiscountedExpectedTransactions"/> divided by P(alive).</summary>
    double DiscountedTransactionsGivenAlive(double discountRate, double horizon, double x, double T);
}

/// <summary>A fitted model whose predictions are those of its point estimate (so a valuation can use the parameters' factors).</summary>
internal interface IFittedPurchaseModel
{
    /// <summary>The parameters the predictions come from.</summary>
    IPurchaseModel PointEstimate { get; }
}

/// <summary>Finds a model's <see cref="IGivenAliveFactors"/>, looking through a fitted model to its parameters.</summary>
internal static class GivenAliveFactors
{
    /// <summary>The factors, or null when the model has none (its columns are then computed through <see cref="IPurchaseModel"/>).</summary>
    public static IGivenAliveFactors? Of(IPurchaseModel model) =>
        model as IGivenAliveFactors ?? (model as IFittedPurchaseModel)?.PointEstimate as IGivenAliveFactors;
}
