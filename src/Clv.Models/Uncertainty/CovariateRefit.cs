using Clv.Models.BgNbd;
using Clv.Models.Covariates;
using Clv.Models.Kernels;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Uncertainty;

/// <summary>
/// How the bootstrap refits a covariate model: its per-customer likelihood on weighted customers, and a predictor from a
/// parameter vector (base parameters, then the coefficients in the fit's order) — the one place that knows which covariate
/// models can be bootstrapped.
/// </summary>
internal sealed record CovariateRefit<TParameters>(
    Func<double[], double[], double[], double[], int, VectorWidth, ICustomerLikelihood> Likelihood,
    Func<double[], CovariatePredictor<TParameters>> Predictor,
    Func<TParameters, double[]> BaseValues)
    where TParameters : struct, IPurchaseModel
{
    /// <summary>The refit of <paramref name="model"/>'s kind, whose predictors carry <paramref name="model"/>'s coefficient names.</summary>
    /// <exception cref="ArgumentException">The model has no bootstrap.</exception>
    public static CovariateRefit<TParameters> Of(CovariatePredictor<TParameters> model)
    {
        var names = model.Coefficients;
        IReadOnlyList<CovariateCoefficient> With(double[] v) =>
            [.. names.Select((c, k) => c with { Value = v[4 + k], StandardError = double.NaN, Lower = double.NaN, Upper = double.NaN })];
        object refit = model switch
        {
            BgNbdCovariates => new CovariateRefit<BgNbdParameters>(
                (x, tx, t, w, threads, width) => new BgNbdCovariateLikelihood(x, tx, t, w, threads, width),
                v => new BgNbdCovariates(BgNbdParameters.FromSpan(v.AsSpan(0, 4)), With(v)), p => p.ToArray()),
            ParetoNbdCovariates => new CovariateRefit<ParetoNbdParameters>(
                (x, tx, t, w, threads, width) => new ParetoNbdCovariateLikelihood(x, tx, t, w, threads, width),
                v => new ParetoNbdCovariates(ParetoNbdParameters.FromSpan(v.AsSpan(0, 4)), With(v)), p => p.ToArray()),
            _ => throw new ArgumentException($"no bootstrap for a {model.ModelName} covariate model", nameof(model)),
        };
        return (CovariateRefit<TParameters>)refit;
    }
}
