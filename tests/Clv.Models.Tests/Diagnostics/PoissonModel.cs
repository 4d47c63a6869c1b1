namespace Clv.Models.Tests.Diagnostics;

/// <summary>
/// A hand-computable test model: purchases form a Poisson process of rate λ and customers never leave, so
/// P(X(t) = n) = e^(−λt)(λt)^n/n!, E[X(t)] = λt, E[Y(h) | ·] = λh, P(alive) = 1, ln L = x ln λ − λT.
/// </summary>
internal sealed record PoissonModel(double Rate) : IPurchaseModel
{
    public string ModelName => "poisson";

    public void LogLikelihoods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result)
    {
        for (int i = 0; i < frequency.Length; i++) result[i] = frequency[i] * Math.Log(Rate) - Rate * t[i];
    }

    public void ProbabilityAlive(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) => result.Fill(1);

    public void ExpectedPurchases(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        result.Fill(Rate * horizon);

    public void DiscountedExpectedTransactions(double discountRate, double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result) =>
        throw new NotSupportedException();

    public double ExpectedPurchasesNewCustomer(double t) => Rate * t;

    public double ProbabilityOfPurchases(int n, double t)
    {
        double p = Math.Exp(-Rate * t);
        for (int k = 1; k <= n; k++) p *= Rate * t / k;
        return p;
    }

    public void SimulatePurchaseTimes(double t, Random random, List<double> purchaseTimes) => throw new NotSupportedException();
}
