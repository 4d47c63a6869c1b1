using System.Globalization;
using System.Text;
using Clv.Models.Data;
using CsvHelper;

namespace Clv.Models.Covariates;

/// <summary>How to read a covariate CSV (<see cref="CovariateTableCsv"/>).</summary>
public sealed record CovariateCsvOptions
{
    /// <summary>Customer id column, or null to auto-detect it as for a summary (<c>customer_id|id|customer|cust|customerid|row</c>).</summary>
    public string? IdColumn { get; init; }

    /// <summary>Columns to read, or null for every column except the id.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Columns to treat as categorical even when every value is a number (e.g. a store number).</summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    /// <summary>Reference level per categorical column; a column not listed uses its first level in ordinal order.</summary>
    public IReadOnlyDictionary<string, string>? ReferenceLevels { get; init; }

    /// <summary>
    /// Categorical columns encoded as before (typically the <see cref="CovariateTable.Categorical"/> of the table a model was
    /// fitted on, stored in its model file): each is read as categorical with exactly these levels and this reference level —
    /// the same dummies even when this file shows only some levels, or one — and a cell with any other level is an error.
    /// </summary>
    public IReadOnlyList<CategoricalCovariate> FixedCategories { get; init; } = [];

    /// <summary>Field separator. Default <c>,</c>.</summary>
    public char Delimiter { get; init; } = ',';
}

/// <summary>
/// Reads a covariate table from CSV: a customer id column and covariate columns. A column is numeric when every cell is a
/// number, categorical when every cell is text or it is declared in <see cref="CovariateCsvOptions.Categorical"/>; a categorical
/// column with k levels becomes k−1 dummies <c>column=level</c> (1 for that level, else 0) against its reference level, as R's
/// treatment contrasts do in CLVTools. An empty cell, a non-finite number, a column that mixes numbers and text, a single-level
/// categorical column, a missing or repeated id are errors naming the file, line and column.
/// </summary>
public static class CovariateTableCsv
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="ClvDataException">The file is missing or a cell, column or id is invalid.</exception>
    public static CovariateTable Read(string path, CovariateCsvOptions? options = null)
    {
        using FileStream stream = CsvInput.OpenFile(path);
        return Read(stream, path, options);
    }

    /// <summary>Reads a covariate CSV from a stream (UTF-8, header required); <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="ClvDataException">A cell, column or id is invalid.</exception>
    public static CovariateTable Read(Stream stream, string sourceName, CovariateCsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        options ??= new CovariateCsvOptions();
        using CsvReader reader = CsvInput.Open(stream, options.Delimiter, leaveOpen: true);
        string[] headers = CsvInput.ReadHeader(reader, sourceName, "customer_id and covariate columns");
        int id = CsvInput.Column(headers, options.IdColumn, CustomerSummaryCsv.IdAliases, true, sourceName);
        int[] wanted = options.Columns is { } cols
            ? [.. cols.Select(c => CsvInput.Find(headers, c) is var k and >= 0 ? k : throw CsvInput.Missing(sourceName, c, headers))]
            : [.. Enumerable.Range(0, headers.Length).Where(k => k != id)];
        foreach (var c in options.Categorical.Concat(options.FixedCategories.Select(f => f.Column)))
            if (!wanted.Any(k => headers[k] == c)) throw CsvInput.Missing(sourceName, c, headers);

        var ids = new List<string>();
        var lines = new List<long>();
        var cells = wanted.Select(_ => new List<string>()).ToArray();
        while (reader.Read())
        {
            long line = reader.LineNumber;
            ids.Add(reader.GetString(id) ?? string.Empty);
            lines.Add(line);
            for (int c = 0; c < wanted.Length; c++)
            {
                string cell = (reader.GetString(wanted[c]) ?? string.Empty).Trim();
                if (cell.Length == 0) throw new ClvDataException(sourceName, line, headers[wanted[c]], "empty cell; expected a number or a category label");
                cells[c].Add(cell);
            }
        }
        if (ids.Count == 0) throw new ClvDataException(sourceName, 2, headers[id], "no data rows: expected one row per customer after the header");

        var names = new List<string>();
        var columns = new List<double[]>();
        var categorical = new List<CategoricalCovariate>();
        for (int c = 0; c < wanted.Length; c++)
        {
            string name = headers[wanted[c]];
            if (options.FixedCategories.FirstOrDefault(f => f.Column == name) is { } known)
            {
                categorical.Add(known);
                names.AddRange(known.DummyNames);
                columns.AddRange(FixedDummies(cells[c], lines, known, sourceName));
                continue;
            }
            bool declared = options.Categorical.Contains(name);
            if (!declared && Numeric(cells[c], lines, sourceName, name) is { } values)
            {
                names.Add(name);
                columns.Add(values);
                continue;
            }
            string? reference = options.ReferenceLevels is { } refs && refs.TryGetValue(name, out var r) ? r : null;
            var dummies = Dummies(cells[c], name, reference, sourceName);
            categorical.Add(dummies.Covariate);
            names.AddRange(dummies.Covariate.DummyNames);
            columns.AddRange(dummies.Columns);
        }
        return CovariateTable.Build(sourceName, headers[id], [.. ids], [.. lines], [.. names], [.. columns], categorical);
    }

    /// <summary>The column as numbers, or null when every cell is text; a mix of the two, or a non-finite number, is an error.</summary>
    private static double[]? Numeric(List<string> cells, List<long> lines, string source, string name)
    {
        var values = new double[cells.Count];
        int firstNumber = -1, firstText = -1;
        for (int i = 0; i < cells.Count; i++)
        {
            if (double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                if (!double.IsFinite(values[i])) throw new ClvDataException(source, lines[i], name, $"expected a finite number but got '{cells[i]}'");
                if (firstNumber < 0) firstNumber = i;
            }
            else if (firstText < 0) firstText = i;
            if (firstNumber >= 0 && firstText >= 0)
            {
                string kind = firstNumber < firstText ? "numbers" : "category labels";
                throw new ClvDataException(source, lines[i], name,
                    $"'{cells[i]}' in a column of {kind}: a covariate column is either numeric or categorical (declare it categorical if its numbers are labels)");
            }
        }
        return firstText >= 0 ? null : values;
    }

    private static (CategoricalCovariate Covariate, List<double[]> Columns) Dummies(List<string> cells, string name, string? reference, string source)
    {
        var levels = cells.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (levels.Count < 2) throw new ClvDataException(source, null, name, $"categorical column with the single level '{levels[0]}': it cannot explain differences between customers");
        reference ??= levels[0];
        if (!levels.Contains(reference))
            throw new ClvDataException(source, null, name, $"reference level '{reference}' does not occur; the levels are {string.Join(", ", levels)}");
        var dummyLevels = levels.Where(l => l != reference).ToList();
        var columns = dummyLevels.Select(_ => new double[cells.Count]).ToList();
        var indexOf = dummyLevels.Select((l, k) => (l, k)).ToDictionary(p => p.l, p => p.k, StringComparer.Ordinal);
        for (int i = 0; i < cells.Count; i++)
            if (indexOf.TryGetValue(cells[i], out int k)) columns[k][i] = 1;
        var covariate = new CategoricalCovariate(name, reference, levels, [.. dummyLevels.Select(l => DummyName(name, l))]);
        return (covariate, columns);
    }

    /// <summary>The dummies of a column with known levels; a cell with another level is an error naming its line.</summary>
    private static List<double[]> FixedDummies(List<string> cells, List<long> lines, CategoricalCovariate known, string source)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var level in known.Levels) indexOf[level] = -1;
        var dummyLevels = known.Levels.Where(l => l != known.ReferenceLevel).ToList();
        for (int k = 0; k < dummyLevels.Count; k++) indexOf[dummyLevels[k]] = k;
        var columns = dummyLevels.Select(_ => new double[cells.Count]).ToList();
        for (int i = 0; i < cells.Count; i++)
        {
            if (!indexOf.TryGetValue(cells[i], out int k))
                throw new ClvDataException(source, lines[i], known.Column,
                    $"unknown level '{cells[i]}'; the model knows {string.Join(", ", known.Levels)} (reference {known.ReferenceLevel})");
            if (k >= 0) columns[k][i] = 1;
        }
        return columns;
    }

    /// <summary>The dummy column of <paramref name="level"/> of <paramref name="column"/>: <c>column=level</c>.</summary>
    public static string DummyName(string column, string level) => $"{column}={level}";

    /// <summary>Writes a covariate table (numeric columns only, dummies as 0/1) with round-trip precision.</summary>
    public static void Write(CovariateTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var sb = new StringBuilder(table.IdColumn);
        foreach (var n in table.Names) sb.Append(',').Append(n);
        writer.Write(sb.Append('\n').ToString());
        for (int i = 0; i < table.Count; i++)
        {
            sb.Clear().Append(table.CustomerIds[i]);
            for (int k = 0; k < table.Names.Count; k++) sb.Append(',').Append(table.Column(k)[i].ToString("R", CultureInfo.InvariantCulture));
            writer.Write(sb.Append('\n').ToString());
        }
    }
}
