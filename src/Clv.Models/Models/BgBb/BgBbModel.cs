using Clv.Models.Estimation;

namespace Clv.Models.BgBb;

/// <summary>
/// The BG/BB model (Fader, Hardie &amp; Shang 2010) for discrete transaction opportunities: fit by maximum likelihood (eq. (5))
/// on per-customer or per-pattern (x, t_x, n), returning an immutable <see cref="FittedBgBb"/>.
/// </summary>
/// <example>
/// <code>
/// var data = OpportunitySummaryCsv.Read("donations.csv");
/// FittedBgBb fit = new BgBbModel().Fit(data);
/// double[] alive = fit.ProbabilityAlive(data, 1); // P(alive in opportunity n + 1)
/// </code>
/// </example>
/// <param name="Options">How to fit; null for <see cref="FitOptions.Default"/>.</param>
public sealed record BgBbModel(FitOptions? Options = null)
{
    /// <summary>Fits the model.</summary>
    /// <param name="data">x, t_x, n per row, with optional weights.</param>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    /// <exception cref="ArgumentException">The data has no customers (total weight 0).</exception>
    public FittedBgBb Fit(OpportunitySummary data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var options = Options ?? FitOptions.Default;
        var patterns = new BgBbPatterns(data);
        if (patterns.Count == 0) throw new ArgumentException("cannot fit a model to no customers (total weight is 0)", nameof(data));
        double[] start = options.InitialParameters is { } init ? [.. init] : StartingValues(patterns);
        var estimate = MaximumLikelihood.Maximize(patterns, start, options);
        return new FittedBgBb(BgBbParameters.FromSpan([.. estimate.Parameters.Select(e => e.Value)]), estimate);
    }

    /// <summary>
    /// A data-driven start: Beta(α, β) with mean equal to the observed share of opportunities with a transaction and
    /// α + β = 2; γ = 0.5, δ = 2 (a mean dropout probability of 0.2 per opportunity, with much heterogeneity).
    /// </summary>
    internal static double[] StartingValues(BgBbPatterns patterns)
    {
        double share = Math.Clamp(patterns.Moments().TransactionShare, 0.02, 0.98);
        return [2 * share, 2 * (1 - share), 0.5, 2.0];
    }
}
