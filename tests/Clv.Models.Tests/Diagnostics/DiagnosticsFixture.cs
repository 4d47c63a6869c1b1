using System.Globalization;
using Clv.Models.BgNbd;
using Clv.Models.Data;
using Clv.Models.Diagnostics;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Tests.Diagnostics;

/// <summary>CDNOW data for the diagnostics: BTYD's full-precision summary with the 39-week holdout, the log, and the reference CSV.</summary>
internal static class DiagnosticsFixture
{
    public const double HoldoutWeeks = 39;

    /// <summary>The published CDNOW estimates the reference script uses (FHL 2005; Fader &amp; Hardie 2005 note).</summary>
    public static IReadOnlyDictionary<string, IPurchaseModel> PublishedModels { get; } = new Dictionary<string, IPurchaseModel>
    {
        ["bg-nbd"] = new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258),
        ["pareto-nbd"] = new ParetoNbdParameters(0.5533, 10.578, 0.6062, 11.667),
    };

    private static readonly Lazy<CustomerSummary> LazySummary = new(() => CustomerSummaryCsv.Read(TestFiles.SampleData("cdnowSummary_cbs.csv")));

    private static readonly Lazy<RepeatTransactionLog> LazyLog = new(() => RepeatTransactionLog.Read(TestFiles.SampleData("cdnowElog.csv"), LogOptions, WindowOptions));

    private static readonly Lazy<Dictionary<(string, string, string), double>> LazyReference = new(() =>
        File.ReadLines(TestFiles.TestData("reference", "diagnostics_reference.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(c => (c[0], c[1], c[2]), c => TestFiles.Parse(c[3])));

    public static TransactionLogOptions LogOptions { get; } = new() { CustomerColumn = "masterid", DateColumn = "date", DateFormat = "yyyyMMdd" };

    public static SummaryOptions WindowOptions { get; } = new()
    {
        TimeUnitDays = 7,
        CalibrationEnd = new DateOnly(1997, 9, 30),
        ObservationEnd = new DateOnly(1998, 6, 30),
    };

    /// <summary>cdnowSummary_cbs.csv: x, t_x, T and x* (no duration column: the holdout is 39 weeks).</summary>
    public static CustomerSummary Summary => LazySummary.Value;

    public static RepeatTransactionLog Log => LazyLog.Value;

    /// <summary>A value of diagnostics_reference.csv.</summary>
    public static double Reference(string model, string diagnostic, object? key = null) =>
        LazyReference.Value[(model, diagnostic, Convert.ToString(key, CultureInfo.InvariantCulture) ?? "")];

    public static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        double error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(error <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2})");
    }
}
