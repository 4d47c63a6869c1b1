using System.Globalization;
using Clv.Models.MbgNbd;

namespace Clv.Models.Tests.Models.MbgNbd;

/// <summary>One row of TestData/reference/mbgnbd_reference.csv (50-digit mpmath values, see mbgnbd_reference.py).</summary>
public sealed record MbgNbdReferenceRow(
    int Line, MbgNbdParameters P, double X, double Tx, double T, double Horizon, int N,
    double LogLikelihood, double[] Gradient, double PAlive, double ExpectedY, double ExpectedXNew, double PXn);

public static class MbgNbdReferenceData
{
    private static readonly Lazy<IReadOnlyList<MbgNbdReferenceRow>> LazyRows = new(Load);

    public static IReadOnlyList<MbgNbdReferenceRow> Rows => LazyRows.Value;

    private static IReadOnlyList<MbgNbdReferenceRow> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "reference", "mbgnbd_reference.csv");
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"missing column {name}");
        string[] names = ["r", "alpha", "a", "b", "x", "t_x", "T", "t", "n", "ll", "dll_dr", "dll_dalpha", "dll_da", "dll_db",
            "p_alive", "expected_y", "expected_x_new", "p_x_n"];
        int[] c = names.Select(Col).ToArray();
        var rows = new List<MbgNbdReferenceRow>(lines.Length - 1);
        for (int k = 1; k < lines.Length; k++)
        {
            if (lines[k].Length == 0) continue;
            string[] f = lines[k].Split(',');
            double D(int i) => double.Parse(f[c[i]], NumberStyles.Float, CultureInfo.InvariantCulture);
            rows.Add(new MbgNbdReferenceRow(k + 1, new MbgNbdParameters(D(0), D(1), D(2), D(3)), D(4), D(5), D(6), D(7),
                int.Parse(f[c[8]], CultureInfo.InvariantCulture), D(9), [D(10), D(11), D(12), D(13)], D(14), D(15), D(16), D(17)));
        }
        return rows;
    }
}
