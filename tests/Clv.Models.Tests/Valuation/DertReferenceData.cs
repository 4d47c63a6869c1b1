using System.Globalization;

namespace Clv.Models.Tests.Valuation;

/// <summary>One row of TestData/reference/dert_reference.csv (50-digit mpmath values, see dert_reference.py).</summary>
public sealed record DertReferenceRow(int Line, string Kind, double R, double Alpha, double P3, double P4, double X, double T,
    double Delta, double H, double Value);

public static class DertReferenceData
{
    private static readonly Lazy<IReadOnlyList<DertReferenceRow>> LazyRows = new(Load);

    public static IReadOnlyList<DertReferenceRow> Rows => LazyRows.Value;

    public static IEnumerable<DertReferenceRow> OfKind(string kind) => Rows.Where(r => r.Kind == kind);

    private static double Parse(string s) => s == "inf" ? double.PositiveInfinity : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IReadOnlyList<DertReferenceRow> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "reference", "dert_reference.csv");
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        string[] names = ["kind", "r", "alpha", "p3", "p4", "x", "T", "delta", "H", "value"];
        int[] c = names.Select(n => Array.IndexOf(header, n) is var i and >= 0 ? i : throw new InvalidDataException($"missing column {n}")).ToArray();
        var rows = new List<DertReferenceRow>(lines.Length - 1);
        for (int k = 1; k < lines.Length; k++)
        {
            if (lines[k].Length == 0) continue;
            string[] f = lines[k].Split(',');
            double D(int i) => Parse(f[c[i]]);
            rows.Add(new DertReferenceRow(k + 1, f[c[0]], D(1), D(2), D(3), D(4), D(5), D(6), D(7), D(8), D(9)));
        }
        return rows;
    }

    /// <summary>Relative error of <paramref name="actual"/> against the reference; 0 when both are +∞, +∞ when only one is.</summary>
    public static double RelativeError(double actual, double expected)
    {
        if (double.IsPositiveInfinity(expected) || double.IsPositiveInfinity(actual))
            return actual == expected ? 0 : double.PositiveInfinity;
        return Math.Abs(actual - expected) / Math.Abs(expected);
    }
}
