using Clv.Models.BgNbd;
using Clv.Models.Estimation;
using Clv.Models.Kernels;
using Clv.Models.MbgNbd;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Uncertainty;

/// <summary>
/// How the bootstrap refits one transaction model on a weighted (x, t_x, T) layout, and turns a parameter vector back into
/// the model's predictions: the one place that knows which models can be bootstrapped.
/// </summary>
internal sealed record PurchaseRefit(string ModelName, IReadOnlyList<string> Names, Func<FrequencySegments, FitOptions, MaximumLikelihoodEstimate> Fit,
    Func<double[], IPurchaseModel> Model)
{
    /// <summary>The refit of <paramref name="model"/>'s kind (a parameter struct or a fitted model) and its point estimate.</summary>
    /// <exception cref="ArgumentException">The model has no bootstrap (only BG/NBD, Pareto/NBD and MBG/NBD do).</exception>
    public static (PurchaseRefit Refit, double[] Point) Of(IPurchaseModel model)
    {
        var point = (model as IFittedPurchaseModel)?.PointEstimate ?? model;
        return point switch
        {
            BgNbdParameters p => (new PurchaseRefit(FittedBgNbd.ModelName, BgNbdParameters.Names,
                (data, options) => new BgNbdModel(options).Fit(data).Estimate, v => BgNbdParameters.FromSpan(v)), p.ToArray()),
            ParetoNbdParameters p => (new PurchaseRefit(FittedParetoNbd.ModelName, ParetoNbdParameters.Names,
                (data, options) => new ParetoNbdModel(options).Fit(data).Estimate, v => ParetoNbdParameters.FromSpan(v)), p.ToArray()),
            MbgNbdParameters p => (new PurchaseRefit(FittedMbgNbd.ModelName, MbgNbdParameters.Names,
                (data, options) => new MbgNbdModel(options).Fit(data).Estimate, v => MbgNbdParameters.FromSpan(v)), p.ToArray()),
            _ => throw new ArgumentException($"no bootstrap for a {point.ModelName} model (BG/NBD, Pareto/NBD and MBG/NBD have one)", nameof(model)),
        };
    }
}
