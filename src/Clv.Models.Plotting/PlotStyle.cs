using ScottPlot;

namespace Clv.Models.Plotting;

/// <summary>The look shared by every diagnostic plot: colours for actual and expected, titles and legends.</summary>
internal static class PlotStyle
{
    public static readonly Color Actual = new(0x1f, 0x77, 0xb4);
    public static readonly Color Expected = new(0xff, 0x7f, 0x0e);
    public static readonly IReadOnlyList<Color> Series = [Actual, Expected, new(0x2c, 0xa0, 0x2c), new(0xd6, 0x27, 0x28), new(0x94, 0x67, 0xbd), new(0x8c, 0x56, 0x4b)];

    /// <summary>DejaVu Sans where installed (most Linux machines, whose default fallback is a serif font), else ScottPlot's sans-serif choice.</summary>
    private static readonly Lazy<string> SansFont = new(() =>
        SkiaSharp.SKFontManager.Default.FontFamilies.Contains("DejaVu Sans", StringComparer.Ordinal) ? "DejaVu Sans" : Fonts.Sans);

    /// <summary>A new plot with a title and axis labels.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(SansFont.Value);
        plot.Title(title);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Side-by-side bars: series s at position i + offset, one legend entry per series, categories labelled below.</summary>
    public static void GroupedBars(Plot plot, IReadOnlyList<string> categories, IReadOnlyList<(string Name, double[] Values)> series)
    {
        double width = 0.8 / series.Count;
        for (int s = 0; s < series.Count; s++)
        {
            var bars = series[s].Values.Select((v, i) => new Bar
            {
                Position = i - 0.4 + width * (s + 0.5),
                Value = double.IsFinite(v) ? v : 0,
                Size = width * 0.95,
                FillColor = Series[s % Series.Count],
                LineWidth = 0,
            }).ToArray();
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[s].Name;
        }

        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, categories.Count).Select(i => (double)i)], [.. categories]);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
    }

    /// <summary>A line with markers.</summary>
    public static void Line(Plot plot, double[] xs, double[] ys, string label, Color color, bool dashed = false, bool markers = true)
    {
        var line = plot.Add.Scatter(xs, ys, color);
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = markers ? 6 : 0;
        if (dashed) line.LinePattern = LinePattern.Dashed;
    }
}
