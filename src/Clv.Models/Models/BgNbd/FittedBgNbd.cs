using Clv.Models.Data;
using Clv.Models.Estimation;

namespace Clv.Models.BgNbd;

/// <summary>
/// A fitted BG/NBD model: parameters, their uncertainty, the maximised log-likelihood and the optimiser's
/// report; its prediction methods fill caller-provided spans (or allocate, for convenience).
/// </summary>
public sealed partial record FittedBgNbd : IPurchaseModel
{
    internal FittedBgNbd(BgNbdParameters parameters, MaximumLikelihoodEstimate estimate)
    {
        Parameters = parameters;
        Estimate = estimate;
    }

    /// <summary>Model name used in model files and on the command line.</summary>
    public const string ModelName = "bg-nbd";

    string IPurchaseModel.ModelName => ModelName;

    /// <summary>The maximum-likelihood parameters.</summary>
    public BgNbdParameters Parameters { get; }

    /// <summary>Estimates with standard errors and intervals, log-likelihood, AIC/BIC and convergence report.</summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>Maximised log-likelihood.</summary>
    public double LogLikelihood => Estimate.LogLikelihood;

    /// <summary>Per-customer log-likelihood ln L(r, α, a, b | x, t_x, T), eq. (6) of Fader, Hardie &amp; Lee (2005).</summary>
    public void LogLikelihoods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result)
    {
        CheckLengths(frequency.Length, recency.Length, t.Length, result.Length);
        BgNbdLikelihood.LogLikelihood(Parameters, frequency, recency, t, result);
    }

    /// <summary>Per-customer log-likelihoods of a summary.</summary>
    public double[] LogLikelihoods(CustomerSummary summary)
    {
        var result = new double[summary.Count];
        LogLikelihoods(summary.Frequency, summary.Recency, summary.T, result);
        return result;
    }

    internal static void CheckLengths(int x, int tx, int t, int result)
    {
        if (x != tx || x != t || x != result) throw new ArgumentException($"frequency, recency, T and result must have the same length (got {x}, {tx}, {t}, {result})");
    }
}
