using Clv.Models.Diagnostics;
using Clv.Models.Plotting;
using Clv.Models.Tests.Diagnostics;
using ScottPlot;

namespace Clv.Models.Tests.Plotting;

/// <summary>Every diagnostic plot rendered for CDNOW (BG/NBD at the published estimates) as PNG and SVG.</summary>
public sealed class DiagnosticPlotsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "clv-plots-" + Guid.NewGuid().ToString("N"));

    public DiagnosticPlotsTests() => Directory.CreateDirectory(folder);

    public static TheoryData<string> PlotNames => ["calibration-holdout", "repeat-transactions", "tracking-cumulative", "tracking-incremental", "p-alive-matrix", "expected-purchases-matrix", "model-comparison"];

    private static Plot Make(string name)
    {
        var model = DiagnosticsFixture.PublishedModels["bg-nbd"];
        var summary = DiagnosticsFixture.Summary;
        return name switch
        {
            "calibration-holdout" => DiagnosticPlots.CalibrationHoldout(CalibrationHoldout.Compute(model, summary, holdoutDuration: 39), "bg-nbd"),
            "repeat-transactions" => DiagnosticPlots.RepeatTransactions(RepeatTransactionHistogram.Compute(model, summary, 4), "bg-nbd"),
            "tracking-cumulative" => DiagnosticPlots.TrackingCumulative(Tracking.Compute(model, DiagnosticsFixture.Log), "bg-nbd", "week"),
            "tracking-incremental" => DiagnosticPlots.TrackingIncremental(Tracking.Compute(model, DiagnosticsFixture.Log), "bg-nbd", "week"),
            "p-alive-matrix" => DiagnosticPlots.ProbabilityAliveMatrix(FrequencyRecencyMatrix.Compute(model, summary, 39), "bg-nbd"),
            "expected-purchases-matrix" => DiagnosticPlots.ExpectedPurchasesMatrix(FrequencyRecencyMatrix.Compute(model, summary, 39), "bg-nbd"),
            "model-comparison" => DiagnosticPlots.ModelComparison(ModelComparison.Compute(
                [.. DiagnosticsFixture.PublishedModels.Select(p => new ComparedModel(p.Key, p.Value, 4))], summary, 39)),
            _ => throw new ArgumentException(name),
        };
    }

    [Theory]
    [MemberData(nameof(PlotNames))]
    public void Renders_png_and_svg_of_the_requested_size(string name)
    {
        var plot = Make(name);
        string png = Path.Combine(folder, name + ".png"), svg = Path.Combine(folder, name + ".svg");
        PlotImage.Save(plot, png, PlotFormat.Png, 640, 400);
        PlotImage.Save(plot, svg, PlotFormat.Svg, 640, 400);
        ImageFiles.AssertPng(png, 640, 400);
        string text = ImageFiles.AssertSvg(svg, 640, 400);
        Assert.Contains("bg-nbd", text); // title or legend drawn as text
        if (Environment.GetEnvironmentVariable("CLV_KEEP_PLOTS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            PlotImage.Save(plot, Path.Combine(keep, name + ".png"), PlotFormat.Png);
        }
    }

    [Fact]
    public void Default_size_and_bad_sizes()
    {
        string png = Path.Combine(folder, "default.png");
        PlotImage.Save(Make("repeat-transactions"), png, PlotFormat.Png);
        ImageFiles.AssertPng(png, PlotImage.DefaultWidth, PlotImage.DefaultHeight);
        Assert.Throws<ArgumentOutOfRangeException>(() => PlotImage.Save(new Plot(), png, PlotFormat.Png, 0, 10));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
