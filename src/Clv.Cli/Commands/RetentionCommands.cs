using System.Globalization;
using Clv.Models;
using Clv.Models.Estimation;
using Clv.Models.Plotting;
using Clv.Models.Sbg;
using Clv.Models.Serialization;

namespace Clv.Cli.Commands;

/// <summary>
/// A contractual-retention model as the command line knows it: fitted on cohorts' survivor counts
/// (<c>period,survivors[,cohort]</c>) rather than on a per-customer summary, and predicting per period rather than per customer.
/// </summary>
/// <param name="Fit">Fits the model to survivor counts.</param>
/// <param name="Load">The parameters in a model file.</param>
internal sealed record RetentionModel(Func<CohortSurvivors, FitOptions, FitOutcome> Fit, Func<ModelDocument, string, SbgParameters> Load);

/// <summary>`clv fit` and `clv predict` for the sBG model.</summary>
internal static class RetentionCommands
{
    /// <summary>The sBG entry of <see cref="ModelCatalog"/>.</summary>
    public static RetentionModel Sbg { get; } = new(FitSbg, (d, source) => SbgParameters.FromSpan(d.Require(SbgParameters.Names, source)));

    private static FitOutcome FitSbg(CohortSurvivors data, FitOptions options)
    {
        var fit = new SbgModel(options).Fit(data);
        var c = CultureInfo.InvariantCulture;
        int last = Enumerable.Range(0, data.CohortNames.Count).Max(data.LastPeriod);
        string[] notes =
        [
            string.Create(c, $"{data.CohortNames.Count} cohort(s), periods 0..{last}; mean churn probability E[theta] = {fit.Parameters.Alpha / (fit.Parameters.Alpha + fit.Parameters.Beta):F4}"),
            string.Create(c, $"retention rate r({last + 1}) = {fit.Parameters.RetentionRate(last + 1):F4}, survival S({last + 1}) = {fit.Parameters.Survival(last + 1):F4}"),
        ];
        return ModelCatalog.Outcome(FittedSbg.ModelName, SbgParameters.Names, fit.Parameters.ToArray(), fit.Estimate, notes);
    }

    /// <summary>
    /// Writes periods 0..<paramref name="lastPeriod"/>: <c>period,survival,retention_rate[,derl]</c>, or with survivor data
    /// <c>cohort,period,survival,retention_rate,expected_survivors,actual_survivors[,derl]</c> for every cohort. retention_rate is
    /// empty at period 0, actual_survivors after the cohort's last observed period; derl is DERL(d | period renewals).
    /// </summary>
    public static int Predict(SbgParameters p, CohortSurvivors? data, int lastPeriod, double? discountRate, string output)
    {
        var c = CultureInfo.InvariantCulture;
        string F(double v) => double.IsNaN(v) ? "" : v.ToString("R", c);
        int rows = 0;
        AtomicFile.Write(output, w =>
        {
            w.WriteLine((data is null ? "" : "cohort,") + "period,survival,retention_rate" + (data is null ? "" : ",expected_survivors,actual_survivors")
                + (discountRate is null ? "" : ",derl"));
            void Row(string prefix, int t, string suffix)
            {
                string derl = discountRate is { } d ? "," + F(p.DiscountedExpectedResidualLifetime(d, t)) : "";
                w.WriteLine($"{prefix}{t.ToString(c)},{F(p.Survival(t))},{(t == 0 ? "" : F(p.RetentionRate(t)))}{suffix}{derl}");
                rows++;
            }
            if (data is null)
            {
                for (int t = 0; t <= lastPeriod; t++) Row("", t, "");
                return;
            }
            foreach (var cohort in p.Project(data, lastPeriod))
                for (int t = 0; t <= lastPeriod; t++)
                    Row(CsvText.Field(cohort.Cohort) + ",", t, $",{F(cohort.Expected[t])},{F(cohort.Actual[t])}");
        });
        return rows;
    }

    /// <summary>The image format of a --plot file from its extension: .png or .svg.</summary>
    public static PlotFormat PlotFormatOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".PNG" => PlotFormat.Png,
        ".SVG" => PlotFormat.Svg,
        _ => throw new UsageException($"option --plot: '{path}' must end in .png or .svg"),
    };

    /// <summary>Writes the actual vs projected survivors of every cohort (<see cref="RetentionPlots.Survival"/>), periods 0..<paramref name="lastPeriod"/>.</summary>
    public static void Plot(SbgParameters p, CohortSurvivors data, int lastPeriod, string path, PlotFormat format)
    {
        var plot = RetentionPlots.Survival(p.Project(data, lastPeriod));
        AtomicFile.Save(path, temp => PlotImage.Save(plot, temp, format));
    }
}
