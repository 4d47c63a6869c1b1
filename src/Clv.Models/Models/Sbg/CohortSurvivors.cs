namespace Clv.Models.Sbg;

/// <summary>
/// Survivor counts of one or several cohorts of subscribers, stored as columns (struct of arrays): row i says that
/// <see cref="Survivors"/>[i] customers of cohort <see cref="Cohort"/>[i] were still subscribed at the start of period
/// <see cref="Period"/>[i] (period 0 = acquisition, so its count is the cohort's size). The input of <see cref="SbgModel"/>.
/// </summary>
/// <remarks>
/// Every cohort starts at period 0 and continues in consecutive periods 0, 1, …, T_c (cohorts may have different ages T_c, and
/// their rows may be interleaved); counts are whole numbers that never increase, and a cohort's size is &gt; 0. All cohorts are
/// assumed to share one (α, β): pool cohorts of the same kind of customer acquired at different times, fit different kinds
/// (e.g. regular and high-end) separately. The columns are copied.
/// </remarks>
public sealed class CohortSurvivors
{
    private readonly string[] cohort;
    private readonly int[] period;
    private readonly double[] survivors;
    private readonly double[][] byCohort;

    /// <summary>Creates the table from columns; validates lengths and values.</summary>
    /// <param name="cohort">Cohort name of each row.</param>
    /// <param name="period">Period of each row (0, 1, … within a cohort).</param>
    /// <param name="survivors">Customers of the cohort still subscribed at the start of that period.</param>
    /// <param name="source">Name of the input for error messages.</param>
    /// <exception cref="ClvDataException">A column has the wrong length or a row breaks the rules in the remarks.</exception>
    public CohortSurvivors(ReadOnlySpan<string> cohort, ReadOnlySpan<int> period, ReadOnlySpan<double> survivors, string? source = null)
        : this(cohort, period, survivors, source, default)
    {
    }

    internal CohortSurvivors(ReadOnlySpan<string> cohort, ReadOnlySpan<int> period, ReadOnlySpan<double> survivors, string? source, ReadOnlySpan<long> lines)
    {
        int n = cohort.Length;
        if (period.Length != n) throw new ClvDataException(source, null, "period", $"expected {n} values (one per row) but got {period.Length}");
        if (survivors.Length != n) throw new ClvDataException(source, null, "survivors", $"expected {n} values (one per row) but got {survivors.Length}");
        if (n == 0) throw new ClvDataException(source, null, null, "no rows: expected at least one cohort starting at period 0");
        var check = new CohortSurvivorsValidation(source);
        for (int i = 0; i < n; i++)
            check.Add(cohort[i], period[i], survivors[i], lines.IsEmpty ? null : lines[i], i);
        this.cohort = cohort.ToArray();
        this.period = period.ToArray();
        this.survivors = survivors.ToArray();
        CohortNames = check.Names;
        byCohort = check.Counts();
    }

    /// <summary>A single cohort from its survivor counts at periods 0, 1, …, counts.Length − 1.</summary>
    /// <param name="name">Cohort name.</param>
    /// <param name="counts">Customers still subscribed at the start of each period, starting with the cohort's size.</param>
    /// <exception cref="ClvDataException">A count is invalid (see the remarks of the class).</exception>
    public static CohortSurvivors FromCounts(string name, ReadOnlySpan<double> counts)
    {
        var names = new string[counts.Length];
        Array.Fill(names, name);
        return new CohortSurvivors(names, [.. Enumerable.Range(0, counts.Length)], counts);
    }

    /// <summary>Number of rows.</summary>
    public int Count => cohort.Length;

    /// <summary>Cohort name of each row.</summary>
    public ReadOnlySpan<string> Cohort => cohort;

    /// <summary>Period of each row.</summary>
    public ReadOnlySpan<int> Period => period;

    /// <summary>Survivors of each row.</summary>
    public ReadOnlySpan<double> Survivors => survivors;

    /// <summary>The distinct cohorts in order of first appearance.</summary>
    public IReadOnlyList<string> CohortNames { get; }

    /// <summary>Total number of customers: the sum of the cohorts' period-0 counts.</summary>
    public double TotalCustomers => byCohort.Sum(c => c[0]);

    /// <summary>Survivors of cohort <paramref name="index"/> (in <see cref="CohortNames"/>) at periods 0, 1, …, its last period.</summary>
    public ReadOnlySpan<double> SurvivorsOf(int index) => byCohort[index];

    /// <summary>The last observed period T_c of cohort <paramref name="index"/>.</summary>
    public int LastPeriod(int index) => byCohort[index].Length - 1;
}
