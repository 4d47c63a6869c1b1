using Clv.Models.Estimation;

namespace Clv.Models.MbgNbd;

/// <summary>
/// A fitted MBG/NBD model: parameters, their uncertainty, the maximised log-likelihood and the optimiser's report; its
/// predictions are those of its parameters (see <see cref="MbgNbdPredictions"/>) and fill caller-provided spans.
/// </summary>
public sealed record FittedMbgNbd : FittedPurchaseModel<MbgNbdParameters>
{
    internal FittedMbgNbd(MbgNbdParameters parameters, MaximumLikelihoodEstimate estimate)
        : base(parameters, estimate)
    {
    }

    /// <summary>Model name used in model files and on the command line.</summary>
    public const string ModelName = "mbg-nbd";
}
