namespace Clv.Models.Sbg;

/// <summary>
/// The rules of <see cref="CohortSurvivors"/>, checked row by row (by the constructor and, with file lines, by the CSV reader):
/// each cohort starts at period 0 with a count &gt; 0 and continues in consecutive periods with whole, non-increasing counts.
/// </summary>
internal sealed class CohortSurvivorsValidation(string? source, string periodColumn = "period", string survivorsColumn = "survivors")
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> names = [];
    private readonly List<List<double>> counts = [];

    public IReadOnlyList<string> Names => names;

    /// <summary>Checks one row and records it; <paramref name="line"/> is the file line, else <paramref name="rowIndex"/> is shown.</summary>
    public void Add(string? cohort, int period, double survivors, long? line, int rowIndex)
    {
        string where = line is null ? $" (row {rowIndex})" : string.Empty;
        ArgumentNullException.ThrowIfNull(cohort);
        if (!double.IsFinite(survivors) || survivors < 0 || survivors != Math.Floor(survivors))
            throw new ClvDataException(source, line, survivorsColumn, $"expected a whole number of customers >= 0 but got {Show(survivors)}{where}");
        string label = cohort.Length == 0 ? "the cohort" : $"cohort '{cohort}'";
        if (!index.TryGetValue(cohort, out int c))
        {
            if (period != 0)
                throw new ClvDataException(source, line, periodColumn, $"{label} starts at period {period}; expected its first row at period 0 (the cohort's size){where}");
            if (!(survivors > 0))
                throw new ClvDataException(source, line, survivorsColumn, $"{label} has 0 customers at period 0; expected a cohort size > 0{where}");
            index.Add(cohort, names.Count);
            names.Add(cohort);
            counts.Add([survivors]);
            return;
        }
        var list = counts[c];
        int expected = list.Count;
        if (period != expected)
            throw new ClvDataException(source, line, periodColumn, period < expected
                ? $"{label} already has period {period}; expected period {expected} next{where}"
                : $"{label} jumps from period {expected - 1} to {period}; expected consecutive periods (next {expected}){where}");
        if (survivors > list[^1])
            throw new ClvDataException(source, line, survivorsColumn, $"{label} has {Show(survivors)} survivors at period {period}, more than {Show(list[^1])} at period {period - 1}; survivors cannot increase{where}");
        list.Add(survivors);
    }

    public double[][] Counts() => [.. counts.Select(l => l.ToArray())];

    private static string Show(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
