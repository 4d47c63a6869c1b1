using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Covariates;

/// <summary>
/// A transaction model with static covariates as a predictor: base parameters and coefficients; each customer's own parameters
/// (<see cref="ForCustomer"/>) drive the model's scalar predictions, computed in parallel over fixed chunks of customers.
/// </summary>
/// <typeparam name="TParameters">The model's parameter type (its per-customer parameters are of this type too).</typeparam>
public abstract record CovariatePredictor<TParameters> where TParameters : struct, IPurchaseModel
{
    private protected CovariatePredictor(TParameters baseParameters, IReadOnlyList<CovariateCoefficient> coefficients)
    {
        BaseParameters = baseParameters;
        Coefficients = coefficients;
        Terms = [.. coefficients.Select(c => new CovariateTerm(c.Covariate, c.Process, 0))];
    }

    /// <summary>The base parameters: those of a customer whose covariates are all 0 (e.g. the reference level of every categorical covariate).</summary>
    public TParameters BaseParameters { get; }

    /// <summary>The coefficients γ, purchase-only, then life-only, then constrained.</summary>
    public IReadOnlyList<CovariateCoefficient> Coefficients { get; }

    /// <summary>Model name used in model files and on the command line ("bg-nbd", "pareto-nbd").</summary>
    public string ModelName => BaseParameters.ModelName;

    internal IReadOnlyList<CovariateTerm> Terms { get; }

    /// <summary>The parameters of a customer with purchase and lifetime linear predictors η = γᵀz.</summary>
    public abstract TParameters ForCustomer(double purchasePredictor, double lifePredictor);

    /// <summary>Every customer's own parameters, in the order of <paramref name="covariates"/>.</summary>
    /// <exception cref="ClvDataException">A covariate of the model is not among <paramref name="covariates"/>.</exception>
    public TParameters[] CustomerParameters(CustomerCovariates covariates, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        int threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        var design = CovariateDesign.Create(Terms, covariates);
        int n = covariates.Count;
        double[] purchase = new double[n], life = new double[n];
        design.LinearPredictors([.. Coefficients.Select(c => c.Value)], purchase, life, threads);
        var result = new TParameters[n];
        CovariateDesign.ForChunks(n, threads, (start, end, _) =>
        {
            for (int i = start; i < end; i++) result[i] = ForCustomer(purchase[i], life[i]);
        });
        return result;
    }

    /// <summary>Per-customer log-likelihood ln L(θ_i | x, t_x, T).</summary>
    public double[] LogLikelihoods(CustomerSummary summary, CustomerCovariates covariates) =>
        Predict(summary, covariates, (in TParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> r) => p.LogLikelihoods(x, tx, t, r));

    /// <summary>P(alive | x, t_x, T) with each customer's own parameters.</summary>
    public double[] ProbabilityAlive(CustomerSummary summary, CustomerCovariates covariates) =>
        Predict(summary, covariates, (in TParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> r) => p.ProbabilityAlive(x, tx, t, r));

    /// <summary>E[Y(h) | x, t_x, T] over the next <paramref name="horizon"/> time units, with each customer's own parameters.</summary>
    public double[] ExpectedPurchases(CustomerSummary summary, CustomerCovariates covariates, double horizon) =>
        Predict(summary, covariates, (in TParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> r) => p.ExpectedPurchases(horizon, x, tx, t, r));

    /// <summary>
    /// DET(δ, H | x, t_x, T) (DERT for H = +∞, see <see cref="IPurchaseModel.DiscountedExpectedTransactions"/>), with each
    /// customer's own parameters.
    /// </summary>
    public double[] DiscountedExpectedTransactions(CustomerSummary summary, CustomerCovariates covariates, double discountRate, double horizon = double.PositiveInfinity) =>
        Predict(summary, covariates, (in TParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> r) =>
            p.DiscountedExpectedTransactions(discountRate, horizon, x, tx, t, r));

    private delegate void Prediction(in TParameters p, ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> t, Span<double> result);

    /// <summary>The model's own span prediction, one customer at a time with that customer's parameters, in parallel chunks.</summary>
    private double[] Predict(CustomerSummary summary, CustomerCovariates covariates, Prediction prediction)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (covariates.Count != summary.Count)
            throw new ArgumentException($"the covariates have {covariates.Count} customers but the summary {summary.Count}; align them with CovariateTable.AlignTo", nameof(covariates));
        var parameters = CustomerParameters(covariates);
        var result = new double[summary.Count];
        CovariateDesign.ForChunks(summary.Count, Environment.ProcessorCount, (start, end, _) =>
        {
            for (int i = start; i < end; i++)
                prediction(parameters[i], summary.Frequency.AsSpan(i, 1), summary.Recency.AsSpan(i, 1), summary.T.AsSpan(i, 1), result.AsSpan(i, 1));
        });
        return result;
    }
}

/// <summary>
/// BG/NBD with static covariates (Fader &amp; Hardie 2007; CLVTools): α_i = α·exp(−γ_purchaseᵀz_i), a_i = a·exp(γ_lifeᵀz_i),
/// b_i = b·exp(γ_lifeᵀz_i). A positive purchase coefficient raises the purchase rate (E[λ_i] = r/α_i); a positive life
/// coefficient scales a and b together, which leaves the mean dropout probability a/(a+b) unchanged and concentrates it.
/// </summary>
public sealed record BgNbdCovariates : CovariatePredictor<BgNbdParameters>
{
    /// <summary>A predictor from base parameters and coefficients.</summary>
    public BgNbdCovariates(BgNbdParameters baseParameters, IReadOnlyList<CovariateCoefficient> coefficients) : base(baseParameters, coefficients)
    {
    }

    /// <inheritdoc/>
    public override BgNbdParameters ForCustomer(double purchasePredictor, double lifePredictor)
    {
        var p = BaseParameters;
        double life = Math.Exp(lifePredictor);
        return new BgNbdParameters(p.R, p.Alpha * Math.Exp(-purchasePredictor), p.A * life, p.B * life);
    }
}

/// <summary>
/// Pareto/NBD with static covariates (Fader &amp; Hardie 2007; CLVTools): α_i = α·exp(−γ_purchaseᵀz_i), β_i = β·exp(−γ_lifeᵀz_i).
/// A positive coefficient raises the mean purchase rate r/α_i, respectively the mean dropout rate s/β_i, by the factor e^(γz).
/// </summary>
public sealed record ParetoNbdCovariates : CovariatePredictor<ParetoNbdParameters>
{
    /// <summary>A predictor from base parameters and coefficients.</summary>
    public ParetoNbdCovariates(ParetoNbdParameters baseParameters, IReadOnlyList<CovariateCoefficient> coefficients) : base(baseParameters, coefficients)
    {
    }

    /// <inheritdoc/>
    public override ParetoNbdParameters ForCustomer(double purchasePredictor, double lifePredictor)
    {
        var p = BaseParameters;
        return new ParetoNbdParameters(p.R, p.Alpha * Math.Exp(-purchasePredictor), p.S, p.Beta * Math.Exp(-lifePredictor));
    }
}
