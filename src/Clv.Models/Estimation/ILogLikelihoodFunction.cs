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

    /// <summary>Returns Σ w·ln L at <paramref name="parameters"/> (all &gt; 0) and writes its gradient.</summary>
    double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient);
}
