namespace Clv.Models.Sbg;

/// <summary>Cohort projections of the sBG model (Fader &amp; Hardie 2007, section "Projecting retention").</summary>
public readonly partial record struct SbgParameters
{
    /// <summary>Expected survivors of a cohort of <paramref name="cohortSize"/> customers: <c>result[i] = size · S(periods[i])</c>.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public void ExpectedSurvivors(double cohortSize, ReadOnlySpan<int> periods, Span<double> result)
    {
        Survival(periods, result);
        for (int i = 0; i < result.Length; i++) result[i] *= cohortSize;
    }

    /// <summary>
    /// Actual and expected survivors of every cohort in <paramref name="data"/> at periods 0..<paramref name="lastPeriod"/>
    /// (the series of an actual-versus-projected survival plot).
    /// </summary>
    /// <param name="data">The cohorts (their sizes and observed survivors).</param>
    /// <param name="lastPeriod">Last period to project, ≥ 0.</param>
    public IReadOnlyList<CohortProjection> Project(CohortSurvivors data, int lastPeriod)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(lastPeriod);
        int[] periods = [.. Enumerable.Range(0, lastPeriod + 1)];
        var result = new List<CohortProjection>(data.CohortNames.Count);
        for (int c = 0; c < data.CohortNames.Count; c++)
        {
            var observed = data.SurvivorsOf(c);
            var actual = new double[periods.Length];
            for (int t = 0; t < actual.Length; t++) actual[t] = t < observed.Length ? observed[t] : double.NaN;
            var expected = new double[periods.Length];
            ExpectedSurvivors(observed[0], periods, expected);
            result.Add(new CohortProjection(data.CohortNames[c], observed.Length - 1, periods, actual, expected));
        }
        return result;
    }
}
