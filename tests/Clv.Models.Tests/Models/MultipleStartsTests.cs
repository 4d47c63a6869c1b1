using Clv.Models.BgNbd;
using Clv.Models.Estimation;
using Clv.Models.Tests.Models.BgNbd;

namespace Clv.Models.Tests.Models;

public class MultipleStartsTests
{
    /// <summary>ℓ(θ) = −(u² − 4)² + u with u = ln θ: a local maximum near u = −2 (ℓ ≈ −2) and the global one near u = +2 (ℓ ≈ +2).</summary>
    private sealed class TwoPeaks : ILogLikelihoodFunction
    {
        public IReadOnlyList<string> ParameterNames { get; } = ["theta"];
        public double TotalWeight => 1;

        public double ValueAndGradient(ReadOnlySpan<double> p, Span<double> gradient)
        {
            double u = Math.Log(p[0]);
            gradient[0] = (-4 * u * (u * u - 4) + 1) / p[0];
            return -(u * u - 4) * (u * u - 4) + u;
        }
    }

    [Fact]
    public void Extra_starts_find_the_higher_peak_and_say_that_the_starting_points_disagreed()
    {
        double[] start = [Math.Exp(-0.2)]; // climbs to the lower peak
        var single = MaximumLikelihood.Maximize(new TwoPeaks(), start, new FitOptions());
        Assert.Equal(-2, Math.Log(single.Parameters[0].Value), 0.1);
        Assert.Empty(single.Warnings);

        var several = MaximumLikelihood.Maximize(new TwoPeaks(), start, new FitOptions { ExtraStarts = 4 });
        Assert.Equal(2, Math.Log(several.Parameters[0].Value), 0.1);
        Assert.True(several.LogLikelihood > single.LogLikelihood + 3);
        Assert.Contains(several.Warnings, w => w.Contains("of 5 starting points converged to a different optimum", StringComparison.Ordinal));
    }

    [Fact]
    public void Cdnow_bg_nbd_gives_the_same_estimate_from_several_starts_without_a_warning()
    {
        var once = new BgNbdModel().Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        var several = new BgNbdModel(new FitOptions { ExtraStarts = 3 }).Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T);
        for (int i = 0; i < 4; i++)
            Assert.Equal(once.Estimate.Parameters[i].Value, several.Estimate.Parameters[i].Value, 1e-5 * once.Estimate.Parameters[i].Value);
        Assert.Equal(once.LogLikelihood, several.LogLikelihood, 1e-6);
        Assert.Empty(several.Estimate.Warnings);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdModel(new FitOptions { ExtraStarts = -1 }).Fit(CdnowFixture.X, CdnowFixture.Tx, CdnowFixture.T));
    }

    [Fact]
    public void Cli_fit_takes_extra_starts()
    {
        using var cli = new Cli.CliHarness();
        var input = TestFiles.SampleData("cdnow_customers_summary.csv");
        var run = cli.Run("fit", "--model", "bg-nbd", "--input", input, "--output", cli.PathOf("m.json"), "--extra-starts", "2");
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("log-likelihood -9582.4", run.Out, StringComparison.Ordinal); // published: −9582.4
        Assert.DoesNotContain("warning", run.Out, StringComparison.Ordinal);
        Assert.Equal(2, cli.Run("fit", "--model", "bg-nbd", "--input", input, "--output", cli.PathOf("m.json"), "--extra-starts", "-1").Exit);
    }
}
