using Clv.Models.Sbg;
using ScottPlot;

namespace Clv.Models.Plotting;

/// <summary>Plots of a contractual-retention model (sBG, Fader &amp; Hardie 2007) in the style of <see cref="DiagnosticPlots"/>.</summary>
public static class RetentionPlots
{
    /// <summary>
    /// Actual survivors (solid, with markers, over the observed periods) and the model's expected survivors
    /// (dashed, over every projected period) of each cohort, from <see cref="FittedSbg.Project"/> or <see cref="SbgParameters.Project"/>
    /// (Fader &amp; Hardie 2007, Figure 3). When every cohort ends at the same period before the last projected one, that end is marked.
    /// </summary>
    /// <param name="cohorts">The projections, one per cohort (at least one).</param>
    /// <param name="modelName">Model name for the title and legend.</param>
    /// <param name="periodName">What one period is called on the axis, e.g. "year".</param>
    /// <exception cref="ArgumentException">No cohort is given.</exception>
    public static Plot Survival(IReadOnlyList<CohortProjection> cohorts, string modelName = "sBG", string periodName = "period")
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        if (cohorts.Count == 0) throw new ArgumentException("expected at least one cohort", nameof(cohorts));
        var plot = PlotStyle.Create($"Survivors: actual vs projected ({modelName})", periodName, "customers still active");
        for (int c = 0; c < cohorts.Count; c++)
        {
            var cohort = cohorts[c];
            string name = cohort.Cohort.Length == 0 ? "" : cohort.Cohort + ": ";
            double[] periods = [.. cohort.Periods.ToArray().Select(p => (double)p)];
            int observed = Math.Min(cohort.LastObservedPeriod + 1, periods.Length);
            // One colour per cohort; a single cohort keeps the diagnostics' actual/expected pair.
            Color actualColor = cohorts.Count == 1 ? PlotStyle.Actual : PlotStyle.Series[c % PlotStyle.Series.Count];
            Color expectedColor = cohorts.Count == 1 ? PlotStyle.Expected : actualColor;
            PlotStyle.Line(plot, periods[..observed], cohort.Actual[..observed].ToArray(), name + "actual", actualColor);
            PlotStyle.Line(plot, periods, cohort.Expected.ToArray(), $"{name}{modelName} expected", expectedColor, dashed: true, markers: false);
        }

        int end = cohorts[0].LastObservedPeriod;
        if (cohorts.All(c => c.LastObservedPeriod == end) && end < cohorts[0].Periods.Length - 1)
        {
            var line = plot.Add.VerticalLine(end + 0.5, 1, Colors.Gray, LinePattern.Dotted);
            line.LegendText = "end of the data";
        }

        plot.Axes.SetLimitsY(0, cohorts.Max(c => c.Expected[0]) * 1.05);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
