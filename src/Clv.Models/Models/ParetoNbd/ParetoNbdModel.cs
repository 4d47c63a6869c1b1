using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Kernels;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987; likelihood as in Fader &amp; Hardie 2005, "A Note on Deriving
/// the Pareto/NBD Model and Related Expressions", section 3): fit by maximum likelihood on per-customer (frequency, recency, T),
/// returning an immutable <see cref="FittedParetoNbd"/>.
/// </summary>
/// <example>
/// <code>
/// var summary = CustomerSummaryCsv.Read("rfm.csv");
/// FittedParetoNbd fit = new ParetoNbdModel().Fit(summary);
/// double[] pAlive = fit.ProbabilityAlive(summary);
/// </code>
/// </example>
/// <param name="Options">How to fit; null for <see cref="FitOptions.Default"/>.</param>
public sealed record ParetoNbdModel(FitOptions? Options = null)
{
    /// <summary>Fits the model to a customer summary.</summary>
    /// <param name="summary">Per-customer frequency, recency and T.</param>
    /// <param name="weights">Optional per-row weights (e.g. the number of identical customers a row stands for); empty for 1.</param>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedParetoNbd Fit(CustomerSummary summary, ReadOnlySpan<double> weights = default) =>
        FitValidated(summary.Frequency, summary.Recency, summary.T, weights);

    /// <summary>Fits the model to columns of frequency x, recency t_x and age T (validated here).</summary>
    /// <exception cref="ClvDataException">A row is invalid (negative, non-integer x, t_x &gt; T, ...).</exception>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedParetoNbd Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, ReadOnlySpan<double> weights = default)
    {
        if (frequency.Length != recency.Length || frequency.Length != t.Length) throw new ArgumentException("frequency, recency and T must have the same length");
        for (int i = 0; i < frequency.Length; i++) SummaryValidation.ValidateRow(frequency[i], recency[i], t[i], null, null, i);
        return FitValidated(frequency, recency, t, weights);
    }

    private FittedParetoNbd FitValidated(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, ReadOnlySpan<double> weights)
    {
        if (x.Length != tx.Length || x.Length != t.Length) throw new ArgumentException("frequency, recency and T must have the same length");
        if (weights.Length != 0 && weights.Length != x.Length) throw new ArgumentException("weights must be empty or have one value per row", nameof(weights));
        foreach (double w in weights)
            if (!(double.IsFinite(w) && w >= 0)) throw new ArgumentOutOfRangeException(nameof(weights), w, "weights must be finite and >= 0");
        if (x.Length == 0) throw new ArgumentException("cannot fit a model to no customers");

        var options = Options ?? FitOptions.Default;
        var data = FrequencySegments.Create(x, tx, t, weights);
        var function = new SegmentedLikelihoodFunction(ParetoNbdParameters.Names, data, ParetoNbdLikelihood.SumCount,
            (d, q, g, sums, threads, width) => ParetoNbdLikelihood.ValueAndGradient(d, ParetoNbdParameters.FromSpan(q), g, sums, threads, width), options);
        double[] start = options.InitialParameters is { } init ? [.. init] : StartingValues(data);
        var estimate = MaximumLikelihood.Maximize(function, start, options);
        var parameters = new ParetoNbdParameters(estimate.Parameters[0].Value, estimate.Parameters[1].Value, estimate.Parameters[2].Value, estimate.Parameters[3].Value);
        return new FittedParetoNbd(parameters, estimate);
    }

    /// <summary>
    /// A data-driven start: r = 1 and α such that the mean purchase rate r/α matches the observed repeat rate
    /// (Σx + N·0.1)/ΣT (the rate of customers seen alive); s = 1 and β = mean T, a mean lifetime of the order of the
    /// observation window (for s = 1 the lifetime has no mean; β sets its scale).
    /// </summary>
    internal static double[] StartingValues(FrequencySegments data)
    {
        double sumX = 0, sumT = 0;
        for (int s = 0; s < data.Frequencies.Length; s++) sumX += data.Frequencies[s] * data.SegmentWeight[s];
        for (int i = 0; i < data.Count; i++) sumT += data.Weight[i] * data.T[i];
        double rate = (sumX + 0.1 * data.TotalWeight) / Math.Max(sumT, 1e-300);
        double meanT = sumT / Math.Max(data.TotalWeight, 1e-300);
        return [1.0, Math.Clamp(1.0 / rate, 1e-6, 1e6), 1.0, Math.Clamp(meanT, 1e-6, 1e6)];
    }
}
