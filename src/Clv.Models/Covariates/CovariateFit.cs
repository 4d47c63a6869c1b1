using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Covariates;

/// <summary>
/// Fits BG/NBD with static covariates (see <see cref="BgNbdCovariates"/> for the parameterisation) by maximum likelihood: BFGS on
/// the log base parameters and the raw coefficients, the analytic gradient by the chain rule, standard errors of every
/// coefficient from the observed information.
/// </summary>
/// <example>
/// <code>
/// var summary = CustomerSummaryCsv.Read("rfm.csv");
/// var covariates = CovariateTableCsv.Read("covariates.csv");
/// var fit = new BgNbdCovariateModel(new CovariateSpec { Purchase = ["age"], Life = ["channel"] }).Fit(summary, covariates);
/// double[] pAlive = fit.Model.ProbabilityAlive(summary, covariates.AlignTo(summary));
/// </code>
/// </example>
/// <param name="Spec">Covariates of each process, constraints and penalties.</param>
/// <param name="Options">How to fit (<see cref="FitOptions.InitialParameters"/> are the 4 base parameters; coefficients start at 0); null for the defaults.</param>
public sealed record BgNbdCovariateModel(CovariateSpec Spec, FitOptions? Options = null)
{
    /// <summary>Fits the model to a summary and its customers' covariates (joined on customer id).</summary>
    /// <exception cref="ClvDataException">The covariates do not match the summary's customers, or a named covariate is missing.</exception>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedCovariateModel<BgNbdParameters> Fit(CustomerSummary summary, CovariateTable covariates, string? summarySource = null)
    {
        var (aligned, terms, options, threads) = CovariateFit.Prepare(summary, covariates, Spec, Options, summarySource);
        var model = new BgNbdCovariateLikelihood(summary.Frequency, summary.Recency, summary.T, [], threads, options.VectorWidth);
        var start = options.InitialParameters ?? BgNbdModel.StartingValues(RfmInput.Layout(summary.Frequency, summary.Recency, summary.T, [], false));
        var (estimate, coefficients) = CovariateFit.Run(model, terms, aligned, start, options, threads);
        var p = estimate.Parameters;
        return new(new BgNbdCovariates(new BgNbdParameters(p[0].Value, p[1].Value, p[2].Value, p[3].Value), coefficients), estimate, Spec);
    }
}

/// <summary>
/// Fits Pareto/NBD with static covariates (see <see cref="ParetoNbdCovariates"/> for the parameterisation), as
/// <see cref="BgNbdCovariateModel"/> does for BG/NBD.
/// </summary>
/// <param name="Spec">Covariates of each process, constraints and penalties.</param>
/// <param name="Options">How to fit (<see cref="FitOptions.InitialParameters"/> are the 4 base parameters; coefficients start at 0); null for the defaults.</param>
public sealed record ParetoNbdCovariateModel(CovariateSpec Spec, FitOptions? Options = null)
{
    /// <summary>Fits the model to a summary and its customers' covariates (joined on customer id).</summary>
    /// <exception cref="ClvDataException">The covariates do not match the summary's customers, or a named covariate is missing.</exception>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedCovariateModel<ParetoNbdParameters> Fit(CustomerSummary summary, CovariateTable covariates, string? summarySource = null)
    {
        var (aligned, terms, options, threads) = CovariateFit.Prepare(summary, covariates, Spec, Options, summarySource);
        var model = new ParetoNbdCovariateLikelihood(summary.Frequency, summary.Recency, summary.T, [], threads, options.VectorWidth);
        var start = options.InitialParameters ?? ParetoNbdModel.StartingValues(RfmInput.Layout(summary.Frequency, summary.Recency, summary.T, [], false));
        var (estimate, coefficients) = CovariateFit.Run(model, terms, aligned, start, options, threads);
        var p = estimate.Parameters;
        return new(new ParetoNbdCovariates(new ParetoNbdParameters(p[0].Value, p[1].Value, p[2].Value, p[3].Value), coefficients), estimate, Spec);
    }
}

/// <summary>The steps every covariate fit shares.</summary>
internal static class CovariateFit
{
    public static (CustomerCovariates Aligned, IReadOnlyList<CovariateTerm> Terms, FitOptions Options, int Threads) Prepare(
        CustomerSummary summary, CovariateTable covariates, CovariateSpec spec, FitOptions? options, string? summarySource)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(spec);
        options ??= FitOptions.Default;
        options.Validate(4);
        var terms = CovariateDesign.Resolve(spec, covariates);
        var aligned = covariates.AlignTo(summary, summarySource);
        return (aligned, terms, options, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
    }

    /// <summary>
    /// Maximises the covariate likelihood from the base start and γ = 0 (or <paramref name="coefficientStart"/>); returns the
    /// estimate and the named coefficients.
    /// </summary>
    public static (MaximumLikelihoodEstimate Estimate, IReadOnlyList<CovariateCoefficient> Coefficients) Run(
        ICustomerLikelihood model, IReadOnlyList<CovariateTerm> terms, CustomerCovariates aligned, IReadOnlyList<double> baseStart, FitOptions options, int threads,
        IReadOnlyList<double>? coefficientStart = null)
    {
        var design = CovariateDesign.Create(terms, aligned);
        var function = new CovariateLikelihoodFunction(model, design, threads);
        double[] start = [.. baseStart, .. coefficientStart ?? new double[terms.Count]];
        var estimate = MaximumLikelihood.Maximize(function, start, options with { InitialParameters = null });
        int b = model.BaseNames.Count;
        var coefficients = terms.Select((t, c) =>
        {
            var e = estimate.Parameters[b + c];
            return new CovariateCoefficient(t.Name, t.Covariate, t.Process, e.Value, e.StandardError, e.Lower, e.Upper);
        }).ToList();
        return (estimate, coefficients);
    }
}
