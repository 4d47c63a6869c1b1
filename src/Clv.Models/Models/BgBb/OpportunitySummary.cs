namespace Clv.Models.BgBb;

/// <summary>
/// The input of the BG/BB model, as columns (struct of arrays): per customer, or per recency/frequency pattern with a weight,
/// the number x of repeat transactions in n discrete transaction opportunities after the first transaction, and the
/// opportunity t_x of the last one (Fader, Hardie &amp; Shang 2010, section 2: opportunities 1, …, n; the first transaction is
/// at opportunity 0 and is not counted).
/// </summary>
/// <remarks>
/// A row is valid when 0 ≤ x ≤ t_x ≤ n are whole numbers and t_x = 0 exactly when x = 0 (x transactions at distinct
/// opportunities end no earlier than opportunity x). The columns are not copied: callers must not mutate arrays they passed in.
/// </remarks>
public sealed class OpportunitySummary
{
    private readonly int[] frequency;
    private readonly int[] recency;
    private readonly int[] periods;
    private readonly double[]? weights;

    /// <summary>Creates the input from columns; validates lengths and every row.</summary>
    /// <param name="frequency">x: repeat transactions (opportunities with a transaction) per row.</param>
    /// <param name="recency">t_x: the opportunity of the last transaction (0 when x = 0).</param>
    /// <param name="periods">n: the number of opportunities observed after the first transaction.</param>
    /// <param name="weights">Optional number of customers each row stands for (finite, ≥ 0); null for 1.</param>
    /// <param name="customerIds">Optional identifiers, one per row.</param>
    /// <param name="source">Name of the input in error messages.</param>
    /// <exception cref="ClvDataException">A column has the wrong length or a row is invalid.</exception>
    public OpportunitySummary(int[] frequency, int[] recency, int[] periods, double[]? weights = null, string[]? customerIds = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(frequency);
        ArgumentNullException.ThrowIfNull(recency);
        ArgumentNullException.ThrowIfNull(periods);
        int count = frequency.Length;
        RequireLength(recency.Length, count, "recency", source);
        RequireLength(periods.Length, count, "periods", source);
        if (weights is not null) RequireLength(weights.Length, count, "weight", source);
        if (customerIds is not null) RequireLength(customerIds.Length, count, "customer_id", source);
        for (int i = 0; i < count; i++)
        {
            ValidateRow(frequency[i], recency[i], periods[i], source, null, i);
            if (weights is not null) ValidateWeight(weights[i], source, null, i);
        }
        this.frequency = frequency;
        this.recency = recency;
        this.periods = periods;
        this.weights = weights;
        CustomerIds = customerIds;
    }

    /// <summary>Number of rows.</summary>
    public int Count => frequency.Length;

    /// <summary>x per row.</summary>
    public ReadOnlySpan<int> Frequency => frequency;

    /// <summary>t_x per row.</summary>
    public ReadOnlySpan<int> Recency => recency;

    /// <summary>n per row.</summary>
    public ReadOnlySpan<int> Periods => periods;

    /// <summary>Customers per row; empty when every row is one customer.</summary>
    public ReadOnlySpan<double> Weights => weights;

    /// <summary>True when the rows carry weights.</summary>
    public bool HasWeights => weights is not null;

    /// <summary>Identifiers, when given.</summary>
    public IReadOnlyList<string>? CustomerIds { get; }

    /// <summary>The number of customers the rows stand for (Σ weights, or the row count).</summary>
    public double TotalWeight => weights is null ? Count : weights.Sum();

    /// <summary>The weight of row <paramref name="i"/> (1 without weights).</summary>
    public double Weight(int i) => weights is null ? 1.0 : weights[i];

    /// <summary>
    /// Throws <see cref="ClvDataException"/> unless 0 ≤ x ≤ t_x ≤ n with t_x = 0 exactly when x = 0.
    /// </summary>
    /// <param name="x">Frequency.</param>
    /// <param name="tx">Recency.</param>
    /// <param name="n">Opportunities.</param>
    /// <param name="source">Input name for the error.</param>
    /// <param name="row">1-based file line, when reading a file.</param>
    /// <param name="rowIndex">0-based row index, used when no line is known.</param>
    /// <param name="columns">Header names of the frequency, recency and periods columns.</param>
    internal static void ValidateRow(long x, long tx, long n, string? source, long? row, int rowIndex, (string X, string Tx, string N)? columns = null)
    {
        var (cx, ctx, cn) = columns ?? ("frequency", "recency", "periods");
        string where = row is null ? $" (row {rowIndex})" : string.Empty;
        if (x < 0) throw new ClvDataException(source, row, cx, $"expected a non-negative whole number but got {x}{where}");
        if (tx < 0) throw new ClvDataException(source, row, ctx, $"expected a non-negative whole number but got {tx}{where}");
        if (n < 0) throw new ClvDataException(source, row, cn, $"expected a non-negative whole number but got {n}{where}");
        if (tx > n) throw new ClvDataException(source, row, ctx, $"recency {tx} exceeds the number of opportunities {n}{where}");
        if (x > tx) throw new ClvDataException(source, row, cx, $"frequency {x} exceeds recency {tx}: x transactions at distinct opportunities 1..t_x need x <= t_x{where}");
        if (x == 0 && tx != 0) throw new ClvDataException(source, row, ctx, $"frequency is 0, so recency must be 0 but got {tx}{where}");
    }

    /// <summary>Throws <see cref="ClvDataException"/> unless the weight is finite and ≥ 0.</summary>
    internal static void ValidateWeight(double w, string? source, long? row, int rowIndex, string column = "weight")
    {
        if (!(double.IsFinite(w) && w >= 0))
            throw new ClvDataException(source, row, column, $"expected a finite number >= 0 but got {Data.SummaryValidation.Show(w)}{(row is null ? $" (row {rowIndex})" : "")}");
    }

    private static void RequireLength(int length, int count, string name, string? source)
    {
        if (length != count) throw new ClvDataException(source, null, name, $"expected {count} values (one per row) but got {length}");
    }
}
