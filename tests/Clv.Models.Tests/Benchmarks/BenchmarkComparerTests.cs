using System.Globalization;
using Clv.Models.BenchmarkComparer;

namespace Clv.Models.Tests.Benchmarks;

public class BenchmarkComparerTests
{
    /// <summary>A minimal BenchmarkDotNet full JSON report; each case is (name, median, q1, q3) in ns.</summary>
    private static string Report(params (string Name, double Median, double Q1, double Q3)[] cases)
    {
        var c = CultureInfo.InvariantCulture;
        var items = cases.Select(b =>
            "{\"FullName\": \"" + b.Name + "\", \"Method\": \"M\", \"Statistics\": {\"N\": 15, " +
            string.Create(c, $"\"Q1\": {b.Q1}, \"Median\": {b.Median}, \"Mean\": {b.Median}, \"Q3\": {b.Q3}") + "}}");
        return $$"""{"Title": "t", "HostEnvironmentInfo": {}, "Benchmarks": [{{string.Join(",", items)}}]}""";
    }

    private static IReadOnlyDictionary<string, BenchmarkResult> Load(string json) =>
        BenchmarkResults.Parse(json, "test.json").ToDictionary(r => r.Name);

    [Fact]
    public void Regression_needs_both_the_ratio_and_separated_quartiles()
    {
        var baseline = Load(Report(("A", 100, 95, 105), ("B", 100, 95, 105), ("C", 100, 95, 105), ("D", 100, 95, 105), ("Gone", 1, 1, 1)));
        var current = Load(Report(
            ("A", 130, 120, 140),   // +30 %, quartiles separated: regressed
            ("B", 130, 90, 170),    // +30 % but the spread overlaps the baseline: noise
            ("C", 110, 108, 112),   // +10 %: under the threshold
            ("D", 70, 65, 75),      // -30 %, separated: improved
            ("Fresh", 5, 5, 5)));
        var rows = Comparison.Compare(baseline, current, 1.15).ToDictionary(r => r.Name);
        Assert.Equal(Verdict.Regressed, rows["A"].Verdict);
        Assert.Equal(1.3, rows["A"].Ratio, 1e-12);
        Assert.Equal(Verdict.Unchanged, rows["B"].Verdict);
        Assert.Equal(Verdict.Unchanged, rows["C"].Verdict);
        Assert.Equal(Verdict.Improved, rows["D"].Verdict);
        Assert.Equal(Verdict.Missing, rows["Gone"].Verdict);
        Assert.Equal(Verdict.New, rows["Fresh"].Verdict);
        var table = Comparison.Format([.. rows.Values], 1.15);
        Assert.StartsWith("Benchmark comparison", table);
        Assert.Contains("| regressed | A | 100.0 ns | 130.0 ns | x1.300 |", table);
        Assert.Contains("6 benchmarks: 1 regressed, 1 improved, 1 missing, 1 new", table);
    }

    [Fact]
    public void Command_exits_1_on_a_regression_0_without_and_2_on_bad_input()
    {
        string dir = Path.Combine(Path.GetTempPath(), "bench-compare-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "base"));
        Directory.CreateDirectory(Path.Combine(dir, "slow"));
        Directory.CreateDirectory(Path.Combine(dir, "same"));
        try
        {
            File.WriteAllText(Path.Combine(dir, "base", "X-report-full-compressed.json"), Report(("fit", 1e6, 0.98e6, 1.02e6)));
            File.WriteAllText(Path.Combine(dir, "slow", "X-report-full-compressed.json"), Report(("fit", 2e6, 1.9e6, 2.1e6)));
            File.WriteAllText(Path.Combine(dir, "same", "X-report-full-compressed.json"), Report(("fit", 1.01e6, 0.99e6, 1.03e6)));
            var o = new StringWriter();
            var e = new StringWriter();
            Assert.Equal(1, global::Clv.Models.BenchmarkComparer.Cli.Run(["--baseline", Path.Combine(dir, "base"), "--current", Path.Combine(dir, "slow")], o, e));
            Assert.Contains("| regressed | fit | 1.000 ms | 2.000 ms | x2.000 |", o.ToString());
            Assert.Equal(0, global::Clv.Models.BenchmarkComparer.Cli.Run(["--baseline", Path.Combine(dir, "base"), "--current", Path.Combine(dir, "same"), "--threshold", "1.1"], new StringWriter(), e));
            Assert.Equal(2, global::Clv.Models.BenchmarkComparer.Cli.Run(["--baseline", Path.Combine(dir, "base"), "--current", Path.Combine(dir, "nope")], new StringWriter(), e));
            Assert.Equal(2, global::Clv.Models.BenchmarkComparer.Cli.Run(["--baseline", Path.Combine(dir, "base"), "--current", Path.Combine(dir, "same"), "--threshold", "0.9"], new StringWriter(), e));
            Assert.Equal(2, global::Clv.Models.BenchmarkComparer.Cli.Run(["--baseline", Path.Combine(dir, "base")], new StringWriter(), e));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Malformed_reports_are_named()
    {
        var e = Assert.Throws<InvalidDataException>(() => BenchmarkResults.Parse("{\"Benchmarks\": [{\"FullName\": \"A\", \"Statistics\": {\"N\": 1, \"Median\": \"x\", \"Q1\": 1, \"Q3\": 1}}]}", "r.json").ToList());
        Assert.Contains("r.json", e.Message);
        Assert.Contains("Median", e.Message);
        Assert.Throws<InvalidDataException>(() => BenchmarkResults.Parse("{not json", "r.json").ToList());
        Assert.Throws<InvalidDataException>(() => BenchmarkResults.Parse("{\"Title\": 1}", "r.json").ToList());
    }
}
