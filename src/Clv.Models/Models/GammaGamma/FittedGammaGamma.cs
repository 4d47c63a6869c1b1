using Clv.Models.Estimation;

namespace Clv.Models.GammaGamma;

/// <summary>A fitted Gamma-Gamma spend model: parameters, their uncertainty, and spend predictions.</summary>
public sealed record FittedGammaGamma
{
    internal FittedGammaGamma(GammaGammaParameters parameters, MaximumLikelihoodEstimate estimate, double frequencySpendCorrelation)
    {
        Parameters = parameters;
        Estimate = estimate;
        FrequencySpendCorrelation = frequencySpendCorrelation;
        var warnings = new List<string>(estimate.Warnings);
        if (Math.Abs(frequencySpendCorrelation) > GammaGammaModel.CorrelationWarningThreshold)
            warnings.Add($"frequency and mean spend are correlated (r = {frequencySpendCorrelation:F3}); the Gamma-Gamma model assumes they are independent");
        Warnings = warnings;
    }

    /// <summary>Model name used in model files and on the command line.</summary>
    public const string ModelName = "gamma-gamma";

    /// <summary>The maximum-likelihood parameters.</summary>
    public GammaGammaParameters Parameters { get; }

    /// <summary>Estimates with standard errors and intervals, log-likelihood, AIC/BIC and convergence report.</summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>Maximised log-likelihood.</summary>
    public double LogLikelihood => Estimate.LogLikelihood;

    /// <summary>
    /// Pearson correlation between frequency and mean spend over the repeat customers. The model assumes
    /// independence; a strong correlation (|r| &gt; 0.3) adds a warning.
    /// </summary>
    public double FrequencySpendCorrelation { get; }

    /// <summary>The estimate's warnings plus the independence check.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Per-customer log-likelihood of m_x given x (x ≥ 1).</summary>
    public void LogLikelihoods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, Span<double> result)
    {
        GammaGammaSpend.CheckLengths(frequency.Length, monetaryValue.Length, result.Length);
        for (int i = 0; i < frequency.Length; i++) result[i] = GammaGammaLikelihood.LogLikelihood(Parameters, frequency[i], monetaryValue[i]);
    }

    /// <summary>
    /// E[M | x, m_x] per customer (<see cref="GammaGammaSpend.ConditionalExpectedAverageSpend(in GammaGammaParameters, double, double)"/>);
    /// customers with x = 0 get the population mean.
    /// </summary>
    public void ConditionalExpectedAverageSpend(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, Span<double> result) =>
        GammaGammaSpend.ConditionalExpectedAverageSpend(Parameters, frequency, monetaryValue, result);
}
