using Clv.Models;
using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;
using Clv.Models.ParetoNbd;
using Clv.Models.Serialization;
using Clv.Models.Uncertainty;
using Clv.Models.Valuation;

namespace Clv.Cli.Commands;

/// <summary>A model with static covariates as the command line knows it: how to fit it and how to load it from a model file.</summary>
internal sealed record CovariateModel(
    Func<CustomerSummary, CovariateTable, CovariateSpec, FitOptions, string, FitOutcome> Fit,
    Func<ModelDocument, string, CovariatePredictions> Load);

/// <summary>What a bootstrap of a covariate model gives the command line: the parameter table and the per-customer intervals.</summary>
internal sealed record CovariateBootstrapResult(IReadOnlyList<BootstrapParameter> Parameters, int Failed, int Boundary,
    Func<CustomerSummary, CustomerCovariates, double?, ValuationOptions?, CustomerIntervals> Predict);

/// <summary>A loaded covariate model's per-customer predictions and bootstrap, whatever its parameter type.</summary>
internal sealed record CovariatePredictions(
    CovariateSpec Spec,
    Func<CustomerSummary, CustomerCovariates, double[]> LogLikelihoods,
    Func<CustomerSummary, CustomerCovariates, double[]> ProbabilityAlive,
    Func<CustomerSummary, CustomerCovariates, double, double[]> ExpectedPurchases,
    Func<CustomerSummary, CustomerCovariates, double, double, double[]> DiscountedTransactions,
    Func<CustomerSummary, CovariateTable, BootstrapOptions, GammaGammaParameters?, CovariateBootstrapResult> Bootstrap)
{
    public static CovariatePredictions Of<T>(CovariatePredictor<T> p, CovariateSpec spec) where T : struct, IPurchaseModel => new(spec,
        p.LogLikelihoods, p.ProbabilityAlive, (s, c, h) => p.ExpectedPurchases(s, c, h), (s, c, d, h) => p.DiscountedExpectedTransactions(s, c, d, h),
        (s, table, o, spend) =>
        {
            var boot = Clv.Models.Uncertainty.Bootstrap.Covariates(p, spec, s, table, o, spend);
            return new CovariateBootstrapResult(boot.Parameters, boot.Failures.Count, boot.OnBoundary, boot.Predict);
        });
}

/// <summary>The covariate models of <see cref="ModelCatalog"/>: BG/NBD and Pareto/NBD.</summary>
internal static class CovariateModels
{
    public static readonly CovariateModel BgNbd = new(
        (s, t, spec, o, source) => Outcome(FittedBgNbd.ModelName, BgNbdParameters.Names, new BgNbdCovariateModel(spec, o).Fit(s, t, source), t, p => p.ToArray()),
        (d, source) => CovariatePredictions.Of(new BgNbdCovariates(BgNbdParameters.FromSpan(d.Require(BgNbdParameters.Names, source)), Coefficients(d)), d.Covariates!.Spec));

    public static readonly CovariateModel ParetoNbd = new(
        (s, t, spec, o, source) => Outcome(FittedParetoNbd.ModelName, ParetoNbdParameters.Names, new ParetoNbdCovariateModel(spec, o).Fit(s, t, source), t, p => p.ToArray()),
        (d, source) => CovariatePredictions.Of(new ParetoNbdCovariates(ParetoNbdParameters.FromSpan(d.Require(ParetoNbdParameters.Names, source)), Coefficients(d)), d.Covariates!.Spec));

    private static IReadOnlyList<CovariateCoefficient> Coefficients(ModelDocument d) => d.Covariates!.ToCoefficients(d.Estimate);

    private static FitOutcome Outcome<T>(string model, IReadOnlyList<string> names, FittedCovariateModel<T> fit, CovariateTable table, Func<T, double[]> values)
        where T : struct, IPurchaseModel
    {
        var baseValues = values(fit.BaseParameters);
        var document = new ModelDocument(model, [.. names.Select((n, i) => new KeyValuePair<string, double>(n, baseValues[i]))], fit.Estimate,
            CovariateDocument.From(fit, table));
        var spec = fit.Spec;
        string Listed(IReadOnlyList<string> v) => v.Count == 0 ? "none" : string.Join(", ", v);
        string[] notes =
        [
            System.FormattableString.Invariant($"covariates from {table.Source} ({table.Count:N0} customers): purchase {Listed(spec.Purchase)}; life {Listed(spec.Life)}")
                + (spec.Constrained.Count > 0 ? $"; both processes (one coefficient) {Listed(spec.Constrained)}" : ""),
            .. table.Categorical.Select(c => $"categorical {c.Column}: reference level '{c.ReferenceLevel}', dummies {string.Join(", ", c.DummyNames)}"),
            .. spec.PurchasePenalty > 0 || spec.LifePenalty > 0
                ? [System.FormattableString.Invariant($"L2 penalty on the coefficients: purchase {spec.PurchasePenalty:G6}, life {spec.LifePenalty:G6} (log-likelihood shown without it)")]
                : Array.Empty<string>(),
        ];
        return new FitOutcome(document, fit.Estimate, notes);
    }
}
