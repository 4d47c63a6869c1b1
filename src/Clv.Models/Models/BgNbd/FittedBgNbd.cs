using Clv.Models.Estimation;

namespace Clv.Models.BgNbd;

/// <summary>
/// A fitted BG/NBD model: parameters, their uncertainty, the maximised log-likelihood and the optimiser's report; its
/// predictions are those of its parameters (see <see cref="BgNbdPredictions"/>) and fill caller-provided spans.
/// </summary>
public sealed record FittedBgNbd : FittedPurchaseModel<BgNbdParameters>
{
    internal FittedBgNbd(BgNbdParameters parameters, MaximumLikelihoodEstimate estimate)
        : base(parameters, estimate)
    {
    }

    /// <summary>Model name used in model files and on the command line.</summary>
    public const string ModelName = "bg-nbd";
}
