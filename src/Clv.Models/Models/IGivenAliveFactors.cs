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
