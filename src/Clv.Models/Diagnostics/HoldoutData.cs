using Clv.Models.Data;

namespace Clv.Models.Diagnostics;

/// <summary>The holdout purchases of a summary and a model's predictions of them, customer by customer.</summary>
internal static class HoldoutData
{
    /// <summary>
    /// Actual holdout purchases x* and the model's E[Y(t*) | x, t_x, T] for every customer, t* = the customer's holdout
    /// length (the summary's <c>duration_holdout</c>, else <paramref name="holdoutDuration"/>).
    /// </summary>
    /// <exception cref="ClvDataException">The summary has no holdout purchases, or no holdout length is known.</exception>
    public static (double[] Actual, double[] Predicted) Predict(IPurchaseModel model, CustomerSummary summary, double? holdoutDuration)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summary);
        var actual = summary.FrequencyHoldout ?? throw new ClvDataException(null, null, "frequency_holdout",
            "the summary has no holdout purchases; summarise the log with a calibration end and an observation end (clv summarize --calibration-end .. --observation-end ..)");
        if (holdoutDuration is { } h && !(double.IsFinite(h) && h > 0))
            throw new ArgumentOutOfRangeException(nameof(holdoutDuration), h, "the holdout length must be finite and > 0");
        double[] durations = summary.DurationHoldout ?? (holdoutDuration is { } d
            ? Enumerable.Repeat(d, summary.Count).ToArray()
            : throw new ClvDataException(null, null, "duration_holdout", "the summary has no holdout length column; give the length of the holdout window in the summary's time unit"));

        var predicted = new double[summary.Count];
        foreach (var group in Enumerable.Range(0, summary.Count).GroupBy(i => durations[i]))
        {
            int[] rows = [.. group];
            var x = rows.Select(i => summary.Frequency[i]).ToArray();
            var tx = rows.Select(i => summary.Recency[i]).ToArray();
            var t = rows.Select(i => summary.T[i]).ToArray();
            var y = new double[rows.Length];
            model.ExpectedPurchases(group.Key, x, tx, t, y);
            for (int k = 0; k < rows.Length; k++) predicted[rows[k]] = y[k];
        }

        return (actual, predicted);
    }
}
