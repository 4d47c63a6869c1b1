using System.Globalization;
using System.Text;

namespace Clv.Models.Diagnostics;

/// <summary>The diagnostics as fixed-width text tables, for terminals and notebooks.</summary>
public static class DiagnosticsText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>One row per model: k, log-likelihood, AIC, BIC and, when known, holdout MAE, RMSE, correlation and totals.</summary>
    public static string Format(ModelComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var sb = new StringBuilder();
        bool holdout = comparison.Scores.Any(s => s.Holdout is not null);
        int width = Math.Max(5, comparison.Scores.Max(s => s.Name.Length));
        sb.AppendLine(C, $"Model comparison, {comparison.Customers:N0} customers");
        sb.Append(C, $"  {"model".PadRight(width)} {"k",2} {"log-lik.",12} {"AIC",11} {"BIC",11}");
        if (holdout) sb.Append(C, $" {"MAE",8} {"RMSE",8} {"corr.",7} {"actual",9} {"predicted",10}");
        sb.AppendLine();
        foreach (var s in comparison.Scores)
        {
            sb.Append(C, $"  {s.Name.PadRight(width)} {s.ParameterCount,2} {s.LogLikelihood,12:F2} {s.Aic,11:F2} {s.Bic,11:F2}");
            if (s.Holdout is { } h) sb.Append(C, $" {h.MeanAbsoluteError,8:F4} {h.RootMeanSquaredError,8:F4} {h.Correlation,7:F4} {h.ActualTotal,9:F0} {h.PredictedTotal,10:F1}");
            sb.AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>The histogram's bins (observed, expected) and the χ² test.</summary>
    public static string Format(RepeatTransactionHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var sb = new StringBuilder();
        sb.AppendLine(C, $"  {"repeat purchases",-17} {"observed",9} {"expected",10}");
        foreach (var b in histogram.Bins) sb.AppendLine(C, $"  {b.Label,-17} {b.Observed,9:N0} {b.Expected,10:F1}");
        var t = histogram.ChiSquare;
        sb.AppendLine(C, $"  chi-square {t.Statistic:F3}, {t.DegreesOfFreedom} degrees of freedom, p = {t.PValue:G4}");
        return sb.ToString();
    }
}
