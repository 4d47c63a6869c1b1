using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Kernels;

namespace Clv.Models.BgNbd;

/// <summary>
/// The BG/NBD model (Fader, Hardie &amp; Lee 2005): fit by maximum likelihood on per-customer
/// (frequency, recency, T), returning an immutable <see cref="FittedBgNbd"/>.
/// </summary>
/// <example>
/// <code>
/// var summary = CustomerSummaryCsv.Read("rfm.csv");
/// FittedBgNbd fit = new BgNbdModel().Fit(summary);
/// double[] pAlive = fit.ProbabilityAlive(summary);
/// </code>
/// </example>
/// <param name="Options">How to fit; null for <see cref="FitOptions.Default"/>.</param>
public sealed record BgNbdModel(FitOptions? Options = null)
{
    /// <summary>Fits the model to a customer summary.</summary>
    /// <param name="summary">Per-customer frequency, recency and T.</param>
    /// <param name="weights">Optional per-row weights (e.g. the number of identical customers a row stands for); empty for 1.</param>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedBgNbd Fit(CustomerSummary summary, ReadOnlySpan<double> weights = default) =>
        Fit(RfmInput.Layout(summary.Frequency, summary.Recency, summary.T, weights, validateRows: false));

    /// <summary>
    /// Fits the model to a compressed summary: its distinct (x, t_x, T) rows weighted by their counts. The estimates,
    /// log-likelihood and standard errors are those of the fit on the customers it was compressed from.
    /// </summary>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedBgNbd Fit(CompressedSummary compressed) => Fit(RfmInput.Layout(compressed));

    /// <summary>Fits the model to columns of frequency x, recency t_x and age T (validated here).</summary>
    /// <exception cref="ClvDataException">A row is invalid (negative, non-integer x, t_x &gt; T, ...).</exception>
    public FittedBgNbd Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, ReadOnlySpan<double> weights = default) =>
        Fit(RfmInput.Layout(frequency, recency, t, weights, validateRows: true));

    internal FittedBgNbd Fit(FrequencySegments data)
    {
        var options = Options ?? FitOptions.Default;
        var function = new SegmentedLikelihoodFunction(BgNbdParameters.Names, data, BgNbdLikelihood.SumCount,
            (d, q, g, sums, threads, width) => BgNbdLikelihood.ValueAndGradient(d, BgNbdParameters.FromSpan(q), g, sums, threads, width), options);
        double[] start = options.InitialParameters is { } init ? [.. init] : StartingValues(data);
        var estimate = MaximumLikelihood.Maximize(function, start, options);
        var parameters = new BgNbdParameters(estimate.Parameters[0].Value, estimate.Parameters[1].Value, estimate.Parameters[2].Value, estimate.Parameters[3].Value);
        return new FittedBgNbd(parameters, estimate);
    }

    /// <summary>
    /// A data-driven start: r = 1 and α such that the mean purchase rate r/α matches the observed repeat rate
    /// (Σx + N·0.1)/ΣT; a = 1, b = 3 (a dropout probability of 1/4 per purchase).
    /// </summary>
    internal static double[] StartingValues(FrequencySegments data)
    {
        double rate = RfmInput.Moments(data).RepeatRate;
        return [1.0, Math.Clamp(1.0 / rate, 1e-6, 1e6), 1.0, 3.0];
    }
}
