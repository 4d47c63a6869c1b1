namespace Clv.Models.Estimation;

/// <summary>How a model is fitted by maximum likelihood.</summary>
/// <remarks>
/// The optimiser (MathNet.Numerics BFGS) works on log-parameters and minimises
/// −ℓ(θ)/N + λ·Σ_k θ_k², where ℓ is the weighted log-likelihood, N the total weight (number of customers)
/// and λ the <see cref="Penalizer"/> — the same L2 penalty on the natural parameters as lifetimes'
/// <c>penalizer_coef</c>. Standard errors are computed from the curvature of that same (penalised) objective.
/// </remarks>
public sealed record FitOptions
{
    /// <summary>The default options.</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>L2 penalty λ ≥ 0 on the natural parameters (0 = plain maximum likelihood).</summary>
    public double Penalizer { get; init; }

    /// <summary>Largest number of quasi-Newton iterations.</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>Convergence when the infinity norm of the gradient of the scaled objective (per customer, in log-parameters) falls below this.</summary>
    public double GradientTolerance { get; init; } = 1e-9;

    /// <summary>Starting values for the natural parameters, or null for the model's own data-driven start.</summary>
    public IReadOnlyList<double>? InitialParameters { get; init; }

    /// <summary>Threads used by the likelihood; null = all cores. Results are identical for every value.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Lane width of the likelihood kernels; <see cref="Kernels.VectorWidth.Auto"/> (the default) picks the widest this
    /// machine accelerates. Every width gives the same estimates to about 1e-12 relative; fixing one makes results
    /// bit-identical across machines that support it (for tests and benchmarks).
    /// </summary>
    public Kernels.VectorWidth VectorWidth { get; init; }

    /// <summary>
    /// When true (the default) a fit that does not converge throws <see cref="ConvergenceException"/>; when false
    /// it returns the last point with <see cref="ConvergenceReport.Converged"/> = false.
    /// </summary>
    public bool ThrowOnNonConvergence { get; init; } = true;

    /// <summary>Confidence level of the reported intervals.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Receives a <see cref="FitProgress"/> after every evaluation of the objective, on the fitting thread (null, the
    /// default, reports nothing). For progress displays: the estimates do not depend on it.
    /// </summary>
    public IProgress<FitProgress>? Progress { get; init; }

    /// <summary>
    /// Extra starting points (0, the default, fits once). Each is the model's start with every parameter multiplied by
    /// e^(±1) in a fixed pseudo-random pattern; the best converged optimum is kept, and when another start converges to a
    /// different optimum (log-likelihood or parameters apart by more than 1e-6 relative) a warning says so.
    /// </summary>
    public int ExtraStarts { get; init; }

    /// <summary>
    /// Skips the observed information (standard errors, eigenvalues, warnings) after the optimum is found: the estimate carries
    /// the parameters, log-likelihood and convergence report only, with NaN standard errors. For bootstrap replicates, whose
    /// uncertainty comes from the replicates themselves.
    /// </summary>
    internal bool ParametersOnly { get; init; }

    internal void Validate(int parameterCount)
    {
        if (!(Penalizer >= 0) || !double.IsFinite(Penalizer)) throw new ArgumentOutOfRangeException(nameof(Penalizer), Penalizer, "must be finite and >= 0");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "must be >= 1");
        if (!(GradientTolerance > 0)) throw new ArgumentOutOfRangeException(nameof(GradientTolerance), GradientTolerance, "must be > 0");
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "must be in (0, 1)");
        if (ExtraStarts < 0) throw new ArgumentOutOfRangeException(nameof(ExtraStarts), ExtraStarts, "must be >= 0");
        if (MaxDegreeOfParallelism is { } m && m < 1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), m, "must be >= 1");
        if (InitialParameters is { } init)
        {
            if (init.Count != parameterCount) throw new ArgumentException($"expected {parameterCount} initial parameters but got {init.Count}", nameof(InitialParameters));
            foreach (var v in init)
                if (!(double.IsFinite(v) && v > 0)) throw new ArgumentOutOfRangeException(nameof(InitialParameters), v, "initial parameters must be finite and > 0");
        }
    }
}
