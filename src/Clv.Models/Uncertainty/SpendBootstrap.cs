using Clv.Models.Data;
using Clv.Models.Estimation;
using Clv.Models.GammaGamma;

namespace Clv.Models.Uncertainty;

/// <summary>One converged replicate of a spend-model bootstrap.</summary>
/// <param name="Index">Replicate number b (0-based).</param>
/// <param name="Parameters">The refitted Gamma-Gamma parameters.</param>
public sealed record SpendReplicate(int Index, GammaGammaParameters Parameters);

/// <summary>A bootstrap of a Gamma-Gamma spend model on its own (see <see cref="Bootstrap.Spend"/>).</summary>
public sealed record SpendBootstrap
{
    internal SpendBootstrap(GammaGammaParameters point, MaximumLikelihoodEstimate estimate, ReplicateOutcome[] outcomes, BootstrapOptions options)
    {
        PointEstimate = point;
        Estimate = estimate;
        Options = options;
        Replicates = [.. outcomes.Select((o, b) => (o, b)).Where(p => p.o.Failure is null).Select(p => new SpendReplicate(p.b, GammaGammaParameters.FromSpan(p.o.Spend!)))];
        Failures = ReplicateRunner.Failures(outcomes);
        OnBoundary = Replicates.Count(r => ReplicateRunner.OnBoundary(r.Parameters.ToArray()));
        Parameters = BootstrapParameter.Summarize(estimate, [.. outcomes.Where(o => o.Failure is null).Select(o => o.Spend!)], options.ConfidenceLevel);
    }

    /// <summary>The maximum-likelihood estimate on the data.</summary>
    public GammaGammaParameters PointEstimate { get; }

    /// <summary>The point estimate's fit, with its observed-information standard errors.</summary>
    public MaximumLikelihoodEstimate Estimate { get; }

    /// <summary>The options used.</summary>
    public BootstrapOptions Options { get; }

    /// <summary>The converged replicates in index order.</summary>
    public IReadOnlyList<SpendReplicate> Replicates { get; }

    /// <summary>The replicates whose refit failed; they are not used anywhere.</summary>
    public IReadOnlyList<BootstrapFailure> Failures { get; }

    /// <summary>Converged replicates with a parameter outside [1e-6, 1e6] (kept; see <see cref="PurchaseBootstrap.OnBoundary"/>).</summary>
    public int OnBoundary { get; }

    /// <summary>p, q, γ: estimate, bootstrap standard error, percentile interval.</summary>
    public IReadOnlyList<BootstrapParameter> Parameters { get; }

    /// <summary>
    /// Percentile intervals of E[M | x, m_x] for every customer of <paramref name="customers"/> (x = 0: the population mean
    /// pγ/(q − 1)) under the converged replicates' parameters.
    /// </summary>
    /// <exception cref="ClvDataException">The summary has no monetary column, or a repeat customer's mean spend is not &gt; 0.</exception>
    public PredictionInterval ExpectedSpend(CustomerSummary customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        RepeatCustomers.Select(customers);
        var monetary = customers.MonetaryValue!;
        int n = customers.Count;
        var result = new PredictionInterval(new double[n], new double[n]);
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount },
            () => new double[Replicates.Count], (i, _, values) =>
            {
                for (int r = 0; r < values.Length; r++)
                    values[r] = GammaGammaSpend.ConditionalExpectedAverageSpend(Replicates[r].Parameters, customers.Frequency[i], monetary[i]);
                (result.Lower[i], result.Upper[i]) = Percentiles.Interval(values, Options.ConfidenceLevel);
                return values;
            }, _ => { });
        return result;
    }
}
