using Clv.Models.Plotting;
using Clv.Models.Sbg;
using Clv.Models.Tests.Cli;

namespace Clv.Models.Tests.Plotting;

/// <summary>The sBG actual vs projected survivors plot (FH 2007, regular and high-end cohorts), from the library and from `clv predict --plot`.</summary>
public sealed class RetentionPlotsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "clv-retention-plots-" + Guid.NewGuid().ToString("N"));

    public RetentionPlotsTests() => Directory.CreateDirectory(folder);

    private static CohortSurvivors Cohorts()
    {
        // samples/data/retention_cohorts.csv is wide (year,regular,high_end): both cohorts, years 0..12.
        var lines = File.ReadAllLines(TestFiles.SampleData("retention_cohorts.csv"))[1..].Select(l => l.Split(',')).ToArray();
        string[] cohort = [.. lines.Select(_ => "regular"), .. lines.Select(_ => "high end")];
        int[] period = [.. lines.Select(l => int.Parse(l[0], System.Globalization.CultureInfo.InvariantCulture)), .. lines.Select(l => int.Parse(l[0], System.Globalization.CultureInfo.InvariantCulture))];
        double[] survivors = [.. lines.Select(l => double.Parse(l[1], System.Globalization.CultureInfo.InvariantCulture)), .. lines.Select(l => double.Parse(l[2], System.Globalization.CultureInfo.InvariantCulture))];
        return new CohortSurvivors(cohort, period, survivors);
    }

    [Fact]
    public void Two_cohorts_render_as_png_and_svg_of_the_requested_size_with_their_names()
    {
        var projection = new SbgParameters(0.70408, 1.18204).Project(Cohorts(), 15);
        var plot = RetentionPlots.Survival(projection, "sBG", "year");
        string png = Path.Combine(folder, "survival.png"), svg = Path.Combine(folder, "survival.svg");
        PlotImage.Save(plot, png, PlotFormat.Png, 640, 400);
        PlotImage.Save(plot, svg, PlotFormat.Svg, 640, 400);
        ImageFiles.AssertPng(png, 640, 400);
        string text = ImageFiles.AssertSvg(svg, 640, 400);
        Assert.Contains("regular: actual", text);
        Assert.Contains("high end: sBG expected", text);
        Assert.Contains("end of the data", text); // both cohorts end at year 12 < 15
        if (Environment.GetEnvironmentVariable("CLV_KEEP_PLOTS") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            PlotImage.Save(plot, Path.Combine(keep, "sbg-survival.png"), PlotFormat.Png);
        }
    }

    [Fact]
    public void No_cohort_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => RetentionPlots.Survival([]));
        Assert.Throws<ArgumentNullException>(() => RetentionPlots.Survival(null!));
    }

    [Fact]
    public void Clv_predict_plot_writes_the_survival_image_next_to_the_projection()
    {
        using var cli = new CliHarness();
        var m = cli.Write("sbg.json", """{"model": "sbg", "parameters": {"alpha": 0.70408, "beta": 1.18204}}""");
        string input = TestFiles.SampleData("retention_regular.csv");
        var p = cli.Run("predict", "--model", m, "--input", input, "--horizon", "12", "--plot", cli.PathOf("survival.png"), "--output", cli.PathOf("out.csv"));
        Assert.True(p.Exit == 0, p.Err);
        Assert.Contains($"survival plot written to {cli.PathOf("survival.png")}", p.Out);
        ImageFiles.AssertPng(cli.PathOf("survival.png"), PlotImage.DefaultWidth, PlotImage.DefaultHeight);
        var unplotted = cli.Run("predict", "--model", m, "--input", input, "--horizon", "12", "--output", cli.PathOf("plain.csv"));
        Assert.Equal(File.ReadAllText(cli.PathOf("plain.csv")), File.ReadAllText(cli.PathOf("out.csv")));

        var s = cli.Run("predict", "--model", m, "--input", input, "--horizon", "12", "--plot", cli.PathOf("survival.svg"), "--output", cli.PathOf("out2.csv"));
        Assert.True(s.Exit == 0, s.Err);
        ImageFiles.AssertSvg(cli.PathOf("survival.svg"), PlotImage.DefaultWidth, PlotImage.DefaultHeight);
    }

    [Theory]
    [InlineData("--plot needs --input", false, "survival.png", "sbg")]
    [InlineData("must end in .png or .svg", true, "survival.jpg", "sbg")]
    [InlineData("--plot draws the survival plot of an sbg model; for a bg-nbd model use clv evaluate", true, "survival.png", "bg-nbd")]
    public void Bad_plot_options_are_usage_errors(string message, bool withInput, string file, string model)
    {
        using var cli = new CliHarness();
        var m = model == "sbg"
            ? cli.Write("m.json", """{"model": "sbg", "parameters": {"alpha": 0.70408, "beta": 1.18204}}""")
            : cli.Write("m.json", """{"model": "bg-nbd", "parameters": {"r": 0.2426, "alpha": 4.4135, "a": 0.7929, "b": 2.4258}}""");
        string input = TestFiles.SampleData(model == "sbg" ? "retention_regular.csv" : "cdnow_customers_summary.csv");
        string[] args = ["predict", "--model", m, "--horizon", "12", "--plot", cli.PathOf(file), "--output", cli.PathOf("out.csv"), .. withInput ? new[] { "--input", input } : Array.Empty<string>()];
        var r = cli.Run(args);
        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err);
        Assert.False(File.Exists(cli.PathOf(file)));
        Assert.False(File.Exists(cli.PathOf("out.csv")));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
