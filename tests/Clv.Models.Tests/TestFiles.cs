using System.Globalization;

namespace Clv.Models.Tests;

/// <summary>Paths of bundled data and test data, and a minimal numeric CSV loader for test fixtures.</summary>
internal static class TestFiles
{
    public static string SampleData(string name) => Path.Combine(AppContext.BaseDirectory, "samples-data", name);

    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    /// <summary>Reads a small numeric CSV with a header into named columns (test fixtures only).</summary>
    public static Dictionary<string, double[]> ReadNumericColumns(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        var columns = header.Select(_ => new double[lines.Length - 1]).ToArray();
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            for (int j = 0; j < header.Length; j++) columns[j][i - 1] = Parse(cells[j]);
        }
        return header.Select((h, j) => (h, j)).ToDictionary(p => p.h, p => columns[p.j]);
    }

    /// <summary>Parses a number as Python's repr writes it ("inf", "-inf", "nan" included).</summary>
    public static double Parse(string s) => s switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" => double.NaN,
        _ => double.Parse(s, CultureInfo.InvariantCulture),
    };
}
