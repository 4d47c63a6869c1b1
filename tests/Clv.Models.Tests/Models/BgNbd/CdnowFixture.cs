namespace Clv.Models.Tests.Models.BgNbd;

/// <summary>The classic CDNOW calibration summary (2,357 customers, weeks, rounded to 2 dp as in lifetimes).</summary>
internal static class CdnowFixture
{
    private static readonly Lazy<(double[] X, double[] Tx, double[] T)> Data = new(() =>
    {
        var c = TestFiles.ReadNumericColumns(TestFiles.SampleData("cdnow_customers_summary.csv"));
        return (c["frequency"], c["recency"], c["T"]);
    });

    public static double[] X => Data.Value.X;
    public static double[] Tx => Data.Value.Tx;
    public static double[] T => Data.Value.T;
}
