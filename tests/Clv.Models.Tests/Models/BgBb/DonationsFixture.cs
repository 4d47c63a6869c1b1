using Clv.Models.BgBb;

namespace Clv.Models.Tests.Models.BgBb;

/// <summary>The donations data of Fader, Hardie &amp; Shang (2010): 22 (x, t_x, n = 6) patterns, 11,104 donors, and its BG/BB fit.</summary>
internal static class DonationsFixture
{
    private static readonly Lazy<OpportunitySummary> LazyData = new(() => OpportunitySummaryCsv.Read(TestFiles.SampleData("donations.csv")));
    private static readonly Lazy<FittedBgBb> LazyFit = new(() => new BgBbModel().Fit(Data));

    public static OpportunitySummary Data => LazyData.Value;

    public static FittedBgBb Fit => LazyFit.Value;
}
