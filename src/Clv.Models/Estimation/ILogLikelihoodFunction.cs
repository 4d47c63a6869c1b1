namespace Clv.Models.Estimation;

/// <summary>
/// A model's total (weighted) log-likelihood over a data set, as a function of its natural parameters, with
/// the analytic gradient; what <see cref="MaximumLikelihood"/> maximises.
/// </summary>
internal interface ILogLikelihoodFunction
{
    /// <summary>Parameter names in order.</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Σ weights: the number of customers the data stands for (used to scale the objective and in BIC).</summary>
    double TotalWeight { get; }

    /// <summary>
    /// Returns Σ w·ln L at <paramref name="parameters"/> and writes its gradient. The first <see cref="PositiveParameterCount"/>
    /// parameters are &gt; 0 (the optimiser works on their logarithms); the rest are unconstrained (e.g. covariate coefficients,
    /// optimised as they are). A function with a built-in penalty returns ℓ − <see cref="Penalty"/> and its gradient.
    /// </summary>
    double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient);

    /// <summary>How many leading parameters are strictly positive (all of them unless a model says otherwise).</summary>
    int PositiveParameterCount => ParameterNames.Count;

    /// <summary>
    /// The penalty already subtracted inside <see cref="ValueAndGradient"/> at <paramref name="parameters"/> (0 for plain
    /// likelihoods), so the reported log-likelihood is the unpenalised ℓ while the curvature is that of the optimised objective.
    /// </summary>
    double Penalty(ReadOnlySpan<double> parameters) => 0;
}
