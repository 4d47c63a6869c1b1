namespace Clv.Models.Data;

/// <summary>
/// Per-customer recency/frequency summary stored as columns (struct of arrays), the input of every
/// "Buy Till You Die" model. Row <c>i</c> of every column belongs to customer <see cref="CustomerIds"/>[i].
/// </summary>
/// <remarks>
/// Definitions follow the peers (lifetimes, BTYD, CLVTools):
/// <list type="bullet">
/// <item><c>frequency</c> x: number of repeat purchase periods (the first purchase is not counted; purchases in
/// the same period count once).</item>
/// <item><c>recency</c> t_x: time from the first to the last purchase (0 when x = 0).</item>
/// <item><c>T</c>: time from the first purchase to the end of the calibration window.</item>
/// <item><c>monetary_value</c>: mean value of the repeat purchases (0 when x = 0).</item>
/// <item>holdout columns: repeat purchase periods, their mean value, and the length of the holdout window.</item>
/// </list>
/// Times are in the summary's time unit (e.g. weeks). The columns are not copied: callers must not mutate
/// arrays they passed in.
/// </remarks>
public sealed class CustomerSummary
{
    /// <summary>Creates a summary from columns; validates lengths and values.</summary>
    /// <exception cref="ClvDataException">A column has the wrong length or a value is invalid.</exception>
    public CustomerSummary(
        string[] customerIds,
        double[] frequency,
        double[] recency,
        double[] t,
        double[]? monetaryValue = null,
        double[]? frequencyHoldout = null,
        double[]? monetaryValueHoldout = null,
        double[]? durationHoldout = null,
        string? source = null)
    {
        int n = customerIds.Length;
        RequireLength(frequency, n, "frequency", source);
        RequireLength(recency, n, "recency", source);
        RequireLength(t, n, "T", source);
        if (monetaryValue is not null) RequireLength(monetaryValue, n, "monetary_value", source);
        if (frequencyHoldout is not null) RequireLength(frequencyHoldout, n, "frequency_holdout", source);
        if (monetaryValueHoldout is not null) RequireLength(monetaryValueHoldout, n, "monetary_value_holdout", source);
        if (durationHoldout is not null) RequireLength(durationHoldout, n, "duration_holdout", source);
        for (int i = 0; i < n; i++)
        {
            SummaryValidation.ValidateRow(frequency[i], recency[i], t[i], source, row: null, rowIndex: i);
        }

        CustomerIds = customerIds;
        Frequency = frequency;
        Recency = recency;
        T = t;
        MonetaryValue = monetaryValue;
        FrequencyHoldout = frequencyHoldout;
        MonetaryValueHoldout = monetaryValueHoldout;
        DurationHoldout = durationHoldout;
    }

    /// <summary>Number of customers (rows).</summary>
    public int Count => CustomerIds.Length;

    /// <summary>Customer identifiers, one per row.</summary>
    public string[] CustomerIds { get; }

    /// <summary>Number of repeat purchase periods x.</summary>
    public double[] Frequency { get; }

    /// <summary>Time of the last purchase since the first, t_x.</summary>
    public double[] Recency { get; }

    /// <summary>Time from the first purchase to the end of calibration, T.</summary>
    public double[] T { get; }

    /// <summary>Mean value of the repeat purchases (0 when x = 0), when a monetary column was given.</summary>
    public double[]? MonetaryValue { get; }

    /// <summary>Repeat purchase periods in the holdout window, when a holdout split was made.</summary>
    public double[]? FrequencyHoldout { get; }

    /// <summary>Mean value of the holdout purchases (0 when none), when a holdout split with amounts was made.</summary>
    public double[]? MonetaryValueHoldout { get; }

    /// <summary>Length of the holdout window in the summary's time unit, when a holdout split was made.</summary>
    public double[]? DurationHoldout { get; }

    private static void RequireLength(double[] column, int n, string name, string? source)
    {
        if (column.Length != n)
        {
            throw new ClvDataException(source, null, name, $"expected {n} values (one per customer) but got {column.Length}");
        }
    }
}
