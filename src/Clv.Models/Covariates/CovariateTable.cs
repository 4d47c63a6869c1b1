using Clv.Models.Data;

namespace Clv.Models.Covariates;

/// <summary>A categorical covariate as it entered the table: its levels and the k−1 dummy columns it was expanded to.</summary>
/// <param name="Column">The source column's name.</param>
/// <param name="ReferenceLevel">The level without a dummy: its customers have 0 in every dummy of the column.</param>
/// <param name="Levels">Every level, ordinal order.</param>
/// <param name="DummyNames">The dummy columns, <c>column=level</c>, one per level other than the reference.</param>
public sealed record CategoricalCovariate(string Column, string ReferenceLevel, IReadOnlyList<string> Levels, IReadOnlyList<string> DummyNames);

/// <summary>
/// Time-invariant customer attributes keyed by customer id: numeric columns as they are, categorical columns expanded to k−1
/// 0/1 dummies against a reference level (<see cref="CategoricalCovariate"/>). Immutable; join it to a summary with
/// <see cref="AlignTo"/>.
/// </summary>
public sealed class CovariateTable
{
    private readonly string[] ids;
    private readonly long[] lines;
    private readonly double[][] columns;
    private readonly string[] names;

    private CovariateTable(string source, string idColumn, string[] ids, long[] lines, string[] names, double[][] columns, IReadOnlyList<CategoricalCovariate> categorical)
    {
        Source = source;
        IdColumn = idColumn;
        this.ids = ids;
        this.lines = lines;
        this.names = names;
        this.columns = columns;
        Categorical = categorical;
    }

    /// <summary>Where the table came from (a file name), used in error messages.</summary>
    public string Source { get; }

    /// <summary>Name of the customer id column.</summary>
    public string IdColumn { get; }

    /// <summary>Number of customers.</summary>
    public int Count => ids.Length;

    /// <summary>Customer ids in the table's order.</summary>
    public IReadOnlyList<string> CustomerIds => ids;

    /// <summary>The covariate columns after dummy expansion, in the table's order.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>The categorical source columns and their dummies.</summary>
    public IReadOnlyList<CategoricalCovariate> Categorical { get; }

    /// <summary>The values of covariate column <paramref name="k"/> (of <see cref="Names"/>), one per customer.</summary>
    public ReadOnlySpan<double> Column(int k) => columns[k];

    /// <summary>
    /// A table from numeric columns (no categorical expansion; make dummies yourself or use <see cref="CovariateTableCsv"/>).
    /// </summary>
    /// <param name="customerIds">One id per row, unique and non-empty.</param>
    /// <param name="names">Column names, unique.</param>
    /// <param name="values">One array per column, one finite value per customer; not copied.</param>
    /// <param name="source">Name used in error messages.</param>
    /// <exception cref="ClvDataException">An id is empty or repeated, a value is not finite, or a column has the wrong length.</exception>
    public static CovariateTable Create(IReadOnlyList<string> customerIds, IReadOnlyList<string> names, IReadOnlyList<double[]> values, string source = "covariates")
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count != values.Count) throw new ArgumentException($"{names.Count} names but {values.Count} columns", nameof(values));
        var lines = new long[customerIds.Count];
        for (int i = 0; i < lines.Length; i++) lines[i] = i + 1;
        for (int k = 0; k < names.Count; k++)
        {
            if (values[k].Length != customerIds.Count)
                throw new ClvDataException(source, null, names[k], $"expected {customerIds.Count} values (one per customer) but got {values[k].Length}");
            for (int i = 0; i < values[k].Length; i++)
                if (!double.IsFinite(values[k][i])) throw new ClvDataException(source, i + 1, names[k], $"expected a finite number but got {values[k][i]}");
        }
        return Build(source, "customer_id", [.. customerIds], lines, [.. names], [.. values], []);
    }

    /// <summary>Validates ids and names; the reader and <see cref="Create"/> end here.</summary>
    internal static CovariateTable Build(string source, string idColumn, string[] ids, long[] lines, string[] names, double[][] columns, IReadOnlyList<CategoricalCovariate> categorical)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i])) throw CsvInput.EmptyId(source, lines[i], idColumn);
            if (!seen.TryAdd(ids[i], lines[i]))
                throw new ClvDataException(source, lines[i], idColumn, $"duplicate customer id '{ids[i]}', already on line {seen[ids[i]]}");
        }
        var unique = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names)
            if (!unique.Add(n)) throw new ClvDataException(source, 1, n, "duplicate covariate column name");
        return new CovariateTable(source, idColumn, ids, lines, names, columns, categorical);
    }

    /// <summary>
    /// The covariate names <paramref name="name"/> stands for: a categorical source column's dummies, or the column itself.
    /// </summary>
    /// <exception cref="ClvDataException">No column has that name.</exception>
    public IReadOnlyList<string> Expand(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Array.IndexOf(names, name) >= 0) return [name];
        foreach (var c in Categorical)
            if (c.Column == name) return c.DummyNames;
        throw new ClvDataException(Source, 1, name, $"no covariate named '{name}'; the table has {string.Join(", ", Categorical.Select(c => c.Column).Concat(names))}");
    }

    /// <summary>
    /// The covariates in the order of <paramref name="summary"/>'s customers. Every customer of the summary must have exactly
    /// one row and every row must belong to a customer of the summary.
    /// </summary>
    /// <param name="summary">The customers to align to.</param>
    /// <param name="summarySource">The summary's file name for error messages, if it came from one.</param>
    /// <exception cref="ClvDataException">A summary customer has no covariate row, or a covariate row's customer is not in the summary.</exception>
    public CustomerCovariates AlignTo(CustomerSummary summary, string? summarySource = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rowOf = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++) rowOf[ids[i]] = i;
        int n = summary.Count;
        var aligned = new double[columns.Length][];
        for (int k = 0; k < aligned.Length; k++) aligned[k] = new double[n];
        var used = new bool[ids.Length];
        for (int i = 0; i < n; i++)
        {
            string id = summary.CustomerIds[i];
            if (!rowOf.TryGetValue(id, out int row))
                throw new ClvDataException(Source, null, IdColumn,
                    $"customer '{id}' (row {i + 1} of the summary{(summarySource is null ? "" : $" {summarySource}")}) has no covariate row; every customer needs one");
            used[row] = true;
            for (int k = 0; k < aligned.Length; k++) aligned[k][i] = columns[k][row];
        }
        for (int row = 0; row < ids.Length; row++)
            if (!used[row])
                throw new ClvDataException(Source, lines[row], IdColumn,
                    $"customer '{ids[row]}' is not in the summary{(summarySource is null ? "" : $" {summarySource}")}; the covariate table must list exactly the summary's customers");
        return new CustomerCovariates(names, aligned, n, this);
    }
}

/// <summary>A <see cref="CovariateTable"/> in the order of one summary's customers (row i belongs to the summary's customer i).</summary>
public sealed class CustomerCovariates
{
    private readonly string[] names;
    private readonly double[][] columns;

    internal CustomerCovariates(string[] names, double[][] columns, int count, CovariateTable table)
    {
        this.names = names;
        this.columns = columns;
        Count = count;
        Table = table;
    }

    /// <summary>The table the rows were taken from.</summary>
    public CovariateTable Table { get; }

    /// <summary>Covariate names (after dummy expansion).</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>Number of customers.</summary>
    public int Count { get; }

    /// <summary>Covariate <paramref name="k"/> of every customer, in the summary's order.</summary>
    public ReadOnlySpan<double> Column(int k) => columns[k];

    /// <summary>Index of the covariate named <paramref name="name"/>, or −1.</summary>
    public int IndexOf(string name) => Array.IndexOf(names, name);

    internal double[] ColumnArray(int k) => columns[k];

    /// <summary>The covariates of the customers <paramref name="rows"/> (in that order).</summary>
    internal CustomerCovariates Select(int[] rows)
    {
        var selected = new double[columns.Length][];
        for (int k = 0; k < columns.Length; k++)
        {
            var column = columns[k];
            selected[k] = new double[rows.Length];
            for (int j = 0; j < rows.Length; j++) selected[k][j] = column[rows[j]];
        }
        return new CustomerCovariates(names, selected, rows.Length, Table);
    }
}
