using Clv.Models.Estimation;

namespace Clv.Models.ParetoNbd;

/// <summary>
/// A fitted Pareto/NBD model: parameters, their uncertainty, the maximised log-likelihood and the optimiser's report; its
/// predictions are those of its parameters (see <see cref="ParetoNbdPredictions"/>) and fill caller-provided spans.
/// </summary>
public sealed record FittedParetoNbd : FittedPurchaseModel<ParetoNbdParameters>
{
    internal FittedParetoNbd(ParetoNbdParameters parameters, MaximumLikelihoodEstimate estimate)
        : base(parameters, estimate)
    {
    }

    /// <summary>Model name used in model files and on the command line.</summary>
    public const string ModelName = "pareto-nbd";
}
