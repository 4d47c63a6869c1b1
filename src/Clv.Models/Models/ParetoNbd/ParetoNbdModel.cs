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
        Fit(RfmInput.Layout(summary.Frequency, summary.Recency, summary.T, weights, validateRows: false));

    /// <summary>
    /// Fits the model to a compressed summary: its distinct (x, t_x, T) rows weighted by their counts. The estimates,
    /// log-likelihood and standard errors are those of the fit on the customers it was compressed from.
    /// </summary>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedParetoNbd Fit(CompressedSummary compressed) => Fit(RfmInput.Layout(compressed));

    /// <summary>Fits the model to columns of frequency x, recency t_x and age T (validated here).</summary>
    /// <exception cref="ClvDataException">A row is invalid (negative, non-integer x, t_x &gt; T, ...).</exception>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedParetoNbd Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, ReadOnlySpan<double> weights = default) =>
        Fit(RfmInput.Layout(frequency, recency, t, weights, validateRows: true));

    internal FittedParetoNbd Fit(FrequencySegments data)
    {
        var options = Options ?? FitOptions.Default;
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
        var (rate, meanT) = RfmInput.Moments(data);
        return [1.0, Math.Clamp(1.0 / rate, 1e-6, 1e6), 1.0, Math.Clamp(meanT, 1e-6, 1e6)];
    }
}
