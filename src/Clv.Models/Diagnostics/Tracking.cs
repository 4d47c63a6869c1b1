namespace Clv.Models.Diagnostics;

/// <summary>
/// Tracking: repeat transactions per period, actual against expected, incremental and cumulative, over calibration and
/// holdout (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way", Figures 1 and 3; BTYD's
/// <c>bgnbd.PlotTrackingInc</c>/<c>PlotTrackingCum</c>).
/// </summary>
/// <remarks>
/// The expected cumulative number at the end of period k is Σ_c n_c · E[X(t_kc)] over the cohorts c (n_c customers whose
/// first purchase was on day d_c), E[X(t)] the model's expected repeat purchases of a new customer in (0, t] (FHL eq. (7)),
/// and t_kc = (D_k − d_c)/u the time from the first purchase to the end of period k's last day D_k (the window's last day
/// in a period it cuts short), in periods of u days
/// (the convention of the summary's T, so the calibration total equals Σ_i E[X(T_i)] when calibration ends with a period).
/// Cohorts born after D_k add nothing.
/// </remarks>
/// <param name="Origin">Start of period 1.</param>
/// <param name="TimeUnitDays">Period length in days.</param>
/// <param name="CalibrationPeriods">Number of calibration periods; the rest are holdout.</param>
/// <param name="ActualIncremental">Observed repeat transactions in each period.</param>
/// <param name="ExpectedIncremental">Expected repeat transactions in each period.</param>
/// <param name="ActualCumulative">Observed repeat transactions up to the end of each period.</param>
/// <param name="ExpectedCumulative">Expected repeat transactions up to the end of each period.</param>
public sealed record Tracking(
    DateOnly Origin,
    double TimeUnitDays,
    int CalibrationPeriods,
    IReadOnlyList<double> ActualIncremental,
    IReadOnlyList<double> ExpectedIncremental,
    IReadOnlyList<double> ActualCumulative,
    IReadOnlyList<double> ExpectedCumulative)
{
    /// <summary>Number of periods.</summary>
    public int Periods => ActualIncremental.Count;

    /// <summary>Actual against the model's expectation for the customers and transactions of <paramref name="log"/>.</summary>
    /// <param name="model">The model (fitted on the calibration summary of the same log).</param>
    /// <param name="log">Cohorts and repeat transactions per period.</param>
    public static Tracking Compute(IPurchaseModel model, RepeatTransactionLog log)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(log);
        int periods = log.Periods;
        double u = log.TimeUnitDays;
        var expectedCumulative = new double[periods];
        for (int k = 1; k <= periods; k++)
        {
            int lastDay = Math.Min((int)Math.Ceiling(k * u) - 1, log.LastDay);
            double sum = 0;
            for (int c = 0; c < log.CohortDays.Count && log.CohortDays[c] <= lastDay; c++)
                sum += log.CohortSizes[c] * model.ExpectedPurchasesNewCustomer((lastDay - log.CohortDays[c]) / u);
            expectedCumulative[k - 1] = sum;
        }

        double[] actualIncremental = [.. log.RepeatTransactions.Select(n => (double)n)];
        return new Tracking(log.Origin, u, log.CalibrationPeriods, actualIncremental, Differences(expectedCumulative),
            RunningSum(actualIncremental), expectedCumulative);
    }

    private static double[] RunningSum(double[] values)
    {
        var sum = new double[values.Length];
        double s = 0;
        for (int i = 0; i < values.Length; i++) sum[i] = s += values[i];
        return sum;
    }

    private static double[] Differences(double[] cumulative) =>
        [.. cumulative.Select((v, i) => i == 0 ? v : v - cumulative[i - 1])];
}
