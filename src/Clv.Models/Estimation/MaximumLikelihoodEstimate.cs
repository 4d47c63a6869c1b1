namespace Clv.Models.Estimation;

/// <summary>
/// The outcome of a maximum-likelihood fit: estimates with standard errors and intervals, the maximised
/// log-likelihood, information criteria and the optimiser's report. Shared by every model.
/// </summary>
public sealed record MaximumLikelihoodEstimate
{
    private readonly double[,] covariance;

    internal MaximumLikelihoodEstimate(IReadOnlyList<ParameterEstimate> parameters, double[,] covariance, double logLikelihood,
        double observations, double confidenceLevel, ConvergenceReport convergence, IReadOnlyList<string> warnings, double penalizer,
        IReadOnlyList<double> informationEigenvalues)
    {
        InformationEigenvalues = informationEigenvalues;
        Parameters = parameters;
        this.covariance = covariance;
        LogLikelihood = logLikelihood;
        Observations = observations;
        ConfidenceLevel = confidenceLevel;
        Convergence = convergence;
        Warnings = warnings;
        Penalizer = penalizer;
    }

    /// <summary>
    /// Eigenvalues of the observed information −∇²ℓ at the estimate (natural parameters, penalty included), ascending. All
    /// positive at a strict maximum; a non-positive or relatively tiny smallest one means the estimate is not a maximum or a
    /// direction of the parameter space is not identified by the data (see <see cref="Warnings"/>).
    /// </summary>
    public IReadOnlyList<double> InformationEigenvalues { get; }

    /// <summary>Largest over smallest information eigenvalue; +∞ when the smallest is not positive.</summary>
    public double ConditionNumber => InformationEigenvalues.Count == 0 || !(InformationEigenvalues[0] > 0)
        ? double.PositiveInfinity
        : InformationEigenvalues[^1] / InformationEigenvalues[0];

    /// <summary>The estimates in the model's parameter order.</summary>
    public IReadOnlyList<ParameterEstimate> Parameters { get; }

    /// <summary>Maximised log-likelihood ℓ (without the penalty).</summary>
    public double LogLikelihood { get; }

    /// <summary>Number of customers (total weight) the data stands for.</summary>
    public double Observations { get; }

    /// <summary>Confidence level of <see cref="ParameterEstimate.Lower"/>/<see cref="ParameterEstimate.Upper"/>.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>The L2 penalty λ used in the fit.</summary>
    public double Penalizer { get; }

    /// <summary>Akaike information criterion 2k − 2ℓ.</summary>
    public double Aic => 2.0 * Parameters.Count - 2.0 * LogLikelihood;

    /// <summary>Bayesian information criterion k·ln(N) − 2ℓ, N = <see cref="Observations"/>.</summary>
    public double Bic => Parameters.Count * Math.Log(Observations) - 2.0 * LogLikelihood;

    /// <summary>What the optimiser did.</summary>
    public ConvergenceReport Convergence { get; }

    /// <summary>Problems a user should know about (e.g. a Hessian that is not positive definite).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Covariance of two estimates (inverse of the observed information), NaN when not available.</summary>
    public double Covariance(int i, int j) => covariance[i, j];

    /// <summary>A copy of the covariance matrix of the estimates.</summary>
    public double[,] CovarianceMatrix() => (double[,])covariance.Clone();

    /// <summary>The same estimate with <paramref name="warning"/> appended to <see cref="Warnings"/>.</summary>
    internal MaximumLikelihoodEstimate WithWarning(string warning) =>
        new(Parameters, covariance, LogLikelihood, Observations, ConfidenceLevel, Convergence, [.. Warnings, warning], Penalizer, InformationEigenvalues);

    /// <summary>The estimate named <paramref name="name"/>.</summary>
    public ParameterEstimate this[string name] =>
        Parameters.FirstOrDefault(p => p.Name == name) ?? throw new KeyNotFoundException($"no parameter named '{name}'");
}
