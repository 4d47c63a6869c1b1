namespace Clv.Models.Covariates;

/// <summary>Which process a covariate coefficient acts on.</summary>
public enum CovariateProcess
{
    /// <summary>The purchase (transaction) process: it scales the purchase-rate parameter α.</summary>
    Purchase,

    /// <summary>The lifetime (dropout) process: β for Pareto/NBD, a and b for BG/NBD.</summary>
    Life,

    /// <summary>One coefficient used in both processes (CLVTools' <c>names.cov.constr</c>).</summary>
    Both,
}

/// <summary>
/// Which covariates enter which process, equality constraints and L2 regularisation, as CLVTools' <c>names.cov.trans</c>,
/// <c>names.cov.life</c>, <c>names.cov.constr</c> and <c>reg.lambdas</c>. Names are covariate names of the table, or a
/// categorical source column, which stands for all its dummies.
/// </summary>
/// <remarks>
/// The fit minimises −ℓ/N + λ_purchase·Σγ_purchase² + λ_life·Σγ_life² (CLVTools' regularisation: the mean negative
/// log-likelihood plus the penalty, on the coefficients only, never on the base parameters); a constrained coefficient counts in
/// both sums, i.e. with λ_purchase + λ_life.
/// </remarks>
public sealed record CovariateSpec
{
    /// <summary>Covariates of the purchase process.</summary>
    public IReadOnlyList<string> Purchase { get; init; } = [];

    /// <summary>Covariates of the lifetime process.</summary>
    public IReadOnlyList<string> Life { get; init; } = [];

    /// <summary>Covariates with one coefficient shared by both processes (they need not be listed in <see cref="Purchase"/> or <see cref="Life"/>).</summary>
    public IReadOnlyList<string> Constrained { get; init; } = [];

    /// <summary>L2 penalty λ ≥ 0 on the purchase coefficients.</summary>
    public double PurchasePenalty { get; init; }

    /// <summary>L2 penalty λ ≥ 0 on the lifetime coefficients.</summary>
    public double LifePenalty { get; init; }

    /// <summary>Every covariate of <paramref name="table"/> in both processes, each with its own coefficient.</summary>
    public static CovariateSpec Both(CovariateTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new CovariateSpec { Purchase = table.Names, Life = table.Names };
    }

    /// <summary>Coefficient name of <paramref name="covariate"/> in <paramref name="process"/>: <c>purchase.x</c>, <c>life.x</c> or <c>constr.x</c>.</summary>
    public static string CoefficientName(CovariateProcess process, string covariate) => process switch
    {
        CovariateProcess.Purchase => "purchase." + covariate,
        CovariateProcess.Life => "life." + covariate,
        _ => "constr." + covariate,
    };
}

/// <summary>One estimated covariate coefficient γ with its uncertainty.</summary>
/// <param name="Name">Coefficient name (<see cref="CovariateSpec.CoefficientName"/>).</param>
/// <param name="Covariate">The covariate it multiplies.</param>
/// <param name="Process">The process it acts on.</param>
/// <param name="Value">Estimate.</param>
/// <param name="StandardError">Standard error from the observed information of the (penalised) objective.</param>
/// <param name="Lower">Lower end of the Wald interval γ − z·se.</param>
/// <param name="Upper">Upper end of the Wald interval γ + z·se.</param>
public sealed record CovariateCoefficient(string Name, string Covariate, CovariateProcess Process, double Value, double StandardError, double Lower, double Upper);
