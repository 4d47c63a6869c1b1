using System.Globalization;
using Clv.Models.ParetoNbd;

namespace Clv.Models.Tests.Models.ParetoNbd;

/// <summary>One row of TestData/reference/paretonbd_reference.csv (50-digit mpmath values, see paretonbd_reference.py).</summary>
public sealed record ParetoNbdReferenceRow(
    int Line, ParetoNbdParameters P, double X, double Tx, double T, double Horizon, int N,
    double LogLikelihood, double PAlive, double ExpectedY, double ExpectedXNew, double PXn);

public static class ParetoNbdReferenceData
{
    private static readonly Lazy<IReadOnlyList<ParetoNbdReferenceRow>> LazyRows = new(Load);

    public static IReadOnlyList<ParetoNbdReferenceRow> Rows => LazyRows.Value;

    private static IReadOnlyList<ParetoNbdReferenceRow> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "reference", "paretonbd_reference.csv");
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"missing column {name}");
        string[] names = ["r", "alpha", "s", "beta", "x", "t_x", "T", "t", "n", "ll", "p_alive", "expected_y", "expected_x_new", "p_x_n"];
        int[] c = names.Select(Col).ToArray();
        var rows = new List<ParetoNbdReferenceRow>(lines.Length - 1);
        for (int k = 1; k < lines.Length; k++)
        {
            if (lines[k].Length == 0) continue;
            string[] f = lines[k].Split(',');
            double D(int i) => double.Parse(f[c[i]], NumberStyles.Float, CultureInfo.InvariantCulture);
            rows.Add(new ParetoNbdReferenceRow(k + 1, new ParetoNbdParameters(D(0), D(1), D(2), D(3)), D(4), D(5), D(6), D(7),
                int.Parse(f[c[8]], CultureInfo.InvariantCulture), D(9), D(10), D(11), D(12), D(13)));
        }
        return rows;
    }
}
