using Clv.Models.Estimation;

namespace Clv.Models.Uncertainty;

/// <summary>What one replicate produced: the refitted parameter vectors, or why it failed.</summary>
internal readonly record struct ReplicateOutcome(double[]? Purchases, double[]? Spend, string? Failure)
{
    /// <summary>A failure from an estimate that did not converge, else the estimate's parameter values.</summary>
    public static double[]? Values(MaximumLikelihoodEstimate estimate, string model, ref string? failure)
    {
        if (estimate.Convergence.Converged) return [.. estimate.Parameters.Select(p => p.Value)];
        failure ??= $"{model} refit {estimate.Convergence.Message}";
        return null;
    }

    /// <summary>The spend refit's values (null without spend rows); a failure when the replicate has no repeat customer or the refit does not converge.</summary>
    public static double[]? SpendValues(SpendRows? rows, FitOptions? fit, ref string? failure)
    {
        if (rows is null) return null;
        if (rows.Frequency.Length == 0)
        {
            failure ??= "the replicate has no repeat customer to refit the spend model on";
            return null;
        }
        return Values(rows.Fit(fit!), GammaGamma.FittedGammaGamma.ModelName, ref failure);
    }

    /// <summary>The outcome: both parameter vectors when nothing failed, else only the failure.</summary>
    public static ReplicateOutcome Of(double[]? purchases, double[]? spend, string? failure) =>
        new(failure is null ? purchases : null, failure is null ? spend : null, failure);
}

/// <summary>Runs the replicates in parallel, each on its own random stream, and enforces the failure policy.</summary>
internal static class ReplicateRunner
{
    /// <summary>
    /// Outcome b = <paramref name="replicate"/>(b, stream(seed, b)) for b = 0 … B − 1, stored by index (so the order of completion
    /// does not matter). A refit that throws (e.g. no finite likelihood anywhere near the start) counts as failed.
    /// </summary>
    /// <exception cref="BootstrapException">More than <see cref="BootstrapOptions.MaxFailureShare"/> of the replicates failed.</exception>
    public static ReplicateOutcome[] Run(BootstrapOptions options, Func<int, ReplicateRandom, ReplicateOutcome> replicate)
    {
        var outcomes = new ReplicateOutcome[options.Replicates];
        Parallel.For(0, options.Replicates, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount }, b =>
        {
            try
            {
                outcomes[b] = replicate(b, new ReplicateRandom(options.Seed, b));
            }
            catch (ConvergenceException e)
            {
                outcomes[b] = new ReplicateOutcome(null, null, e.Message);
            }
        });
        int failed = outcomes.Count(o => o.Failure is not null);
        if (failed > options.MaxFailureShare * options.Replicates || options.Replicates - failed < 2)
        {
            var first = outcomes.Select((o, b) => (o, b)).First(p => p.o.Failure is not null);
            throw new BootstrapException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{failed} of {options.Replicates} bootstrap replicates failed to converge (more than the allowed share {options.MaxFailureShare:P0}); the first, replicate {first.b}: {first.o.Failure}"));
        }
        return outcomes;
    }

    /// <summary>Whether a parameter lies outside [<see cref="ObservedInformation.BoundaryLow"/>, <see cref="ObservedInformation.BoundaryHigh"/>].</summary>
    public static bool OnBoundary(IReadOnlyList<double> parameters) =>
        parameters.Any(v => v < ObservedInformation.BoundaryLow || v > ObservedInformation.BoundaryHigh);

    /// <summary>The failed replicates, in index order.</summary>
    public static BootstrapFailure[] Failures(ReplicateOutcome[] outcomes) =>
        [.. outcomes.Select((o, b) => (o, b)).Where(p => p.o.Failure is not null).Select(p => new BootstrapFailure(p.b, p.o.Failure!))];
}
