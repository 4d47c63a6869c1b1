using System.Globalization;
using System.Text;

namespace Clv.Models.Estimation;

/// <summary>A fit summary as a fixed-width text table, for terminals and notebooks.</summary>
public static class EstimateTable
{
    /// <summary>
    /// Parameters with standard errors and intervals, then log-likelihood, AIC, BIC, convergence and the range of the observed
    /// information's eigenvalues.
    /// </summary>
    /// <param name="title">First line, e.g. "BG/NBD".</param>
    /// <param name="estimate">The fit to describe.</param>
    public static string Format(string title, MaximumLikelihoodEstimate estimate)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        string level = (estimate.ConfidenceLevel * 100).ToString("0.##", c) + "%";
        sb.AppendLine(c, $"{title}, {estimate.Observations.ToString("N0", c)} customers");
        int width = Math.Max(10, estimate.Parameters.Select(p => p.Name.Length).DefaultIfEmpty(0).Max());
        sb.AppendLine(c, $"  {"parameter".PadRight(width)} {"estimate",12} {"std. error",12} {level + " lower",12} {level + " upper",12}");
        foreach (var p in estimate.Parameters)
            sb.AppendLine(c, $"  {p.Name.PadRight(width)} {G(p.Value),12} {G(p.StandardError),12} {G(p.Lower),12} {G(p.Upper),12}");
        sb.AppendLine(c, $"  log-likelihood {estimate.LogLikelihood.ToString("F4", c)}   AIC {estimate.Aic.ToString("F2", c)}   BIC {estimate.Bic.ToString("F2", c)}");
        if (estimate.Penalizer > 0) sb.AppendLine(c, $"  L2 penalizer {G(estimate.Penalizer)}");
        sb.AppendLine(c, $"  {estimate.Convergence.Message}; {estimate.Convergence.Iterations} iterations, {estimate.Convergence.Evaluations} evaluations");
        if (estimate.InformationEigenvalues.Count > 0)
            sb.AppendLine(c, $"  information eigenvalues {G(estimate.InformationEigenvalues[0])} .. {G(estimate.InformationEigenvalues[^1])}, condition number {G(estimate.ConditionNumber)}");
        foreach (var w in estimate.Warnings) sb.AppendLine(c, $"  warning: {w}");
        return sb.ToString();
    }

    private static string G(double v) => double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : "n/a";
}
