using Clv.Models.Data;

namespace Clv.Models;

/// <summary>Whole-summary forms of the <see cref="IPurchaseModel"/> predictions, allocating one value per customer.</summary>
public static class PurchaseModelExtensions
{
    /// <summary>Per-customer log-likelihoods of a summary.</summary>
    public static double[] LogLikelihoods(this IPurchaseModel model, CustomerSummary summary) =>
        Fill(model, summary, (m, s, r) => m.LogLikelihoods(s.Frequency, s.Recency, s.T, r));

    /// <summary>P(alive | x, t_x, T) for every customer of a summary.</summary>
    public static double[] ProbabilityAlive(this IPurchaseModel model, CustomerSummary summary) =>
        Fill(model, summary, (m, s, r) => m.ProbabilityAlive(s.Frequency, s.Recency, s.T, r));

    /// <summary>E[Y(t) | x, t_x, T] for every customer of a summary, over the next <paramref name="t"/> time units.</summary>
    public static double[] ExpectedPurchases(this IPurchaseModel model, CustomerSummary summary, double t) =>
        Fill(model, summary, (m, s, r) => m.ExpectedPurchases(t, s.Frequency, s.Recency, s.T, r));

    /// <summary>DET(δ, H | x, t_x, T) for every customer of a summary (DERT for H = +∞; see <see cref="IPurchaseModel.DiscountedExpectedTransactions"/>).</summary>
    public static double[] DiscountedExpectedTransactions(this IPurchaseModel model, CustomerSummary summary, double discountRate, double horizon = double.PositiveInfinity) =>
        Fill(model, summary, (m, s, r) => m.DiscountedExpectedTransactions(discountRate, horizon, s.Frequency, s.Recency, s.T, r));

    private delegate void Filler(IPurchaseModel model, CustomerSummary summary, Span<double> result);

    private static double[] Fill(IPurchaseModel model, CustomerSummary summary, Filler fill)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summary);
        var result = new double[summary.Count];
        fill(model, summary, result);
        return result;
    }
}

/// <summary>Argument checks shared by the span-filling prediction methods.</summary>
internal static class PurchaseModelSpans
{
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void CheckLengths(int x, int tx, int t, int result)
    {
        if (x != tx || x != t || x != result) throw new ArgumentException($"frequency, recency, T and result must have the same length (got {x}, {tx}, {t}, {result})");
    }

    /// <summary><c>result[i] = perCustomer(x[i], tx[i], t[i])</c>, after <see cref="CheckLengths"/>.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Fill(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> result, Func<double, double, double, double> perCustomer)
    {
        CheckLengths(x.Length, tx.Length, t.Length, result.Length);
        for (int i = 0; i < x.Length; i++) result[i] = perCustomer(x[i], tx[i], t[i]);
    }
}
