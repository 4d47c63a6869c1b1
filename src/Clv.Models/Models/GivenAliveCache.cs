namespace Clv.Models;

/// <summary>
/// Predictions of the form P(alive | x, t_x, T) · f(x, T): the "given alive" factor of E[Y(t)] (BG/NBD) and of DET depends on a
/// customer's (x, T) only (t_x acts through P(alive)), so a column of customers evaluates it once per distinct (x, T) — a few
/// hundred values for a customer base acquired over a few months.
/// </summary>
internal static class GivenAliveCache
{
    /// <summary>result[i] = P(alive)_i · givenAlive(x_i, T_i), with givenAlive evaluated once per distinct (x, T).</summary>
    public static void Fill(ReadOnlySpan<double> x, ReadOnlySpan<double> tx, ReadOnlySpan<double> T, Span<double> result,
        Func<double, double, double> givenAlive, Func<double, double, double, double> probabilityAlive)
    {
        PurchaseModelSpans.CheckLengths(x.Length, tx.Length, T.Length, result.Length);
        var cache = new Dictionary<(double, double), double>();
        for (int i = 0; i < x.Length; i++)
        {
            if (!(double.IsFinite(tx[i]) && tx[i] >= 0 && tx[i] <= T[i]))
                throw new ArgumentOutOfRangeException(nameof(tx), tx[i], $"recency t_x must satisfy 0 <= t_x <= T (row {i}).");
            if (!cache.TryGetValue((x[i], T[i]), out double given)) cache[(x[i], T[i])] = given = givenAlive(x[i], T[i]);
            double alive = probabilityAlive(x[i], tx[i], T[i]);
            result[i] = alive == 0 ? 0 : alive * given;
        }
    }

    /// <summary>
    /// result[i] = alive[i] · givenAlive(x_i, T_i) from an already computed P(alive) column, with givenAlive evaluated once per
    /// distinct (x, T) (0 where P(alive) is 0, as in <see cref="Fill"/>).
    /// </summary>
    public static void Scale(ReadOnlySpan<double> x, ReadOnlySpan<double> T, ReadOnlySpan<double> alive, Span<double> result, Func<double, double, double> givenAlive)
    {
        var cache = new Dictionary<(double, double), double>();
        for (int i = 0; i < x.Length; i++)
        {
            if (alive[i] == 0)
            {
                result[i] = 0;
                continue;
            }
            if (!cache.TryGetValue((x[i], T[i]), out double given)) cache[(x[i], T[i])] = given = givenAlive(x[i], T[i]);
            result[i] = alive[i] * given;
        }
    }
}
