namespace Clv.Models.Sbg;

/// <summary>One cohort's actual and sBG-expected survivors per period, from <see cref="FittedSbg.Project"/>.</summary>
public sealed record CohortProjection
{
    private readonly int[] periods;
    private readonly double[] actual;
    private readonly double[] expected;

    internal CohortProjection(string cohort, int lastObservedPeriod, int[] periods, double[] actual, double[] expected)
    {
        Cohort = cohort;
        LastObservedPeriod = lastObservedPeriod;
        this.periods = periods;
        this.actual = actual;
        this.expected = expected;
    }

    /// <summary>Cohort name.</summary>
    public string Cohort { get; }

    /// <summary>The cohort's last observed period; later periods are projections.</summary>
    public int LastObservedPeriod { get; }

    /// <summary>Periods 0, 1, … of the projection.</summary>
    public ReadOnlySpan<int> Periods => periods;

    /// <summary>Observed survivors per period, NaN after <see cref="LastObservedPeriod"/>.</summary>
    public ReadOnlySpan<double> Actual => actual;

    /// <summary>Expected survivors per period, cohort size × S(t).</summary>
    public ReadOnlySpan<double> Expected => expected;
}
