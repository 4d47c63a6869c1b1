using Clv.Models.Data;
using Clv.Models.Estimation;

namespace Clv.Models.GammaGamma;

/// <summary>A fitted Gamma-Gamma spend model: parameters, their uncertainty, and spend predictions.</summary>
public sealed record FittedGammaGamma
{
    internal FittedGammaGamma(GammaGammaParameters parameters, MaximumLikelihoodEstimate estimate, double frequencySpendCorrelation)
    {
        Parameters = parameters;
        FrequencySpendCorrelation = frequencySpendCorrelation;
        Estimate = Math.Abs(frequencySpendCorrelation) > GammaGammaModel.CorrelationWarningThreshold
            ? estimate.WithWarning($"frequency and mean spend are correlated (r = {frequencySpendCorrelation:F3}); the Gamma-Gamma model assumes they are independent")
            : estimate;
    }

    /// <summary>Model name used in model files and on the command line.</summary>
    public const string ModelName = "gamma-gamma";

    /// <summary>The maximum-likelihood parameters.</summary>
    public GammaGammaParameters Parameters { get; }

    /// <summary>
    /// Estimates with standard errors and intervals, log-likelihood, AIC/BIC and convergence report; its warnings include
    /// the independence check (<see cref="FrequencySpendCorrelation"/>).
    /// </summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>Maximised log-likelihood.</summary>
    public double LogLikelihood => Estimate.LogLikelihood;

    /// <summary>
    /// Pearson correlation between frequency and mean spend over the repeat customers. The model assumes
    /// independence; a strong correlation (|r| &gt; 0.3) adds a warning.
    /// </summary>
    public double FrequencySpendCorrelation { get; }

    /// <summary>Problems a user should know about: the estimate's warnings, including the independence check.</summary>
    public IReadOnlyList<string> Warnings => Estimate.Warnings;

    /// <summary>Per-customer log-likelihood of m_x given x (x ≥ 1).</summary>
    public void LogLikelihoods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, Span<double> result)
        => GammaGammaSpend.LogLikelihoods(Parameters, frequency, monetaryValue, result);

    /// <summary>
    /// E[M | x, m_x] per customer (<see cref="GammaGammaSpend.ConditionalExpectedAverageSpend(in GammaGammaParameters, double, double)"/>);
    /// customers with x = 0 get the population mean.
    /// </summary>
    public void ConditionalExpectedAverageSpend(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, Span<double> result) =>
        GammaGammaSpend.ConditionalExpectedAverageSpend(Parameters, frequency, monetaryValue, result);

    /// <summary>E[M | x, m_x] for every customer of a summary (x = 0: the population mean).</summary>
    /// <exception cref="ClvDataException">The summary has no monetary column.</exception>
    public double[] ConditionalExpectedAverageSpend(CustomerSummary summary)
    {
        var monetary = summary.MonetaryValue ?? throw new ClvDataException(null, null, "monetary_value", "expected spend needs a monetary value column");
        var result = new double[summary.Count];
        ConditionalExpectedAverageSpend(summary.Frequency, monetary, result);
        return result;
    }

    /// <summary>Population mean spend per transaction pγ/(q − 1) (infinite when q ≤ 1).</summary>
    public double PopulationMeanSpend => Parameters.PopulationMeanSpend;
}
