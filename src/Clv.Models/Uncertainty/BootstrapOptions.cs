using Clv.Models.Estimation;

namespace Clv.Models.Uncertainty;

/// <summary>How the bootstrap draws its replicate data sets (see docs/uncertainty.md).</summary>
public enum BootstrapKind
{
    /// <summary>
    /// Resample the customers with replacement (Efron 1979): each replicate is a multinomial draw of N customers from the N
    /// observed, refitted as a weighted fit over the distinct rows. Assumes only that customers are independent draws.
    /// </summary>
    Nonparametric,

    /// <summary>
    /// Simulate every customer's (x, t_x) — and mean spend, for a spend model — from the fitted model, given its own T (and x),
    /// and refit. Assumes the model is right; captures estimation noise only.
    /// </summary>
    Parametric,
}

/// <summary>How to bootstrap a fit (see <see cref="Bootstrap"/>).</summary>
public sealed record BootstrapOptions
{
    /// <summary>The default options: 200 nonparametric replicates, seed 0, 95 % intervals.</summary>
    public static BootstrapOptions Default { get; } = new();

    /// <summary>Number of replicates B ≥ 2 (200 is a common choice for percentile intervals at 90 %; more for 99 %).</summary>
    public int Replicates { get; init; } = 200;

    /// <summary>
    /// Seed of the replicates' random streams. Replicate b draws from its own stream, a function of (seed, b) only, so the same
    /// seed gives identical output for any <see cref="MaxDegreeOfParallelism"/>.
    /// </summary>
    public long Seed { get; init; }

    /// <summary>Nonparametric (resample customers, the default) or parametric (simulate from the fit).</summary>
    public BootstrapKind Kind { get; init; }

    /// <summary>Replicates refitted at once; null = one per processor. Does not change the results.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Level of the percentile intervals, in (0, 1).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Largest share of replicates whose refit may fail (not converge) before the bootstrap throws
    /// <see cref="BootstrapException"/>; failed replicates are always excluded and counted, never used. Default 0.1.
    /// </summary>
    public double MaxFailureShare { get; init; } = 0.1;

    /// <summary>
    /// How every replicate (and the check of the point estimate) is fitted: penalizer, iteration limit, tolerance, vector width.
    /// Null for <see cref="FitOptions.Default"/>. Its starting values, extra starts, thread count and progress are ignored: each
    /// replicate starts at the point estimate, once, on one thread.
    /// </summary>
    public FitOptions? Fit { get; init; }

    internal FitOptions FitOptions => Fit ?? FitOptions.Default;

    internal void Validate()
    {
        if (Replicates < 2) throw new ArgumentOutOfRangeException(nameof(Replicates), Replicates, "must be >= 2");
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "must be in (0, 1)");
        if (!(MaxFailureShare >= 0 && MaxFailureShare < 1)) throw new ArgumentOutOfRangeException(nameof(MaxFailureShare), MaxFailureShare, "must be in [0, 1)");
        if (MaxDegreeOfParallelism is { } m && m < 1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), m, "must be >= 1");
        if (!Enum.IsDefined(Kind)) throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "unknown bootstrap kind");
    }

    /// <summary>The options of one replicate's refit: warm start at <paramref name="center"/>, one start, one thread, never throwing.</summary>
    internal FitOptions ReplicateFit(double[] center) => FitOptions with
    {
        InitialParameters = center,
        ExtraStarts = 0,
        MaxDegreeOfParallelism = 1,
        Progress = null,
        ThrowOnNonConvergence = false,
        ParametersOnly = true,
    };
}

/// <summary>Too many bootstrap replicates failed to converge for the intervals to be trusted.</summary>
public sealed class BootstrapException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BootstrapException(string message) : base(message)
    {
    }
}
