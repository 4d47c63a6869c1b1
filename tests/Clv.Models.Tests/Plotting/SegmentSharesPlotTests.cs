using Clv.Models.Plotting;
using Clv.Models.Valuation;

namespace Clv.Models.Tests.Plotting;

/// <summary>The segment-share plot (value deciles against an actual outcome) renders, and refuses segments that do not match.</summary>
public sealed class SegmentSharesPlotTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "clv-segment-plots-" + Guid.NewGuid().ToString("N"));

    public SegmentSharesPlotTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static readonly double[] Value = [50, 40, 30, 20, 10, 5, 4, 3, 2, 1];
    private static readonly double[] Outcome = [30, 45, 10, 25, 0, 8, 2, 1, 1, 0];

    [Fact]
    public void Draws_predicted_and_actual_shares_per_segment()
    {
        int[] segments = CustomerRanking.Segments(Value, 5);
        var predicted = CustomerRanking.Summarize(segments, Value, 5);
        var actual = CustomerRanking.Summarize(segments, Outcome, 5);
        var plot = DiagnosticPlots.SegmentShares(predicted, actual, "predicted CLV", "holdout revenue");
        string png = Path.Combine(folder, "s.png"), svg = Path.Combine(folder, "s.svg");
        PlotImage.Save(plot, png, PlotFormat.Png, 640, 400);
        PlotImage.Save(plot, svg, PlotFormat.Svg, 640, 400);
        ImageFiles.AssertPng(png, 640, 400);
        string text = ImageFiles.AssertSvg(svg, 640, 400);
        Assert.Contains("predicted CLV", text);
        Assert.Contains("holdout revenue", text);
        Assert.Contains("10 customers", text);
        Assert.Contains("(n=2)", text);
        // One bar per segment and series, at the shares of the summaries (predicted top segment: 90 / 165).
        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().ToArray();
        Assert.Equal(2, bars.Length);
        Assert.Equal(actual.Select(s => s.ShareOfTotal), bars[0].Bars.Select(b => b.Value));
        Assert.Equal(predicted.Select(s => s.ShareOfTotal), bars[1].Bars.Select(b => b.Value));
        Assert.Equal(90.0 / 165, bars[1].Bars[0].Value, 1e-15);
        Assert.Single(DiagnosticPlots.SegmentShares(predicted).GetPlottables<ScottPlot.Plottables.BarPlot>());
    }

    [Fact]
    public void Segments_that_do_not_match_are_an_error()
    {
        var predicted = CustomerRanking.Summarize(CustomerRanking.Segments(Value, 5), Value, 5);
        var other = CustomerRanking.Summarize(CustomerRanking.Segments(Value, 2), Value, 2);
        Assert.Throws<ArgumentException>(() => DiagnosticPlots.SegmentShares(predicted, other));
    }
}
