using Clv.Models.Estimation;

namespace Clv.Models.Sbg;

/// <summary>
/// A fitted sBG model: parameters, their uncertainty, the maximised log-likelihood and the optimiser's report, with the
/// projections of Fader &amp; Hardie (2007) and the DERL of Fader &amp; Hardie (2010) (formulas on <see cref="SbgParameters"/>).
/// </summary>
public sealed record FittedSbg
{
    internal FittedSbg(SbgParameters parameters, MaximumLikelihoodEstimate estimate)
    {
        Parameters = parameters;
        Estimate = estimate;
    }

    /// <summary>Model name used in model files and on the command line.</summary>
    public const string ModelName = "sbg";

    /// <summary>The maximum-likelihood parameters.</summary>
    public SbgParameters Parameters { get; }

    /// <summary>Estimates with standard errors and intervals, log-likelihood, AIC/BIC and convergence report.</summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>Maximised log-likelihood.</summary>
    public double LogLikelihood => Estimate.LogLikelihood;

    /// <summary>S(t) for every period (FH2007 eq. 5).</summary>
    public void Survival(ReadOnlySpan<int> periods, Span<double> result) => Parameters.Survival(periods, result);

    /// <summary>r(t) for every period t ≥ 1 (FH2007 eq. 6).</summary>
    public void RetentionRate(ReadOnlySpan<int> periods, Span<double> result) => Parameters.RetentionRate(periods, result);

    /// <summary>DERL(d | n renewals) for every renewal count (Fader &amp; Hardie 2010).</summary>
    public void DiscountedExpectedResidualLifetime(double discountRate, ReadOnlySpan<int> renewals, Span<double> result) =>
        Parameters.DiscountedExpectedResidualLifetime(discountRate, renewals, result);

    /// <summary>Expected survivors of a cohort of <paramref name="cohortSize"/> customers (see <see cref="SbgParameters.ExpectedSurvivors"/>).</summary>
    public void ExpectedSurvivors(double cohortSize, ReadOnlySpan<int> periods, Span<double> result) =>
        Parameters.ExpectedSurvivors(cohortSize, periods, result);

    /// <summary>Actual and expected survivors of every cohort (see <see cref="SbgParameters.Project"/>).</summary>
    public IReadOnlyList<CohortProjection> Project(CohortSurvivors data, int lastPeriod) => Parameters.Project(data, lastPeriod);
}
