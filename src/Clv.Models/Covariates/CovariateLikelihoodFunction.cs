using Clv.Models.Estimation;

namespace Clv.Models.Covariates;

/// <summary>
/// A model's log-likelihood when each customer's parameters depend on linear predictors η_i of its covariates: the value, the
/// gradient with respect to the base parameters and, per customer, ∂(w_i ln L_i)/∂η_i for each process.
/// </summary>
internal interface ICustomerLikelihood
{
    /// <summary>The base parameters' names (all &gt; 0), e.g. r, alpha, s, beta.</summary>
    IReadOnlyList<string> BaseNames { get; }

    /// <summary>Σ weights.</summary>
    double TotalWeight { get; }

    /// <summary>
    /// Σ w ln L at <paramref name="baseParameters"/> with the customers' linear predictors (original row order); NaN, with the
    /// gradient undefined, when a customer's rates leave <see cref="CovariateDesign.InKernelRange"/>.
    /// </summary>
    double ValueAndGradient(ReadOnlySpan<double> baseParameters, double[] etaPurchase, double[] etaLife, Span<double> baseGradient, double[] dPurchase, double[] dLife);
}

/// <summary>
/// The objective of a covariate fit as <see cref="MaximumLikelihood"/> sees it: parameters (base…, γ…), the base ones positive
/// (optimised on the log scale) and the coefficients unconstrained; ℓ minus N times the L2 penalty of <see cref="CovariateDesign"/>,
/// with the gradient by the chain rule ∂ℓ/∂γ_k = Σ_i z_ik ∂ℓ_i/∂η_i.
/// </summary>
internal sealed class CovariateLikelihoodFunction : ILogLikelihoodFunction
{
    private readonly ICustomerLikelihood model;
    private readonly CovariateDesign design;
    private readonly int threads;
    private readonly double[] etaPurchase, etaLife, dPurchase, dLife;
    private readonly string[] names;

    public CovariateLikelihoodFunction(ICustomerLikelihood model, CovariateDesign design, int threads)
    {
        this.model = model;
        this.design = design;
        this.threads = threads;
        int n = design.Count;
        etaPurchase = new double[n]; etaLife = new double[n]; dPurchase = new double[n]; dLife = new double[n];
        names = [.. model.BaseNames, .. design.Terms.Select(t => t.Name)];
    }

    public IReadOnlyList<string> ParameterNames => names;

    public int PositiveParameterCount => model.BaseNames.Count;

    public double TotalWeight => model.TotalWeight;

    public double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        int b = PositiveParameterCount;
        var gamma = parameters[b..];
        design.LinearPredictors(gamma, etaPurchase, etaLife, threads);
        double ll = model.ValueAndGradient(parameters[..b], etaPurchase, etaLife, gradient[..b], dPurchase, dLife);
        design.CoefficientGradient(dPurchase, dLife, gradient[b..], threads);
        double n = TotalWeight;
        for (int c = 0; c < design.Terms.Count; c++) gradient[b + c] -= 2 * n * design.Terms[c].Penalty * gamma[c];
        return ll - n * design.Penalty(gamma);
    }

    public double Penalty(ReadOnlySpan<double> parameters) => TotalWeight * design.Penalty(parameters[PositiveParameterCount..]);
}
