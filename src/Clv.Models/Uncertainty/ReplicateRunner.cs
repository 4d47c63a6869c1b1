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
