using Clv.Models.BgNbd;
using Clv.Models.Diagnostics;
using Clv.Models.Plotting;
using Clv.Models.Tests.Plotting;
using Clv.Models.Valuation;
using Microsoft.CodeAnalysis.Scripting;

namespace Clv.Models.Tests.Notebooks;

/// <summary>
/// The file-based programs of samples/ (<c>dotnet run samples/x.cs</c>) compile against the current library and run to
/// the end in-process (<see cref="SampleProgramRunner"/>), writing valid PNG plots. <c>dotnet run</c> itself is slower
/// (a restore and a build per program) and is checked by hand (docs/notebooks.md).
/// </summary>
public sealed class SampleProgramTests : IDisposable
{
    private readonly string plots = Path.Combine(Path.GetTempPath(), "clv-sample-programs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(plots, recursive: true); } catch (IOException) { }
    }

    private async Task<ScriptState<object>> Run(string name, params string[] expectedPlots)
    {
        var state = await SampleProgramRunner.RunAsync(RepositoryFiles.Under("samples", name), RepositoryFiles.Root, RepositoryFiles.SampleData, plots);
        Assert.Equal(expectedPlots.Order(StringComparer.Ordinal), Directory.GetFiles(plots).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        foreach (string png in Directory.GetFiles(plots)) ImageFiles.AssertPng(png, PlotImage.DefaultWidth, PlotImage.DefaultHeight);

        return state;
    }

    private static T Variable<T>(ScriptState<object> state, string name) => Assert.IsAssignableFrom<T>(state.GetVariable(name)?.Value);

    [Fact]
    public void Every_program_in_samples_has_a_test()
    {
        string[] tested = ["cdnow-quickstart.cs", "clv-segments.cs", "compare-models.cs"];
        Assert.Equal(tested, Directory.GetFiles(RepositoryFiles.Under("samples"), "*.cs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Quickstart_program_fits_BG_NBD_and_writes_two_plots()
    {
        var state = await Run("cdnow-quickstart.cs", "bg-nbd-p-alive-matrix.png", "bg-nbd-repeat-transactions.png");
        Assert.Equal(-9582.4, Variable<FittedBgNbd>(state, "bgnbd").LogLikelihood, 0.05); // FHL 2005
    }

    [Fact]
    public async Task Comparison_program_scores_three_models_and_writes_seven_plots()
    {
        var state = await Run("compare-models.cs", "model-comparison.png",
            "pareto-nbd-calibration-holdout.png", "pareto-nbd-tracking-cumulative.png",
            "bg-nbd-calibration-holdout.png", "bg-nbd-tracking-cumulative.png",
            "mbg-nbd-calibration-holdout.png", "mbg-nbd-tracking-cumulative.png");
        var comparison = Variable<ModelComparison>(state, "comparison");
        // Published: Pareto/NBD -9594.97, BG/NBD -9582.4, MBG/NBD -9582.13.
        Assert.Equal(new[] { -9595.0, -9582.4, -9582.13 }, comparison.Scores.Select(s => s.LogLikelihood), (a, b) => Math.Abs(a - b) < 0.05);
    }

    [Fact]
    public async Task Clv_program_values_every_customer_and_writes_the_decile_plot()
    {
        var state = await Run("clv-segments.cs", "clv-deciles.png");
        var value = Variable<CustomerValueTable>(state, "value");
        Assert.Equal(2357, value.Count);
        Assert.All(value.Value!, v => Assert.True(v > 0 && double.IsFinite(v)));
    }
}
