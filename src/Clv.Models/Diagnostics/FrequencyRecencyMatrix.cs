using Clv.Models.Data;

namespace Clv.Models.Diagnostics;

/// <summary>
/// P(alive | x, t_x, T) and E[Y(h) | x, t_x, T] over a grid of frequency x = 0, …, X and recency t_x ∈ [0, T] for customers
/// observed for the same T (lifetimes' <c>plot_probability_alive_matrix</c> and <c>plot_frequency_recency_matrix</c>).
/// Cells with x = 0 and t_x &gt; 0 describe no customer (recency is 0 without repeat purchases) and are NaN.
/// </summary>
public sealed record FrequencyRecencyMatrix
{
    private readonly double[] alive;
    private readonly double[] expected;

    private FrequencyRecencyMatrix(double t, double horizon, int[] frequencies, double[] recencies, double[] alive, double[] expected)
    {
        T = t;
        Horizon = horizon;
        Frequencies = frequencies;
        Recencies = recencies;
        this.alive = alive;
        this.expected = expected;
    }

    /// <summary>Age T of the customers the grid describes.</summary>
    public double T { get; }

    /// <summary>Horizon h of the expected purchases.</summary>
    public double Horizon { get; }

    /// <summary>Grid frequencies 0, …, X (rows).</summary>
    public IReadOnlyList<int> Frequencies { get; }

    /// <summary>Grid recencies, ascending from 0 to T (columns).</summary>
    public IReadOnlyList<double> Recencies { get; }

    /// <summary>P(alive) of row <paramref name="frequencyIndex"/>, column <paramref name="recencyIndex"/> (NaN for x = 0, t_x &gt; 0).</summary>
    public double ProbabilityAlive(int frequencyIndex, int recencyIndex) => alive[Index(frequencyIndex, recencyIndex)];

    /// <summary>E[Y(h)] of row <paramref name="frequencyIndex"/>, column <paramref name="recencyIndex"/> (NaN for x = 0, t_x &gt; 0).</summary>
    public double ExpectedPurchases(int frequencyIndex, int recencyIndex) => expected[Index(frequencyIndex, recencyIndex)];

    /// <summary>The grid x = 0, …, <paramref name="maxFrequency"/> by <paramref name="recencyPoints"/> recencies evenly spaced in [0, <paramref name="t"/>].</summary>
    /// <param name="model">The model.</param>
    /// <param name="maxFrequency">Largest frequency X ≥ 0.</param>
    /// <param name="t">Customer age T &gt; 0.</param>
    /// <param name="recencyPoints">Number of recency columns ≥ 2.</param>
    /// <param name="horizon">Horizon h ≥ 0 of the expected purchases.</param>
    public static FrequencyRecencyMatrix Compute(IPurchaseModel model, int maxFrequency, double t, int recencyPoints, double horizon)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(maxFrequency);
        ArgumentOutOfRangeException.ThrowIfLessThan(recencyPoints, 2);
        if (!(double.IsFinite(t) && t > 0)) throw new ArgumentOutOfRangeException(nameof(t), t, "T must be finite and > 0");
        if (!(double.IsFinite(horizon) && horizon >= 0)) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "the horizon must be finite and >= 0");
        int[] frequencies = [.. Enumerable.Range(0, maxFrequency + 1)];
        double[] recencies = [.. Enumerable.Range(0, recencyPoints).Select(j => j == recencyPoints - 1 ? t : t * j / (recencyPoints - 1))];
        int n = frequencies.Length * recencyPoints;
        var x = new double[n];
        var tx = new double[n];
        var age = new double[n];
        for (int i = 0; i < frequencies.Length; i++)
        {
            for (int j = 0; j < recencyPoints; j++)
            {
                int k = i * recencyPoints + j;
                x[k] = frequencies[i];
                tx[k] = frequencies[i] == 0 ? 0 : recencies[j];
                age[k] = t;
            }
        }

        var alive = new double[n];
        var expected = new double[n];
        model.ProbabilityAlive(x, tx, age, alive);
        model.ExpectedPurchases(horizon, x, tx, age, expected);
        for (int j = 1; j < recencyPoints; j++) alive[j] = expected[j] = double.NaN;
        return new FrequencyRecencyMatrix(t, horizon, frequencies, recencies, alive, expected);
    }

    /// <summary>The grid lifetimes draws for a summary: x = 0, …, max x; t_x from 0 to T = max T in about unit steps (at most 60 columns).</summary>
    /// <param name="model">The model.</param>
    /// <param name="summary">The calibration summary.</param>
    /// <param name="horizon">Horizon h of the expected purchases.</param>
    public static FrequencyRecencyMatrix Compute(IPurchaseModel model, CustomerSummary summary, double horizon)
    {
        ArgumentNullException.ThrowIfNull(summary);
        double t = summary.T.Max();
        if (!(t > 0)) throw new ClvDataException(null, null, "T", "every customer has T = 0; the matrix needs customers observed for some time");
        int points = Math.Clamp((int)Math.Ceiling(t) + 1, 2, 60);
        return Compute(model, (int)summary.Frequency.Max(), t, points, horizon);
    }

    private int Index(int i, int j)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, Frequencies.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(j);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(j, Recencies.Count);
        return i * Recencies.Count + j;
    }
}
