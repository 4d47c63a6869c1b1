using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.Valuation;

namespace Clv.Models.Uncertainty;

/// <summary>One converged replicate of a covariate-model bootstrap.</summary>
/// <typeparam name="TParameters">The model's parameter type.</typeparam>
/// <param name="Index">Replicate number b (0-based); its random stream is a function of the seed and b.</param>
/// <param name="Model">The refitted base parameters and coefficients, as a predictor.</param>
/// <param name="Parameters">The same values in the fit's order: base parameters, then the coefficients.</param>
/// <param name="Spend">The refitted spend model, when bootstrapped jointly.</param>
public sealed record CovariateReplicate<TParameters>(int Index, CovariatePredictor<TParameters> Model, IReadOnlyList<double> Parameters, GammaGammaParameters? Spend)
    where TParameters : struct, IPurchaseModel;

/// <summary>
/// A bootstrap of a transaction model with static covariates (see <see cref="Bootstrap.Covariates{TParameters}(FittedCovariateModel{TParameters}, CustomerSummary, CovariateTable, BootstrapOptions?, GammaGammaParameters?)"/>): the point estimate, the
/// converged replicates, the failed ones (excluded everywhere) and bootstrap standard errors and percentile intervals of every
/// base parameter and coefficient.
/// </summary>
/// <typeparam name="TParameters">The model's parameter type.</typeparam>
public sealed record CovariateBootstrap<TParameters> where TParameters : struct, IPurchaseModel
{
    internal CovariateBootstrap(CovariateRefit<TParameters> refit, CovariatePredictor<TParameters> point, MaximumLikelihoodEstimate estimate,
        CovariateSpec spec, GammaGammaParameters? spend, MaximumLikelihoodEstimate? spendEstimate, ReplicateOutcome[] outcomes, BootstrapOptions options)
    {
        PointEstimate = point;
        Estimate = estimate;
        Spec = spec;
        Spend = spend;
        SpendEstimate = spendEstimate;
        Options = options;
        var converged = outcomes.Where(o => o.Failure is null).ToList();
        Replicates = [.. outcomes.Select((o, b) => (o, b)).Where(p => p.o.Failure is null)
            .Select(p => new CovariateReplicate<TParameters>(p.b, refit.Predictor(p.o.Purchases!), p.o.Purchases!,
                p.o.Spend is { } s ? GammaGammaParameters.FromSpan(s) : null))];
        Failures = ReplicateRunner.Failures(outcomes);
        int bases = estimate.Parameters.Count - point.Coefficients.Count;
        OnBoundary = Replicates.Count(r => ReplicateRunner.OnBoundary([.. r.Parameters.Take(bases)]) || (r.Spend is { } s && ReplicateRunner.OnBoundary(s.ToArray())));
        Parameters = BootstrapParameter.Summarize(estimate, [.. converged.Select(o => o.Purchases!)], options.ConfidenceLevel);
        SpendParameters = spendEstimate is null ? null : BootstrapParameter.Summarize(spendEstimate, [.. converged.Select(o => o.Spend!)], options.ConfidenceLevel);
    }

    /// <summary>Model name, e.g. "pareto-nbd".</summary>
    public string ModelName => PointEstimate.ModelName;

    /// <summary>The maximum-likelihood estimate on the data, the centre of every replicate.</summary>
    public CovariatePredictor<TParameters> PointEstimate { get; }

    /// <summary>The point estimate's fit, with its observed-information standard errors.</summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>The covariates of each process, constraints and penalties, refitted in every replicate.</summary>
    public CovariateSpec Spec { get; }

    /// <summary>The spend model's point estimate, when bootstrapped jointly.</summary>
    public GammaGammaParameters? Spend { get; }

    /// <summary>The spend model's point fit, when bootstrapped jointly.</summary>
    public MaximumLikelihoodEstimate? SpendEstimate { get; }

    /// <summary>The spend model's parameters, when bootstrapped jointly.</summary>
    public IReadOnlyList<BootstrapParameter>? SpendParameters { get; }

    /// <summary>The options used (replicates requested, seed, kind, level).</summary>
    public BootstrapOptions Options { get; }

    /// <summary>The converged replicates in index order.</summary>
    public IReadOnlyList<CovariateReplicate<TParameters>> Replicates { get; }

    /// <summary>The replicates whose refit failed; they are not used anywhere.</summary>
    public IReadOnlyList<BootstrapFailure> Failures { get; }

    /// <summary>Converged replicates with a base (or spend) parameter outside [1e-6, 1e6], the edge of the parameter space (see <see cref="PurchaseBootstrap.OnBoundary"/>).</summary>
    public int OnBoundary { get; }

    /// <summary>Base parameters, then coefficients: estimate, bootstrap standard error, percentile interval.</summary>
    public IReadOnlyList<BootstrapParameter> Parameters { get; }

    /// <summary>
    /// Percentile intervals of every per-customer prediction under the converged replicates, each customer with its own
    /// parameters in every replicate: P(alive), E[Y(h)] when <paramref name="purchaseHorizon"/> is given, DET/DERT with
    /// <paramref name="valuation"/>, and with a joint spend model expected spend and CLV (margin × E[M] × DET, each replicate's
    /// two models together).
    /// </summary>
    /// <param name="customers">The customers to predict for.</param>
    /// <param name="covariates">Their covariates, aligned to <paramref name="customers"/> (<see cref="CovariateTable.AlignTo"/>).</param>
    /// <param name="purchaseHorizon">Horizon h of E[Y(h) | x, t_x, T]; null for none.</param>
    /// <param name="valuation">Discount rate and horizon of DET; null for none.</param>
    public CustomerIntervals Predict(CustomerSummary customers, CustomerCovariates covariates, double? purchaseHorizon, ValuationOptions? valuation = null) =>
        CovariateIntervalBuilder.Compute([.. Replicates.Select(r => r.Model)], Spend is null ? null : [.. Replicates.Select(r => r.Spend!.Value)],
            customers, covariates, purchaseHorizon, valuation, Options.ConfidenceLevel, Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
}
