using Clv.Models.Sbg;

namespace Clv.Models.Tests.Models.Sbg;

/// <summary>Fader &amp; Hardie (2007), Table 1 (samples/data/retention_cohorts.csv): survivors of two cohorts, years 0..12.</summary>
internal static class RetentionCohorts
{
    private static readonly Dictionary<string, double[]> Columns = TestFiles.ReadNumericColumns(TestFiles.SampleData("retention_cohorts.csv"));

    public static double[] Regular => Columns["regular"];

    public static double[] HighEnd => Columns["high_end"];

    /// <summary>The calibration years 0..7 of a cohort, as the paper fits them.</summary>
    public static CohortSurvivors Calibration(string column) => CohortSurvivors.FromCounts(column, Columns[column].AsSpan(0, 8));
}
