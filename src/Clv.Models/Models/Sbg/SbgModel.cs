using Clv.Models.Estimation;

namespace Clv.Models.Sbg;

/// <summary>
/// The shifted-beta-geometric model of contractual retention (Fader &amp; Hardie 2007, "How to Project Customer Retention",
/// Journal of Interactive Marketing 21(1)): fit by maximum likelihood on cohorts' survivor counts, returning an immutable
/// <see cref="FittedSbg"/>.
/// </summary>
/// <example>
/// <code>
/// var cohorts = CohortSurvivorsCsv.Read("cohorts.csv");
/// FittedSbg fit = new SbgModel().Fit(cohorts);
/// double nextYear = fit.Parameters.RetentionRate(8);
/// </code>
/// </example>
/// <param name="Options">How to fit; null for <see cref="FitOptions.Default"/>.</param>
public sealed record SbgModel(FitOptions? Options = null)
{
    /// <summary>Fits (α, β) shared by all cohorts in <paramref name="data"/>.</summary>
    /// <exception cref="ClvDataException">
    /// No cohort is observed beyond period 0, nobody cancelled, or everybody cancelled in period 1: the likelihood then has no
    /// maximum (β → ∞ or α/β → ∞).
    /// </exception>
    /// <exception cref="ConvergenceException">The optimiser did not converge and <see cref="FitOptions.ThrowOnNonConvergence"/> is set.</exception>
    public FittedSbg Fit(CohortSurvivors data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = SbgChurnCounts.From(data);
        if (!counts.HasChurnInformation)
            throw new ClvDataException(null, null, "period", "every cohort has only period 0; expected at least one cohort observed for one period or more");
        if (counts.Churned.Sum() == 0)
            throw new ClvDataException(null, null, "survivors", "no customer cancelled in any period: the likelihood has no maximum (it grows without bound as beta -> infinity)");
        if (counts.Churned.Skip(2).Sum() == 0 && counts.Censored.Skip(1).Sum() == 0)
            throw new ClvDataException(null, null, "survivors", "every customer cancelled in period 1: the likelihood has no maximum (it grows without bound as alpha/beta -> infinity)");
        var options = Options ?? FitOptions.Default;
        double[] start = options.InitialParameters is { } init ? [.. init] : StartingValues(data);
        var estimate = MaximumLikelihood.Maximize(new SbgLikelihood.Function(counts), start, options);
        return new FittedSbg(new SbgParameters(estimate.Parameters[0].Value, estimate.Parameters[1].Value), estimate);
    }

    /// <summary>
    /// α = 1 and β such that the first-period retention β/(α+β) matches the pooled observed one (survivors at period 1 over
    /// the sizes of the cohorts observed that long), kept within [1e-3, 1e3].
    /// </summary>
    internal static double[] StartingValues(CohortSurvivors data)
    {
        double size = 0, renewed = 0;
        for (int c = 0; c < data.CohortNames.Count; c++)
        {
            var n = data.SurvivorsOf(c);
            if (n.Length < 2) continue;
            size += n[0];
            renewed += n[1];
        }
        double r1 = renewed / size;
        return [1.0, Math.Clamp(r1 / (1 - r1), 1e-3, 1e3)];
    }
}
