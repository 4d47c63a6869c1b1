using Clv.Models.Data;
using Clv.Models.Kernels;

namespace Clv.Models;

/// <summary>The (frequency, recency, T) input every transaction model fits on: argument checks, layout, simple moments.</summary>
internal static class RfmInput
{
    /// <summary>Checks the columns and weights (and each row, unless the columns come from a validated summary) and lays them out.</summary>
    /// <exception cref="ClvDataException">A row is invalid (only when <paramref name="validateRows"/>).</exception>
    public static FrequencySegments Layout(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, ReadOnlySpan<double> weights, bool validateRows)
    {
        if (x.Length != tx.Length || x.Length != t.Length) throw new ArgumentException("frequency, recency and T must have the same length");
        if (validateRows)
            for (int i = 0; i < x.Length; i++) SummaryValidation.ValidateRow(x[i], tx[i], t[i], null, null, i);
        if (weights.Length != 0 && weights.Length != x.Length) throw new ArgumentException("weights must be empty or have one value per row", nameof(weights));
        foreach (double w in weights)
            if (!(double.IsFinite(w) && w >= 0)) throw new ArgumentOutOfRangeException(nameof(weights), w, "weights must be finite and >= 0");
        if (x.Length == 0) throw new ArgumentException("cannot fit a model to no customers");
        return FrequencySegments.Create(x, tx, t, weights);
    }

    /// <summary>The layout of a compressed summary: its distinct rows (validated when it was made) weighted by their counts.</summary>
    public static FrequencySegments Layout(CompressedSummary compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        return FrequencySegments.Create(compressed.Frequency, compressed.Recency, compressed.T, compressed.Count);
    }

    /// <summary>
    /// The observed repeat-purchase rate (Σx + 0.1·N)/ΣT (the 0.1 keeps it positive when nobody repeated) and the mean T,
    /// the moments the models' starting values are built from.
    /// </summary>
    public static (double RepeatRate, double MeanT) Moments(FrequencySegments data)
    {
        double sumX = 0, sumT = 0;
        for (int s = 0; s < data.Frequencies.Length; s++) sumX += data.Frequencies[s] * data.SegmentWeight[s];
        for (int i = 0; i < data.Count; i++) sumT += data.Weight[i] * data.T[i];
        return ((sumX + 0.1 * data.TotalWeight) / Math.Max(sumT, 1e-300), sumT / Math.Max(data.TotalWeight, 1e-300));
    }
}
