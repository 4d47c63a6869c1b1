using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.Valuation;

namespace Clv.Models.Uncertainty;

/// <summary>One converged replicate of a transaction-model bootstrap.</summary>
/// <param name="Index">Replicate number b (0-based); its random stream is a function of the seed and b.</param>
/// <param name="Purchases">The refitted transaction model's parameters, as a predictor.</param>
/// <param name="Parameters">The same parameters in the model's order (e.g. r, alpha, a, b).</param>
/// <param name="Spend">The refitted spend model, when bootstrapped jointly.</param>
public sealed record PurchaseReplicate(int Index, IPurchaseModel Purchases, IReadOnlyList<double> Parameters, GammaGammaParameters? Spend);

/// <summary>
/// A bootstrap of a transaction model (see <see cref="Bootstrap.Purchases"/>): the point estimate, the converged replicates,
/// the failed ones (excluded everywhere) and per-parameter bootstrap standard errors and percentile intervals.
/// </summary>
public sealed record PurchaseBootstrap
{
    internal PurchaseBootstrap(PurchaseRefit refit, IPurchaseModel point, MaximumLikelihoodEstimate estimate, GammaGammaParameters? spend,
        MaximumLikelihoodEstimate? spendEstimate, ReplicateOutcome[] outcomes, BootstrapOptions options)
    {
        ModelName = refit.ModelName;
        PointEstimate = point;
        Estimate = estimate;
        Spend = spend;
        SpendEstimate = spendEstimate;
        Options = options;
        Replicates = [.. outcomes.Select((o, b) => (o, b)).Where(p => p.o.Failure is null)
            .Select(p => new PurchaseReplicate(p.b, refit.Model(p.o.Purchases!), p.o.Purchases!,
                p.o.Spend is { } s ? GammaGammaParameters.FromSpan(s) : null))];
        Failures = ReplicateRunner.Failures(outcomes);
        OnBoundary = Replicates.Count(r => ReplicateRunner.OnBoundary(r.Parameters) || (r.Spend is { } s && ReplicateRunner.OnBoundary(s.ToArray())));
        Parameters = BootstrapParameter.Summarize(estimate, [.. outcomes.Where(o => o.Failure is null).Select(o => o.Purchases!)], options.ConfidenceLevel);
        SpendParameters = spendEstimate is null ? null
            : BootstrapParameter.Summarize(spendEstimate, [.. outcomes.Where(o => o.Failure is null).Select(o => o.Spend!)], options.ConfidenceLevel);
    }

    /// <summary>Model name, e.g. "bg-nbd".</summary>
    public string ModelName { get; }

    /// <summary>The maximum-likelihood estimate on the data, the centre of every replicate.</summary>
    public IPurchaseModel PointEstimate { get; }

    /// <summary>The point estimate's fit, with its observed-information standard errors.</summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>The spend model's point estimate, when bootstrapped jointly.</summary>
    public GammaGammaParameters? Spend { get; }

    /// <summary>The spend model's point fit, when bootstrapped jointly.</summary>
    public MaximumLikelihoodEstimate? SpendEstimate { get; }

    /// <summary>The options used (replicates requested, seed, kind, level).</summary>
    public BootstrapOptions Options { get; }

    /// <summary>The converged replicates in index order.</summary>
    public IReadOnlyList<PurchaseReplicate> Replicates { get; }

    /// <summary>The replicates whose refit failed; they are not used anywhere.</summary>
    public IReadOnlyList<BootstrapFailure> Failures { get; }

    /// <summary>
    /// Converged replicates with a parameter outside [1e-6, 1e6], the edge of the parameter space (e.g. Pareto/NBD's s and β
    /// running off together when a resample shows too little dropout to identify them). They are kept — each is the maximum of
    /// its resample's likelihood — but many of them mean that parameter's interval is not informative (see docs/uncertainty.md).
    /// </summary>
    public int OnBoundary { get; }

    /// <summary>The transaction model's parameters: estimate, bootstrap standard error, percentile interval.</summary>
    public IReadOnlyList<BootstrapParameter> Parameters { get; }

    /// <summary>The spend model's parameters, when bootstrapped jointly.</summary>
    public IReadOnlyList<BootstrapParameter>? SpendParameters { get; }

    /// <summary>
    /// Percentile intervals of every per-customer prediction under the converged replicates' parameters: P(alive), and
    /// E[Y(h)] when <paramref name="purchaseHorizon"/> is given; with <paramref name="valuation"/> DET/DERT, and with a joint spend
    /// model expected spend and CLV (margin × E[M] × DET with each replicate's two models together). The level is
    /// <see cref="BootstrapOptions.ConfidenceLevel"/>; threads come from <see cref="BootstrapOptions.MaxDegreeOfParallelism"/>.
    /// </summary>
    /// <param name="customers">The customers to predict for (any summary; a monetary column for CLV).</param>
    /// <param name="purchaseHorizon">Horizon h of E[Y(h) | x, t_x, T]; null for none.</param>
    /// <param name="valuation">Discount rate, horizon and margin of DET and CLV; null for neither.</param>
    public CustomerIntervals Predict(CustomerSummary customers, double? purchaseHorizon, ValuationOptions? valuation = null) =>
        CustomerIntervalBuilder.Compute([.. Replicates.Select(r => r.Purchases)], Spend is null ? null : [.. Replicates.Select(r => r.Spend!.Value)],
            customers, purchaseHorizon, valuation, Options.ConfidenceLevel, Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
}
