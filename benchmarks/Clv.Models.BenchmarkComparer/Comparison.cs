using System.Globalization;
using System.Text;

namespace Clv.Models.BenchmarkComparer;

/// <summary>What happened to one benchmark case between the baseline and the current run.</summary>
internal enum Verdict { Unchanged, Regressed, Improved, New, Missing }

/// <summary>One row of a comparison.</summary>
internal sealed record ComparisonRow(string Name, BenchmarkResult? Baseline, BenchmarkResult? Current, double Ratio, Verdict Verdict);

/// <summary>
/// Compares two runs case by case on the ratio of medians, noise-aware: a case regressed when its median grew by more than
/// the threshold <em>and</em> the two runs' interquartile ranges do not overlap (current Q1 above baseline Q3), so that one
/// noisy iteration cannot fail a build; improvements mirror that. With single-sample runs the quartiles equal the median
/// and only the ratio decides.
/// </summary>
internal static class Comparison
{
    public static IReadOnlyList<ComparisonRow> Compare(IReadOnlyDictionary<string, BenchmarkResult> baseline, IReadOnlyDictionary<string, BenchmarkResult> current, double threshold)
    {
        if (!(threshold > 1 && double.IsFinite(threshold))) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold is a ratio of medians > 1, e.g. 1.15");
        var rows = new List<ComparisonRow>();
        foreach (var name in baseline.Keys.Union(current.Keys).Order(StringComparer.Ordinal))
        {
            baseline.TryGetValue(name, out var b);
            current.TryGetValue(name, out var c);
            if (b is null) { rows.Add(new ComparisonRow(name, null, c, double.NaN, Verdict.New)); continue; }
            if (c is null) { rows.Add(new ComparisonRow(name, b, null, double.NaN, Verdict.Missing)); continue; }
            double ratio = c.Median / b.Median;
            var verdict = ratio > threshold && c.Q1 > b.Q3 ? Verdict.Regressed
                : ratio < 1 / threshold && c.Q3 < b.Q1 ? Verdict.Improved
                : Verdict.Unchanged;
            rows.Add(new ComparisonRow(name, b, c, ratio, verdict));
        }
        return rows;
    }

    /// <summary>A Markdown table of the rows, regressions first.</summary>
    public static string Format(IReadOnlyList<ComparisonRow> rows, double threshold)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"Benchmark comparison (threshold x{threshold.ToString("0.###", c)} on the median, interquartile ranges must not overlap)");
        sb.AppendLine();
        sb.AppendLine("| verdict | benchmark | baseline median | current median | ratio |");
        sb.AppendLine("|---|---|---:|---:|---:|");
        foreach (var r in rows.OrderBy(r => r.Verdict == Verdict.Regressed ? 0 : r.Verdict == Verdict.Missing ? 1 : 2).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            string ratio = double.IsNaN(r.Ratio) ? "" : "x" + r.Ratio.ToString("0.000", c);
            sb.AppendLine(c, $"| {r.Verdict.ToString().ToLowerInvariant()} | {r.Name} | {Time(r.Baseline)} | {Time(r.Current)} | {ratio} |");
        }
        int regressed = rows.Count(r => r.Verdict == Verdict.Regressed), missing = rows.Count(r => r.Verdict == Verdict.Missing);
        sb.AppendLine();
        sb.AppendLine(c, $"{rows.Count} benchmarks: {regressed} regressed, {rows.Count(r => r.Verdict == Verdict.Improved)} improved, {missing} missing, {rows.Count(r => r.Verdict == Verdict.New)} new");
        return sb.ToString();
    }

    private static string Time(BenchmarkResult? r)
    {
        if (r is null) return "—";
        double ns = r.Median;
        var c = CultureInfo.InvariantCulture;
        return ns >= 1e9 ? (ns / 1e9).ToString("0.000", c) + " s"
            : ns >= 1e6 ? (ns / 1e6).ToString("0.000", c) + " ms"
            : ns >= 1e3 ? (ns / 1e3).ToString("0.000", c) + " µs"
            : ns.ToString("0.0", c) + " ns";
    }
}
