using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Kernels;

namespace Clv.Models.MbgNbd;

/// <summary>
/// The MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007): fit by maximum likelihood on per-customer
/// (frequency, recency, T), returning an immutable <see cref="FittedMbgNbd"/>.
/// </summary>
/// <example>
/// <code>
/// var summary = CustomerSummaryCsv.Read("rfm.csv");
/// FittedMbgNbd fit = new MbgNbdModel().Fit(summary);
/// double[] pAlive = fit.ProbabilityAlive(summary);
/// </code>
/// </example>
/// <param name="Options">How to fit; null for <see cref="FitOptions.Default"/>.</param>
public sealed record MbgNbdModel(FitOptions? Options = null)
{
    /// <summary>Fits the model to a customer summary.</summary>
    /// <param name="summary">Per-customer frequency, recency and T.</param>
    /// <param name="weights">Optional per-row weights (e.g. the number of identical customers a row stands for); empty for 1.</param>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedMbgNbd Fit(CustomerSummary summary, ReadOnlySpan<double> weights = default) =>
        Fit(RfmInput.Layout(summary.Frequency, summary.Recency, summary.T, weights, validateRows: false));

    /// <summary>
    /// Fits the model to a compressed summary: its distinct (x, t_x, T) rows weighted by their counts. The estimates,
    /// log-likelihood and standard errors are those of the fit on the customers it was compressed from.
    /// </summary>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedMbgNbd Fit(CompressedSummary compressed) => Fit(RfmInput.Layout(compressed));

    /// <summary>Fits the model to columns of frequency x, recency t_x and age T (validated here).</summary>
    /// <exception cref="ClvDataException">A row is invalid (negative, non-integer x, t_x &gt; T, ...).</exception>
    public FittedMbgNbd Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, ReadOnlySpan<double> weights = default) =>
        Fit(RfmInput.Layout(frequency, recency, t, weights, validateRows: true));

    internal FittedMbgNbd Fit(FrequencySegments data)
    {
        var options = Options ?? FitOptions.Default;
        var function = new SegmentedLikelihoodFunction(MbgNbdParameters.Names, data, BgNbdLikelihood.SumCount,
            (d, q, g, sums, threads, width) => MbgNbdLikelihood.ValueAndGradient(d, MbgNbdParameters.FromSpan(q), g, sums, threads, width), options);
        // The BG/NBD start (r = 1, α from the repeat rate, a = 1, b = 3) suits MBG/NBD as well.
        double[] start = options.InitialParameters is { } init ? [.. init] : BgNbdModel.StartingValues(data);
        var estimate = MaximumLikelihood.Maximize(function, start, options);
        return new FittedMbgNbd(MbgNbdParameters.FromSpan([.. estimate.Parameters.Select(e => e.Value)]), estimate);
    }
}
