using Clv.Models.Data;

namespace Clv.Models.Diagnostics;

/// <summary>Customers with the same calibration frequency (or at least it, for the last bucket) and their holdout purchases.</summary>
/// <param name="Frequency">Calibration frequency x of the bucket; the last bucket holds x ≥ <paramref name="Frequency"/>.</param>
/// <param name="IsOpenEnded">True for the last bucket (x ≥ <paramref name="Frequency"/>).</param>
/// <param name="Customers">Number of customers in the bucket.</param>
/// <param name="MeanActual">Mean observed holdout purchases x* of the bucket (NaN when it is empty).</param>
/// <param name="MeanPredicted">Mean of the model's E[Y(t*) | x, t_x, T] over the bucket (NaN when it is empty).</param>
public sealed record CalibrationHoldoutBucket(int Frequency, bool IsOpenEnded, int Customers, double MeanActual, double MeanPredicted)
{
    /// <summary>The bucket's label: "3", or "7+" for the last one.</summary>
    public string Label => IsOpenEnded ? $"{Frequency}+" : Frequency.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Calibration vs holdout: mean actual and predicted holdout purchases by calibration frequency (Fader, Hardie &amp; Lee
/// 2005, "Counting your customers the easy way", Figure 4; lifetimes' <c>plot_calibration_purchases_vs_holdout_purchases</c>).
/// The prediction for a customer is the conditional expectation E[Y(t*) | x, t_x, T] over the holdout length t*.
/// </summary>
/// <param name="Buckets">Buckets x = 0, 1, …, the last one open-ended.</param>
/// <param name="ActualTotal">Sum of the observed holdout purchases over all customers.</param>
/// <param name="PredictedTotal">Sum of the predictions over all customers.</param>
public sealed record CalibrationHoldout(IReadOnlyList<CalibrationHoldoutBucket> Buckets, double ActualTotal, double PredictedTotal)
{
    /// <summary>Buckets the customers of a summary with holdout columns by calibration frequency.</summary>
    /// <param name="model">The model (fitted on the calibration columns).</param>
    /// <param name="summary">Calibration columns and <c>frequency_holdout</c> (and <c>duration_holdout</c>).</param>
    /// <param name="openBucket">Frequency of the last, open-ended bucket (default 7: buckets 0, …, 6, 7+).</param>
    /// <param name="holdoutDuration">Holdout length when the summary has no <c>duration_holdout</c> column.</param>
    /// <exception cref="ClvDataException">The summary has no holdout purchases or no holdout length is known.</exception>
    public static CalibrationHoldout Compute(IPurchaseModel model, CustomerSummary summary, int openBucket = 7, double? holdoutDuration = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(openBucket, 1);
        var (actual, predicted) = HoldoutData.Predict(model, summary, holdoutDuration);
        var count = new int[openBucket + 1];
        var sumActual = new double[openBucket + 1];
        var sumPredicted = new double[openBucket + 1];
        for (int i = 0; i < summary.Count; i++)
        {
            int k = (int)Math.Min(summary.Frequency[i], openBucket);
            count[k]++;
            sumActual[k] += actual[i];
            sumPredicted[k] += predicted[i];
        }

        var buckets = Enumerable.Range(0, openBucket + 1)
            .Select(k => new CalibrationHoldoutBucket(k, k == openBucket, count[k], Mean(sumActual[k], count[k]), Mean(sumPredicted[k], count[k])))
            .ToArray();
        return new CalibrationHoldout(buckets, actual.Sum(), predicted.Sum());
    }

    private static double Mean(double sum, int n) => n == 0 ? double.NaN : sum / n;
}
