using Clv.Models.Data;

namespace Clv.Models.BgNbd;

public sealed partial record FittedBgNbd
{
    /// <summary>P(alive | x, t_x, T) per customer (<see cref="BgNbdPredictions.ProbabilityAlive(in BgNbdParameters, double, double, double)"/>).</summary>
    public void ProbabilityAlive(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result)
    {
        CheckLengths(frequency.Length, recency.Length, t.Length, result.Length);
        BgNbdPredictions.ProbabilityAlive(Parameters, frequency, recency, t, result);
    }

    /// <summary>P(alive | x, t_x, T) for every customer of a summary.</summary>
    public double[] ProbabilityAlive(CustomerSummary summary)
    {
        var result = new double[summary.Count];
        ProbabilityAlive(summary.Frequency, summary.Recency, summary.T, result);
        return result;
    }

    /// <summary>
    /// Conditional expected number of purchases in the next <paramref name="horizon"/> time units,
    /// E[Y(t) | x, t_x, T] (lifetimes: <c>conditional_expected_number_of_purchases_up_to_time</c>).
    /// </summary>
    public void ExpectedPurchases(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result)
    {
        CheckLengths(frequency.Length, recency.Length, t.Length, result.Length);
        BgNbdPredictions.ExpectedPurchases(Parameters, horizon, frequency, recency, t, result);
    }

    /// <summary>E[Y(t) | x, t_x, T] for every customer of a summary, t = <paramref name="t"/>.</summary>
    public double[] ExpectedPurchases(CustomerSummary summary, double t)
    {
        var result = new double[summary.Count];
        ExpectedPurchases(t, summary.Frequency, summary.Recency, summary.T, result);
        return result;
    }

    /// <summary>E[X(t)], the expected number of repeat purchases of a new customer in (0, t].</summary>
    public double ExpectedPurchasesNewCustomer(double t) => BgNbdPredictions.ExpectedPurchasesNewCustomer(Parameters, t);

    /// <summary>P(X(t) = n), the probability that a new customer makes n repeat purchases in (0, t].</summary>
    public double ProbabilityOfPurchases(int n, double t) => BgNbdPredictions.ProbabilityOfPurchases(Parameters, n, t);

    /// <inheritdoc/>
    public void SimulatePurchaseTimes(double t, Random random, List<double> purchaseTimes) => BgNbdSimulator.SimulatePurchaseTimes(Parameters, t, random, purchaseTimes);
}
