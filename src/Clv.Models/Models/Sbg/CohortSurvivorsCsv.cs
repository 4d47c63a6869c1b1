using System.Globalization;
using System.Text;
using Clv.Models.Data;
using CsvHelper;

namespace Clv.Models.Sbg;

/// <summary>
/// Reads <see cref="CohortSurvivors"/> from CSV with the columns <c>period,survivors[,cohort]</c> (any order; header required;
/// invariant culture). Without a cohort column every row belongs to one cohort, named "".
/// </summary>
public static class CohortSurvivorsCsv
{
    private static readonly string[] PeriodAliases = ["period", "year", "t"];
    private static readonly string[] SurvivorsAliases = ["survivors", "survivor", "active", "customers"];
    private static readonly string[] CohortAliases = ["cohort", "segment"];

    /// <summary>Reads a survivor CSV file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="delimiter">Field separator.</param>
    /// <exception cref="ClvDataException">The file is missing, a column is missing or a value is invalid (file, line and column named).</exception>
    public static CohortSurvivors Read(string path, char delimiter = ',')
    {
        using FileStream stream = CsvInput.OpenFile(path);
        return Read(stream, path, delimiter);
    }

    /// <summary>Reads a survivor CSV from a stream (UTF-8, header required). The stream is left open.</summary>
    /// <param name="stream">The CSV input, read from its current position.</param>
    /// <param name="sourceName">Name of the input used in error messages.</param>
    /// <param name="delimiter">Field separator.</param>
    /// <exception cref="ClvDataException">A column is missing or a value is invalid.</exception>
    public static CohortSurvivors Read(Stream stream, string sourceName, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        using CsvReader reader = CsvInput.Open(stream, delimiter, leaveOpen: true);
        string[] headers = CsvInput.ReadHeader(reader, sourceName, "period, survivors[, cohort]");
        int pi = CsvInput.Column(headers, null, PeriodAliases, true, sourceName);
        int si = CsvInput.Column(headers, null, SurvivorsAliases, true, sourceName);
        int ci = CsvInput.Column(headers, null, CohortAliases, false, sourceName);
        var check = new CohortSurvivorsValidation(sourceName, headers[pi], headers[si]);
        List<string> cohorts = [];
        List<int> periods = [];
        List<double> survivors = [];
        List<long> lines = [];
        while (reader.Read())
        {
            long line = reader.LineNumber;
            string cohort = ci >= 0 ? (reader.GetString(ci) ?? string.Empty).Trim() : string.Empty;
            if (ci >= 0 && cohort.Length == 0)
                throw new ClvDataException(sourceName, line, headers[ci], "empty cohort name; expected a name (or leave out the cohort column for a single cohort)");
            int period = Period(reader, pi, headers, sourceName, line);
            double count = CsvInput.Number(reader, si, headers, sourceName, line);
            check.Add(cohort, period, count, line, cohorts.Count);
            cohorts.Add(cohort);
            periods.Add(period);
            survivors.Add(count);
            lines.Add(line);
        }
        if (cohorts.Count == 0)
            throw new ClvDataException(sourceName, 2, headers[pi], "no data rows: expected at least one row (period 0 with the cohort's size) after the header");
        return new CohortSurvivors([.. cohorts], [.. periods], [.. survivors], sourceName, [.. lines]);
    }

    private static int Period(CsvReader reader, int index, string[] headers, string source, long line)
    {
        double value = CsvInput.Number(reader, index, headers, source, line);
        if (value < 0 || value != Math.Floor(value) || value > int.MaxValue)
            throw new ClvDataException(source, line, headers[index], $"expected a whole period number >= 0 but got {value.ToString("R", CultureInfo.InvariantCulture)}");
        return (int)value;
    }
}
