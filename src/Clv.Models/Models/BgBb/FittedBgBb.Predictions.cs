namespace Clv.Models.BgBb;

/// <summary>The fitted model's predictions for the rows of an <see cref="OpportunitySummary"/> (formulas: <see cref="BgBbPredictions"/>).</summary>
public sealed partial record FittedBgBb
{
    /// <summary>Per-row log-likelihood ln L(x, t_x, n), eq. (5).</summary>
    public double[] LogLikelihoods(OpportunitySummary data) =>
        Fill(data, (in BgBbParameters p, ReadOnlySpan<int> x, ReadOnlySpan<int> tx, ReadOnlySpan<int> n, Span<double> r) => BgBbLikelihood.LogLikelihood(p, x, tx, n, r));

    /// <summary>Per-row P(alive in opportunity n + m); m = 1 is the paper's P(alive in n+1), m = 0 alive at n (lifetimes' default).</summary>
    public double[] ProbabilityAlive(OpportunitySummary data, int m) =>
        Fill(data, (in BgBbParameters p, ReadOnlySpan<int> x, ReadOnlySpan<int> tx, ReadOnlySpan<int> n, Span<double> r) => BgBbPredictions.ProbabilityAlive(p, m, x, tx, n, r));

    /// <summary>Per-row E[X(n, n + horizon)]: expected transactions in the next <paramref name="horizon"/> opportunities.</summary>
    public double[] ExpectedTransactions(OpportunitySummary data, long horizon) =>
        Fill(data, (in BgBbParameters p, ReadOnlySpan<int> x, ReadOnlySpan<int> tx, ReadOnlySpan<int> n, Span<double> r) => BgBbPredictions.ExpectedTransactions(p, horizon, x, tx, n, r));

    /// <summary>Per-row DERT with discount rate <paramref name="discountRate"/> per opportunity.</summary>
    public double[] DiscountedExpectedResidualTransactions(OpportunitySummary data, double discountRate) =>
        Fill(data, (in BgBbParameters p, ReadOnlySpan<int> x, ReadOnlySpan<int> tx, ReadOnlySpan<int> n, Span<double> r) => BgBbPredictions.DiscountedExpectedResidualTransactions(p, discountRate, x, tx, n, r));

    /// <summary>E[X(n)] for a new customer.</summary>
    public double ExpectedTransactionsNewCustomer(long n) => BgBbPredictions.ExpectedTransactionsNewCustomer(Parameters, n);

    /// <summary>P(X(n) = x) for a new customer.</summary>
    public double ProbabilityOfTransactions(int x, int n) => BgBbPredictions.ProbabilityOfTransactions(Parameters, x, n);

    /// <summary>Simulates customers from the fitted parameters (see <see cref="BgBbSimulator"/>).</summary>
    public OpportunitySummary Simulate(ReadOnlySpan<int> periods, int seed) => BgBbSimulator.Simulate(Parameters, periods, seed);

    private delegate void RowPrediction(in BgBbParameters p, ReadOnlySpan<int> x, ReadOnlySpan<int> tx, ReadOnlySpan<int> n, Span<double> result);

    private double[] Fill(OpportunitySummary data, RowPrediction fill)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = new double[data.Count];
        fill(Parameters, data.Frequency, data.Recency, data.Periods, result);
        return result;
    }
}
