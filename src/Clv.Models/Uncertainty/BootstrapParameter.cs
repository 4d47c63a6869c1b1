using Clv.Models.Estimation;

namespace Clv.Models.Uncertainty;

/// <summary>One parameter's bootstrap summary next to its maximum-likelihood estimate.</summary>
/// <param name="Name">Parameter name as in the paper (e.g. "r", "alpha").</param>
/// <param name="Estimate">The maximum-likelihood estimate on the data (the replicates' centre).</param>
/// <param name="StandardError">Bootstrap standard error: the standard deviation (n − 1) of the converged replicates' estimates.</param>
/// <param name="Lower">Lower end of the percentile interval: the (1 − level)/2 quantile of the replicates' estimates.</param>
/// <param name="Upper">Upper end of the percentile interval: the (1 + level)/2 quantile.</param>
/// <param name="InformationStandardError">The standard error from the observed information at the estimate, for comparison (NaN when not available).</param>
public sealed record BootstrapParameter(string Name, double Estimate, double StandardError, double Lower, double Upper, double InformationStandardError)
{
    /// <summary>One summary per parameter from the converged replicates' parameter vectors.</summary>
    internal static BootstrapParameter[] Summarize(MaximumLikelihoodEstimate point, IReadOnlyList<double[]> replicates, double level)
    {
        int k = point.Parameters.Count;
        var result = new BootstrapParameter[k];
        var column = new double[replicates.Count];
        for (int j = 0; j < k; j++)
        {
            for (int b = 0; b < replicates.Count; b++) column[b] = replicates[b][j];
            double se = Percentiles.StandardDeviation(column);
            var (lower, upper) = Percentiles.Interval(column, level);
            var p = point.Parameters[j];
            result[j] = new BootstrapParameter(p.Name, p.Value, se, lower, upper, p.StandardError);
        }
        return result;
    }
}

/// <summary>A replicate whose refit failed: excluded from every interval and standard error.</summary>
/// <param name="Index">Replicate number b (0-based): its random stream is a function of the seed and b.</param>
/// <param name="Message">Why it failed (the optimiser's report).</param>
public sealed record BootstrapFailure(int Index, string Message);
