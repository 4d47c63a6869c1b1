using Clv.Models.Data;
using Clv.Models.Estimation;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// A fitted Pareto/NBD model: parameters, their uncertainty, the maximised log-likelihood and the optimiser's
/// report; its prediction methods fill caller-provided spans (or allocate, for convenience).
/// </summary>
public sealed partial record FittedParetoNbd
{
    internal FittedParetoNbd(ParetoNbdParameters parameters, MaximumLikelihoodEstimate estimate)
    {
        Parameters = parameters;
        Estimate = estimate;
    }

    /// <summary>Model name used in model files and on the command line.</summary>
    public const string ModelName = "pareto-nbd";

    /// <summary>The maximum-likelihood parameters.</summary>
    public ParetoNbdParameters Parameters { get; }

    /// <summary>Estimates with standard errors and intervals, log-likelihood, AIC/BIC and convergence report.</summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>Maximised log-likelihood.</summary>
    public double LogLikelihood => Estimate.LogLikelihood;

    /// <summary>Per-customer log-likelihood ln L(r, α, s, β | x, t_x, T) (<see cref="ParetoNbdLikelihood"/>).</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public void LogLikelihoods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> t, Span<double> result)
    {
        CheckLengths(frequency.Length, recency.Length, t.Length, result.Length);
        ParetoNbdLikelihood.LogLikelihood(Parameters, frequency, recency, t, result);
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
