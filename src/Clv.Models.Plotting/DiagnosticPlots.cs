using System.Globalization;
using Clv.Models.Diagnostics;
using Clv.Models.Valuation;
using ScottPlot;

namespace Clv.Models.Plotting;

/// <summary>
/// One plot per diagnostic of <see cref="Clv.Models.Diagnostics"/>, with title, axis labels and legend. Each returns a
/// ScottPlot <see cref="Plot"/> (to adjust or show in a notebook); <see cref="PlotImage.Save"/> writes it as PNG or SVG.
/// </summary>
public static class DiagnosticPlots
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Mean actual and predicted holdout purchases by calibration frequency (grouped bars).</summary>
    /// <param name="data">The calibration/holdout buckets.</param>
    /// <param name="modelName">Model name for the title and legend.</param>
    public static Plot CalibrationHoldout(CalibrationHoldout data, string modelName)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plot = PlotStyle.Create($"Calibration vs holdout purchases ({modelName})", "purchases in calibration (frequency)", "mean purchases in holdout per customer");
        PlotStyle.GroupedBars(plot, [.. data.Buckets.Select(b => $"{b.Label}\n(n={b.Customers.ToString("N0", C)})")],
            [("actual", [.. data.Buckets.Select(b => b.MeanActual)]), ($"{modelName} expected", [.. data.Buckets.Select(b => b.MeanPredicted)])]);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Observed and expected number of customers with 0, 1, …, K+ repeat purchases, with the χ² test in the title.</summary>
    /// <param name="data">The histogram.</param>
    /// <param name="modelName">Model name for the title and legend.</param>
    public static Plot RepeatTransactions(RepeatTransactionHistogram data, string modelName)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chi = data.ChiSquare;
        var plot = PlotStyle.Create(
            string.Create(C, $"Repeat transactions in calibration ({modelName}): χ² = {chi.Statistic:F2}, df = {chi.DegreesOfFreedom}, p = {chi.PValue:G3}"),
            "number of repeat transactions", "number of customers");
        PlotStyle.GroupedBars(plot, [.. data.Bins.Select(b => b.Label)],
            [("actual", [.. data.Bins.Select(b => (double)b.Observed)]), ($"{modelName} expected", [.. data.Bins.Select(b => b.Expected)])]);
        return plot;
    }

    /// <summary>Cumulative repeat transactions per period, actual and expected, with the end of calibration marked.</summary>
    /// <param name="data">The tracking data.</param>
    /// <param name="modelName">Model name for the title and legend.</param>
    /// <param name="periodName">What one period is called on the axis, e.g. "week".</param>
    public static Plot TrackingCumulative(Tracking data, string modelName, string periodName = "period")
    {
        ArgumentNullException.ThrowIfNull(data);
        return TrackingPlot(data, $"Tracking cumulative repeat transactions ({modelName})", "cumulative repeat transactions",
            data.ActualCumulative, data.ExpectedCumulative, modelName, periodName);
    }

    /// <summary>Repeat transactions in each period, actual and expected, with the end of calibration marked.</summary>
    /// <param name="data">The tracking data.</param>
    /// <param name="modelName">Model name for the title and legend.</param>
    /// <param name="periodName">What one period is called on the axis, e.g. "week".</param>
    public static Plot TrackingIncremental(Tracking data, string modelName, string periodName = "period")
    {
        ArgumentNullException.ThrowIfNull(data);
        return TrackingPlot(data, $"Tracking repeat transactions per {periodName} ({modelName})", $"repeat transactions per {periodName}",
            data.ActualIncremental, data.ExpectedIncremental, modelName, periodName);
    }

    /// <summary>P(alive) over frequency (rows) and recency (columns) as a heat map.</summary>
    /// <param name="data">The matrix.</param>
    /// <param name="modelName">Model name for the title.</param>
    public static Plot ProbabilityAliveMatrix(FrequencyRecencyMatrix data, string modelName)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Heatmap(data, data.ProbabilityAlive, string.Create(C, $"Probability alive by frequency and recency ({modelName}, T = {data.T:G4})"), "P(alive)");
    }

    /// <summary>Expected purchases in the next h periods over frequency and recency as a heat map.</summary>
    /// <param name="data">The matrix.</param>
    /// <param name="modelName">Model name for the title.</param>
    public static Plot ExpectedPurchasesMatrix(FrequencyRecencyMatrix data, string modelName)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Heatmap(data, data.ExpectedPurchases,
            string.Create(C, $"Expected purchases in the next {data.Horizon:G4} periods ({modelName}, T = {data.T:G4})"), "expected purchases");
    }

    /// <summary>Holdout MAE and RMSE of each model (grouped bars), with AIC and BIC in the category labels.</summary>
    /// <param name="data">The comparison; models without holdout errors show their information criteria only.</param>
    public static Plot ModelComparison(ModelComparison data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var plot = PlotStyle.Create(string.Create(C, $"Model comparison on {data.Customers:N0} customers"), "model", "holdout error per customer");
        PlotStyle.GroupedBars(plot,
            [.. data.Scores.Select(s => string.Create(C, $"{s.Name}\nAIC {s.Aic:F1}, BIC {s.Bic:F1}"))],
            [("MAE", [.. data.Scores.Select(s => s.Holdout?.MeanAbsoluteError ?? double.NaN)]),
             ("RMSE", [.. data.Scores.Select(s => s.Holdout?.RootMeanSquaredError ?? double.NaN)])]);
        return plot;
    }

    /// <summary>
    /// Each segment's share of the total value (e.g. the CLV deciles of <see cref="Clv.Models.Valuation.CustomerValueTable.SegmentSummaries"/>,
    /// 1 = the most valuable), next to its share of an actual outcome over the same customers, e.g. the revenue of the holdout
    /// period (<see cref="Clv.Models.Valuation.CustomerRanking.Summarize"/> of the outcome by the same segments): the check that the
    /// ranking finds the customers who really spend.
    /// </summary>
    /// <param name="predicted">The segments' summaries of the predicted value.</param>
    /// <param name="actual">The same segments' summaries of the outcome, or null to draw the predicted shares only.</param>
    /// <param name="predictedName">Legend of the predicted shares.</param>
    /// <param name="actualName">Legend of the actual shares.</param>
    /// <exception cref="ArgumentException">The two lists do not describe the same segments.</exception>
    public static Plot SegmentShares(IReadOnlyList<SegmentSummary> predicted, IReadOnlyList<SegmentSummary>? actual = null, string predictedName = "predicted value", string actualName = "actual")
    {
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual is not null && !actual.Select(s => (s.Segment, s.Customers)).SequenceEqual(predicted.Select(s => (s.Segment, s.Customers))))
            throw new ArgumentException("actual must summarise the same segments (numbers and customer counts) as predicted", nameof(actual));
        var plot = PlotStyle.Create(string.Create(C, $"Share of the total by segment ({predicted.Sum(s => s.Customers):N0} customers)"), "segment (1 = most valuable)", "share of the total");
        var series = new List<(string, double[])>();
        if (actual is not null) series.Add((actualName, [.. actual.Select(s => s.ShareOfTotal)]));
        series.Add((predictedName, [.. predicted.Select(s => s.ShareOfTotal)]));
        PlotStyle.GroupedBars(plot, [.. predicted.Select(s => string.Create(C, $"{s.Segment}\n(n={s.Customers:N0})"))], series);
        return plot;
    }

    private static Plot TrackingPlot(Tracking data, string title, string yLabel, IReadOnlyList<double> actual, IReadOnlyList<double> expected, string modelName, string periodName)
    {
        var plot = PlotStyle.Create(title, $"{periodName} (since {data.Origin:yyyy-MM-dd})", yLabel);
        double[] periods = [.. Enumerable.Range(1, data.Periods).Select(k => (double)k)];
        PlotStyle.Line(plot, periods, [.. actual], "actual", PlotStyle.Actual, markers: false);
        PlotStyle.Line(plot, periods, [.. expected], $"{modelName} expected", PlotStyle.Expected, dashed: true, markers: false);
        if (data.CalibrationPeriods < data.Periods)
        {
            var end = plot.Add.VerticalLine(data.CalibrationPeriods + 0.5, 1, Colors.Gray, LinePattern.Dotted);
            end.LegendText = "end of calibration";
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Plot Heatmap(FrequencyRecencyMatrix data, Func<int, int, double> value, string title, string label)
    {
        int rows = data.Frequencies.Count, columns = data.Recencies.Count;
        var intensities = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                intensities[rows - 1 - i, j] = value(i, j); // row 0 of a heat map is drawn at the top

        var plot = PlotStyle.Create(title, "recency (time of last purchase since the first)", "frequency (repeat purchases)");
        var map = plot.Add.Heatmap(intensities);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        double step = data.Recencies[^1] / (columns - 1);
        map.Extent = new CoordinateRect(-step / 2, data.Recencies[^1] + step / 2, -0.5, rows - 0.5);
        map.NaNCellColor = Colors.White;
        var bar = plot.Add.ColorBar(map);
        bar.Label = label;
        plot.Axes.Margins(0, 0);
        return plot;
    }
}
